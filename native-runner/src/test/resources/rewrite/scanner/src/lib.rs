//! A scanner with a classic state loop: `loop { match state { .. } }`, each arm assigning the next state.
//! expect: rust/state-loop var=state, rewritten by CrateRewriter to #[loop_match] (constant transitions
//! become #[const_continue]).

#[derive(Clone, Copy)]
enum S {
    Start,
    Word,
    Gap,
}

/// Counts words (runs of ASCII letters) in `input`.
pub fn words(input: &[u8]) -> u32 {
    let mut i = 0;
    let mut count = 0;
    let mut state = S::Start;
    loop {
        match state {
            S::Start => {
                if i >= input.len() {
                    return count;
                }
                if input[i].is_ascii_alphabetic() {
                    count += 1;
                    state = S::Word;
                } else {
                    state = S::Gap;
                }
            }
            S::Word => {
                i += 1;
                if i >= input.len() || !input[i].is_ascii_alphabetic() {
                    state = S::Start;
                }
            }
            S::Gap => {
                i += 1;
                state = S::Start;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_words() {
        assert_eq!(super::words(b"two words, three"), 3);
    }
}
