// A shell-words style splitter whose arms yield the next state (`state = match state { .. }`) and a byte
// classifier with if/else, block-tail, nested-match, dynamic, `continue` and `return` leaves: the assignment
// moves into the leaves.
pub const ALPHABET: &[u8] = b"ab \"\\#\nz!";

#[derive(Clone, Copy, PartialEq, Debug)]
enum State {
    Delimiter,
    Backslash,
    Unquoted,
    DoubleQuoted,
    Comment,
}

fn split(s: &[u8]) -> Result<Vec<Vec<u8>>, ()> {
    use State::*;
    let mut words = Vec::new();
    let mut word = Vec::new();
    let mut chars = s.iter().copied();
    let mut state = Delimiter;
    // expect: rust/state-loop var=state normalised=assigned-match-into-arms
    loop {
        let c = chars.next();
        state = match state {
            Delimiter => match c {
                None => break,
                Some(b'"') => DoubleQuoted,
                Some(b'\\') => Backslash,
                Some(b' ') | Some(b'\n') => Delimiter,
                Some(b'#') => Comment,
                Some(c) => {
                    word.push(c);
                    Unquoted
                }
            },
            Backslash => match c {
                None => {
                    word.push(b'\\');
                    words.push(std::mem::take(&mut word));
                    break;
                }
                Some(b'\n') => Delimiter,
                Some(c) => {
                    word.push(c);
                    Unquoted
                }
            },
            Unquoted => match c {
                None => {
                    words.push(std::mem::take(&mut word));
                    break;
                }
                Some(b'"') => DoubleQuoted,
                Some(b' ') | Some(b'\n') => {
                    words.push(std::mem::take(&mut word));
                    Delimiter
                }
                Some(c) => {
                    word.push(c);
                    Unquoted
                }
            },
            DoubleQuoted => match c {
                None => return Err(()),
                Some(b'"') => Unquoted,
                Some(c) => {
                    word.push(c);
                    DoubleQuoted
                }
            },
            Comment => match c {
                None => break,
                Some(b'\n') => Delimiter,
                Some(_) => Comment,
            },
        };
    }
    Ok(words)
}

fn classify(input: &[u8], table: &[u8; 4]) -> (u8, usize) {
    let mut st: u8 = 0;
    let mut i = 0;
    // expect: rust/state-loop var=st normalised=assigned-match-into-arms
    loop {
        if i >= input.len() {
            return (st, i);
        }
        let b = input[i];
        i += 1;
        st = match st {
            0 => {
                if b == b'a' {
                    1
                } else if b == b'z' {
                    break;
                } else {
                    2
                }
            }
            1 => {
                let n = b % 4;
                if n == 3 {
                    continue;
                }
                table[n as usize] % 3
            }
            _ => match b {
                b'!' => return (255, i),
                b'"' => 1,
                _ => 0,
            },
        };
    }
    (st + 10, i)
}

pub fn run(input: &[u8]) -> String {
    format!("{:?} {:?}", split(input), classify(input, &[1, 2, 0, 5]))
}
