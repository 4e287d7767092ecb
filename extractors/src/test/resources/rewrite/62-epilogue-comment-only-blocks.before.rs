// An epilogue moving into a block that holds only a comment (mailparse's `addrparse_inner`: `// continue in
// same state`) goes on lines of its own before the block's `}`, indented as the block's code, like every other copy.
#[derive(Clone, Copy, PartialEq)]
enum Scan {
    Text,
    Quoted,
}

pub fn unquoted(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    let mut scan = Scan::Text;
    let mut c = match it.next() {
        None => return out,
        Some(c) => c,
    };
    // expect: rust/state-loop var=scan
    loop {
        match scan {
            Scan::Text => {
                if c == '"' {
                    scan = Scan::Quoted;
                } else if c == ' ' {
                    // spaces outside quotes are dropped
                } else {
                    out.push(c);
                }
            }
            Scan::Quoted => {
                if c == '"' {
                    scan = Scan::Text;
                } else {
                    out.push(c);
                }
            }
        }
        c = match it.next() {
            None => break,
            Some(c) => c,
        };
    }
    out
}
