// An infback-style loop: macro_rules! and fn items in the loop body, a macro that breaks out of the labelled
// loop; the items stay in the dispatch block.
pub const ALPHABET: &[u8] = b"\x00\x01\x02\x07xy";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Type,
    Stored,
    Lens,
    Done,
}

pub fn run(input: &[u8]) -> String {
    let mut have = 0usize;
    let mut out = Vec::new();
    let mut mode = Mode::Type;
    let mut left = 0u8;
    // expect: rust/state-loop var=mode normalised=statements-into-arms
    'inf_leave: loop {
        macro_rules! pull {
            () => {{
                if have == input.len() {
                    out.push(255);
                    break 'inf_leave;
                }
                have += 1;
                input[have - 1]
            }};
        }

        fn weight(b: u8) -> u8 {
            b.wrapping_mul(3)
        }

        let b = pull!();
        match mode {
            Mode::Type => match b & 3 {
                0 => mode = Mode::Stored,
                1 => mode = Mode::Lens,
                2 => mode = Mode::Done,
                _ => out.push(0),
            },
            Mode::Stored => {
                left = b & 7;
                while left > 0 {
                    out.push(weight(pull!()));
                    left -= 1;
                }
                mode = Mode::Type;
            }
            Mode::Lens => {
                out.push(b);
                if b == b'x' {
                    mode = Mode::Type;
                }
            }
            Mode::Done => break 'inf_leave,
        }
    }
    format!("{:?} {:?} {}", out, mode, left)
}
