// A C comment and string stripper on a char state: '/', '*' and '"' drive seven states.
pub const ALPHABET: &[u8] = b"a/*\"\\\n ";

pub fn run(input: &[u8]) -> String {
    let mut out = String::new();
    let mut chars = input.iter().map(|&b| b as char);
    let mut st = 'c';
    // expect: rust/state-loop var=st
    loop {
        match st {
            'c' => match chars.next() {
                None => break,
                Some('/') => st = '/',
                Some('"') => {
                    out.push('"');
                    st = 's';
                }
                Some(ch) => out.push(ch),
            },
            '/' => match chars.next() {
                None => {
                    out.push('/');
                    break;
                }
                Some('*') => st = 'b',
                Some('/') => st = 'l',
                Some(ch) => {
                    out.push('/');
                    out.push(ch);
                    st = 'c';
                }
            },
            'b' => match chars.next() {
                None => break,
                Some('*') => st = '*',
                Some(_) => {}
            },
            '*' => match chars.next() {
                None => break,
                Some('/') => {
                    out.push(' ');
                    st = 'c';
                }
                Some('*') => {}
                Some(_) => st = 'b',
            },
            'l' => match chars.next() {
                None => break,
                Some('\n') => {
                    out.push('\n');
                    st = 'c';
                }
                Some(_) => {}
            },
            's' => match chars.next() {
                None => break,
                Some('\\') => {
                    out.push('\\');
                    st = 'e';
                }
                Some('"') => {
                    out.push('"');
                    st = 'c';
                }
                Some(ch) => out.push(ch),
            },
            _ => match chars.next() {
                None => break,
                Some(ch) => {
                    out.push(ch);
                    st = 's';
                }
            },
        }
    }
    format!("{:?} {}", out, st)
}
