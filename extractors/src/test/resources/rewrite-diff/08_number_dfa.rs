// A DFA accepting decimal numbers like -12.5e+3: integer states, or-patterns, ranges, a catch-all.
pub const ALPHABET: &[u8] = b"-+1.e9 ";

fn accepts(input: &[u8]) -> (bool, u32) {
    let mut s: u32 = 0;
    let mut i = 0;
    let mut visits = 0;
    // expect: rust/state-loop var=s
    loop {
        visits += 0;
        match s {
            0 => match input.get(i) {
                Some(b'-' | b'+') => {
                    i += 1;
                    s = 1;
                }
                Some(b'0'..=b'9') => s = 1,
                _ => return (false, visits),
            },
            1 | 2 => {
                visits += 1;
                match input.get(i) {
                    Some(b'0'..=b'9') => {
                        i += 1;
                        s = 2;
                    }
                    Some(b'.') if s == 2 => {
                        i += 1;
                        s = 3;
                    }
                    Some(b'e') if s == 2 => {
                        i += 1;
                        s = 5;
                    }
                    None if s == 2 => return (true, visits),
                    _ => s = 99,
                }
            }
            3 | 4 => match input.get(i) {
                Some(b'0'..=b'9') => {
                    i += 1;
                    s = 4;
                }
                Some(b'e') if s == 4 => {
                    i += 1;
                    s = 5;
                }
                None if s == 4 => return (true, visits),
                _ => s = 99,
            },
            5..=7 => {
                visits += 1;
                match (s, input.get(i)) {
                    (5, Some(b'-' | b'+')) => {
                        i += 1;
                        s = 6;
                    }
                    (_, Some(b'0'..=b'9')) => {
                        i += 1;
                        s = 7;
                    }
                    (7, None) => return (true, visits),
                    _ => s = 99,
                }
            }
            _ => return (false, visits),
        }
    }
}

fn accepts2(input: &[u8]) -> (bool, u32) {
    let mut s: u32 = 0;
    let mut i = 0;
    let mut visits = 0;
    // expect: rust/state-loop var=s
    loop {
        match s {
            0 => match input.get(i) {
                Some(b'-' | b'+') => {
                    i += 1;
                    s = 1;
                }
                Some(b'0'..=b'9') => s = 1,
                _ => return (false, visits),
            },
            1 | 2 => {
                visits += 1;
                match input.get(i) {
                    Some(b'0'..=b'9') => {
                        i += 1;
                        s = 2;
                    }
                    Some(b'.') => {
                        if s != 2 {
                            return (false, visits);
                        }
                        i += 1;
                        s = 3;
                    }
                    None => return (s == 2, visits),
                    _ => s = 99,
                }
            }
            3 | 4 => match input.get(i) {
                Some(b'0'..=b'9') => {
                    i += 1;
                    s = 4;
                }
                None => return (s == 4, visits),
                _ => s = 99,
            },
            _ => return (false, visits),
        }
    }
}

pub fn run(input: &[u8]) -> String {
    format!("{:?} {:?}", accepts(input), accepts2(input))
}
