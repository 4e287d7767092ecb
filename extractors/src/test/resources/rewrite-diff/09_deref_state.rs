// A state behind `&mut` (`*state`), advanced a few steps per call and resumed by the next call.
pub const ALPHABET: &[u8] = b"\x00\x01\x02\x03\x04";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Gate {
    Closed,
    Opening,
    Open,
    Closing,
}

fn tick(state: &mut Gate, budget: &mut u32, log: &mut Vec<u8>) {
    // expect: rust/field-state-loop var=*state
    loop {
        match *state {
            Gate::Closed => {
                if *budget == 0 {
                    return;
                }
                *budget -= 1;
                log.push(b'c');
                *state = Gate::Opening;
            }
            Gate::Opening => {
                log.push(b'o');
                *state = Gate::Open;
            }
            Gate::Open => {
                if *budget < 2 {
                    break;
                }
                *budget -= 2;
                *state = Gate::Closing;
            }
            Gate::Closing => {
                log.push(b'x');
                *state = Gate::Closed;
            }
        }
    }
}

pub fn run(input: &[u8]) -> String {
    let mut g = Gate::Closed;
    let mut log = Vec::new();
    for &b in input {
        let mut budget = u32::from(b);
        tick(&mut g, &mut budget, &mut log);
        log.push(b'|');
    }
    format!("{:?} {}", g, String::from_utf8(log).unwrap())
}
