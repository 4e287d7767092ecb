// A line protocol parser: verb, key:value headers, blank line, body length; `?` and return in arms.
pub const ALPHABET: &[u8] = b"GET:k1\n \n9x";

#[derive(Clone, Copy, PartialEq, Debug)]
enum P {
    Verb,
    HeaderKey,
    HeaderValue,
    Body,
}

#[derive(Debug)]
struct Bad(usize);

fn digit(b: u8, at: usize) -> Result<usize, Bad> {
    if b.is_ascii_digit() { Ok(usize::from(b - b'0')) } else { Err(Bad(at)) }
}

fn parse(input: &[u8]) -> Result<(usize, usize, usize), Bad> {
    let mut p = P::Verb;
    let mut i = 0;
    let mut headers = 0;
    let mut body = 0;
    // expect: rust/state-loop var=p
    loop {
        match p {
            P::Verb => {
                while i < input.len() && input[i].is_ascii_uppercase() {
                    i += 1;
                }
                if i == input.len() {
                    return Err(Bad(i));
                }
                if input[i] != b'\n' {
                    return Err(Bad(i));
                }
                i += 1;
                p = P::HeaderKey;
            }
            P::HeaderKey => {
                match input.get(i) {
                    None => return Ok((headers, body, i)),
                    Some(b'\n') => {
                        i += 1;
                        p = P::Body;
                    }
                    Some(b':') => {
                        i += 1;
                        headers += 1;
                        p = P::HeaderValue;
                    }
                    Some(_) => i += 1,
                }
            }
            P::HeaderValue => {
                let Some(&b) = input.get(i) else { return Err(Bad(i)) };
                i += 1;
                if b == b'\n' {
                    p = P::HeaderKey;
                }
            }
            P::Body => {
                let Some(&b) = input.get(i) else { return Ok((headers, body, i)) };
                body += digit(b, i)?;
                i += 1;
            }
        }
    }
}

pub fn run(input: &[u8]) -> String {
    format!("{:?}", parse(input))
}
