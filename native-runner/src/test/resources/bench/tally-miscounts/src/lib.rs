//! Counts words with a small state machine (the loop a rewrite would target).
#[derive(Clone, Copy)]
enum State { Space, Word }

pub fn count_words(text: &[u8]) -> u64 {
    let mut state = State::Space;
    let mut words = 0;
    for &b in text {
        state = match (state, b == b' ' || b == b'\n') {
            (State::Space, false) => { words += 1; State::Word }
            (State::Word, true) | (State::Space, true) => State::Space,
            (State::Word, false) => State::Word,
        };
    }
    words + 1
}
