// A line splitter whose prologue (fetching the next byte, stopping at the end) runs before every dispatch:
// moved to the head of every arm.
pub const ALPHABET: &[u8] = b"ab \n\r#";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Line {
    Start,
    Text,
    Comment,
    Cr,
}

pub fn run(input: &[u8]) -> String {
    let mut out = String::new();
    let mut line = Line::Start;
    let mut i = 0;
    let mut width = 0;
    // expect: rust/state-loop var=line normalised=statements-into-arms
    loop {
        let Some(&c) = input.get(i) else {
            out.push_str(&format!("end{}", width));
            return out;
        };
        i += 1;
        match line {
            Line::Start => {
                width = 0;
                if c == b'#' {
                    line = Line::Comment;
                } else if c == b'\r' {
                    line = Line::Cr;
                } else if c != b'\n' {
                    width += 1;
                    line = Line::Text;
                }
            }
            Line::Text => {
                if c == b'\n' {
                    out.push_str(&format!("T{} ", width));
                    line = Line::Start;
                } else if c == b'\r' {
                    line = Line::Cr;
                } else {
                    width += 1;
                }
            }
            Line::Comment => {
                if c == b'\n' {
                    out.push_str("C ");
                    line = Line::Start;
                }
            }
            Line::Cr => {
                out.push_str(if c == b'\n' { "crlf " } else { "cr " });
                if c == b'a' {
                    continue;
                }
                line = Line::Start;
            }
        }
    }
}
