// Incremental-extraction fixture (IncrementalExtractionTest, ExtractFindingsTest): a state loop whose state type
// is declared in another file, state.rs, so this file's finding depends on it (a crate-wide result).
use crate::state::State;

/// Counts space-separated words.
pub fn count_words(input: &[u8]) -> usize {
    let mut state = State::Start;
    let mut i = 0;
    let mut words = 0;
    // expect: rust/state-loop states=3 state_type=enum (from state.rs) eligible=true
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
