// A CSV record splitter with quoted fields: enum states, a transition followed by more work, break with value.
pub const ALPHABET: &[u8] = b"a,\"\"b\n,";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Csv {
    FieldStart,
    Plain,
    Quoted,
    QuoteInQuoted,
}

fn fields(input: &[u8]) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut st = Csv::FieldStart;
    let mut i = 0;
    // expect: rust/state-loop var=st
    let consumed = loop {
        match st {
            Csv::FieldStart => {
                let Some(&c) = input.get(i) else { break i };
                i += 1;
                match c {
                    b'"' => st = Csv::Quoted,
                    b',' => out.push(std::mem::take(&mut cur)),
                    b'\n' => break i,
                    _ => {
                        cur.push(c as char);
                        st = Csv::Plain;
                    }
                }
            }
            Csv::Plain => {
                let Some(&c) = input.get(i) else { break i };
                i += 1;
                if c == b',' {
                    out.push(std::mem::take(&mut cur));
                    st = Csv::FieldStart;
                } else if c == b'\n' {
                    break i;
                } else {
                    cur.push(c as char);
                }
            }
            Csv::Quoted => {
                let Some(&c) = input.get(i) else { break i + 1000 };
                i += 1;
                if c == b'"' {
                    st = Csv::QuoteInQuoted;
                    cur.push('|');
                } else {
                    cur.push(c as char);
                }
            }
            Csv::QuoteInQuoted => {
                match input.get(i) {
                    Some(b'"') => {
                        cur.pop();
                        cur.push('"');
                        i += 1;
                        st = Csv::Quoted;
                    }
                    _ => {
                        cur.pop();
                        st = Csv::Plain;
                    }
                }
            }
        }
    };
    out.push(cur);
    (out, consumed)
}

pub fn run(input: &[u8]) -> String {
    format!("{:?}", fields(input))
}
