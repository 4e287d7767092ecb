// An epilogue (statements after the match that neither read nor change the state) moves to the end of every
// path of every arm that completes normally: before a final constant transition, so that it stays a
// #[const_continue]; paths that `continue`, `break` or `return` skipped it before and still do.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Key,
    Value,
    Skip,
}

pub fn pairs(input: &[u8]) -> (usize, usize) {
    let mut phase = Phase::Key;
    let mut i = 0;
    let mut keys = 0;
    let mut rounds = 0;
    // expect: rust/state-loop var=phase
    loop {
        match phase {
            Phase::Key => {
                if i >= input.len() {
                    return (keys, rounds);
                }
                if input[i] == b'=' {
                    keys += 1;
                    phase = Phase::Value;
                } else if input[i] == b'#' {
                    phase = Phase::Skip;
                } else {
                    i += 1;
                    continue;
                }
            }
            Phase::Value => {
                if i >= input.len() {
                    break;
                }
                if input[i] == b';' {
                    phase = Phase::Key;
                }
            }
            Phase::Skip => phase = Phase::Key,
        }
        i += 1;
        rounds += 1;
    }
    (keys, rounds)
}
