//! The planted crate's library: a state loop, so the rewriter verifies a rewrite with real builds.
//! expect: rust/state-loop var=state, rewritten by CrateRewriter to #[loop_match].

#[derive(Clone, Copy)]
enum State {
    Idle,
    Digits,
}

/// Counts runs of ASCII digits in `input`.
pub fn runs(input: &[u8]) -> u32 {
    let mut i = 0;
    let mut n = 0;
    let mut state = State::Idle;
    loop {
        match state {
            State::Idle => {
                if i >= input.len() {
                    return n;
                }
                i += 1;
                if input[i - 1].is_ascii_digit() {
                    n += 1;
                    state = State::Digits;
                }
            }
            State::Digits => {
                if i >= input.len() {
                    return n;
                }
                i += 1;
                if !input[i - 1].is_ascii_digit() {
                    state = State::Idle;
                }
            }
        }
    }
}

/// The Adler-32 checksum of `input` (uses the registry dependency).
pub fn checksum(input: &[u8]) -> u32 {
    adler2::adler32_slice(input)
}
