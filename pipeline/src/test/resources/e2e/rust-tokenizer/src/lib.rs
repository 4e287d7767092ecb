// End-to-end fixture: one Rust state machine the pipeline must find (see PipelineEndToEndTest).
#[derive(Clone, Copy, PartialEq)]
enum State {
    Start,
    Word,
    Space,
}

/// Counts space-separated words.
pub fn count_words(input: &[u8]) -> usize {
    let mut state = State::Start;
    let mut i = 0;
    let mut words = 0;
    // expect: rust/state-loop states=3 const=4 dynamic=0 exits=2 state_type=enum eligible=true
    loop {
        match state {
            State::Start => {
                if i >= input.len() {
                    break;
                }
                if input[i] == b' ' {
                    state = State::Space;
                } else {
                    state = State::Word;
                    words += 1;
                }
            }
            State::Word => {
                i += 1;
                if i >= input.len() {
                    break;
                }
                if input[i] == b' ' {
                    state = State::Space;
                }
            }
            State::Space => {
                i += 1;
                state = State::Start;
            }
        }
    }
    words
}

/// Sums the digits: a match in a `for` loop over a collection is no state machine.
pub fn digits(input: &[u8]) -> u32 {
    let mut sum = 0;
    // ok: for loop over a collection
    for b in input {
        match b {
            b'0'..=b'9' => sum += u32::from(b - b'0'),
            _ => {}
        }
    }
    sum
}
