// Two loops whose epilogue uses the local state: a c2rust-style selector reader whose epilogue advances and
// sets the state (`i += 1; block = 18;`), and a tracer whose epilogue records the state every arm left. Both
// epilogues move after everything the arms do.
pub const ALPHABET: &[u8] = b"a  b\0\0z";

fn selectors(input: &[u8]) -> (usize, u32, u32) {
    let mut block: u32 = 18;
    let mut i = 0;
    let mut j = 0;
    let mut sum = 0u32;
    let mut rounds = 0u32;
    // expect: rust/state-loop var=block normalised=statements-into-arms
    loop {
        match block {
            18 => {
                if i >= input.len() {
                    break;
                }
                j = 0;
                block = if input[i] == 0 { 40 } else { 25 };
                continue;
            }
            25 => {
                if j < 3 && i + j < input.len() {
                    sum = sum.wrapping_mul(3).wrapping_add(input[i + j] as u32);
                    j += 1;
                    continue;
                }
                if sum % 7 == 3 {
                    block = 40;
                }
            }
            40 => {
                rounds += 1;
                if rounds > 50 {
                    return (i, sum, rounds);
                }
                block = 25;
            }
            _ => {
                sum += 1;
            }
        }
        rounds += 1;
        i += 1;
        block = 18;
    }
    (i, sum, rounds)
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Step {
    A,
    B,
    C,
}

fn trace(input: &[u8]) -> Vec<Step> {
    let mut step = Step::A;
    let mut seen = Vec::new();
    let mut i = 0;
    // expect: rust/state-loop var=step normalised=statements-into-arms
    loop {
        match step {
            Step::A => {
                if i >= input.len() {
                    return seen;
                }
                if input[i] == b' ' {
                    i += 1;
                    step = Step::A;
                    continue;
                }
                step = Step::B;
            }
            Step::B => {
                if input[i] == 0 {
                    step = Step::C;
                } else if input[i] == b'z' {
                    break;
                } else {
                    step = Step::A;
                }
            }
            Step::C => {
                if seen.len() > 40 {
                    return seen;
                }
                step = Step::A;
            }
        }
        seen.push(step);
        if step == Step::C {
            i += 2;
        }
        i += 1;
    }
    seen.push(Step::C);
    seen
}

pub fn run(input: &[u8]) -> String {
    format!("{:?} {:?}", selectors(input), trace(input))
}
