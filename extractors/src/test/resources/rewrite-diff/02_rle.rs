// A run-length decoder: count byte, value byte, emit; integer states with ranges and non-final transitions.
pub const ALPHABET: &[u8] = b"\x00\x01\x02\x03\x05AB\xff";

pub fn run(input: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::new();
    let mut state: u8 = 0;
    let mut i = 0;
    let mut count = 0usize;
    // expect: rust/state-loop var=state
    loop {
        match state {
            0 => {
                let Some(&c) = input.get(i) else { break };
                i += 1;
                count = usize::from(c & 7);
                state = if count == 0 { 0 } else { 1 };
            }
            1 => {
                let Some(&v) = input.get(i) else {
                    out.push(b'?');
                    break;
                };
                i += 1;
                state = 2;
                out.push(v);
                count -= 1;
            }
            2..=4 => {
                if count == 0 {
                    state = 0;
                } else {
                    let last = *out.last().unwrap();
                    out.push(last);
                    count -= 1;
                }
            }
            _ => unreachable!(),
        }
    }
    out.iter().map(|b| format!("{:02x}", b)).collect()
}
