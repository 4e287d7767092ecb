// brotli-style decoder loops on a field whose fieldless enum is neither Copy nor Clone: the local copy of
// the state goes through an exhaustive identity match.
pub const ALPHABET: &[u8] = b"\x00\x01\x02\x03xyz";

pub enum Sub {
    None,
    Header,
    Bytes,
    Trailer,
    Done,
}

pub struct Dec {
    sub: Sub,
    count: u32,
    sum: u32,
}

fn decode(s: &mut Dec, input: &[u8], pos: &mut usize) -> Result<u32, u32> {
    // expect: rust/field-state-loop var=s.sub copy=identity-match normalised=identity-copy
    loop {
        match s.sub {
            Sub::None => {
                if *pos == input.len() {
                    return Err(1);
                }
                s.sub = Sub::Header;
            }
            Sub::Header => {
                s.count = u32::from(input[*pos] & 3);
                *pos += 1;
                if s.count == 0 {
                    s.sub = Sub::Trailer;
                    continue;
                }
                s.sub = Sub::Bytes;
            }
            Sub::Bytes => {
                if *pos == input.len() {
                    return Err(2);
                }
                s.sum = s.sum.wrapping_mul(31).wrapping_add(u32::from(input[*pos]));
                *pos += 1;
                s.count -= 1;
                if s.count == 0 {
                    s.sub = if s.sum % 2 == 0 { Sub::Trailer } else { Sub::None };
                }
            }
            Sub::Trailer => {
                if *pos < input.len() && input[*pos] == b'z' {
                    return Err(3);
                }
                s.sub = Sub::Done;
            }
            Sub::Done => {
                s.sub = Sub::None;
                return Ok(s.sum);
            }
        }
    }
}

pub fn run(input: &[u8]) -> String {
    let mut s = Dec { sub: Sub::None, count: 0, sum: 0 };
    let mut pos = 0;
    let mut out = String::new();
    for _ in 0..4 {
        out.push_str(&format!("{:?} ", decode(&mut s, input, &mut pos)));
    }
    out
}
