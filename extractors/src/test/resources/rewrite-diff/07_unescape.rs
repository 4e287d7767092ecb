// An unescaper over a `while` loop: the condition moves into every arm; unlabelled continue and break.
pub const ALPHABET: &[u8] = b"a\\nt0x4";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Esc {
    Plain,
    Backslash,
    Hex1,
    Hex2,
}

pub fn run(input: &[u8]) -> String {
    let mut out = Vec::new();
    let mut esc = Esc::Plain;
    let mut i = 0;
    let mut hex = 0u8;
    // expect: rust/state-loop var=esc
    while i < input.len() {
        match esc {
            Esc::Plain => {
                let c = input[i];
                i += 1;
                if c == b'\\' {
                    esc = Esc::Backslash;
                    continue;
                }
                if c == b'0' {
                    break;
                }
                out.push(c);
            }
            Esc::Backslash => {
                let c = input[i];
                i += 1;
                match c {
                    b'n' => {
                        out.push(b'\n');
                        esc = Esc::Plain;
                    }
                    b't' => {
                        out.push(b'\t');
                        esc = Esc::Plain;
                    }
                    b'x' => esc = Esc::Hex1,
                    _ => {
                        out.push(b'?');
                        esc = Esc::Plain;
                    }
                }
            }
            Esc::Hex1 | Esc::Hex2 => {
                let c = input[i];
                i += 1;
                let d = if c.is_ascii_digit() { c - b'0' } else { 10 };
                hex = hex.wrapping_mul(16).wrapping_add(d);
                if esc == Esc::Hex1 {
                    esc = Esc::Hex2;
                } else {
                    out.push(hex);
                    hex = 0;
                    esc = Esc::Plain;
                }
            }
        }
    }
    format!("{:?} {:?} {}", out, esc, i)
}
