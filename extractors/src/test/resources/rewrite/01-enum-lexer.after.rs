// A word counter over bytes: a local enum state, constant transitions in final position.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Start,
    Word,
    Space,
}

pub fn count_words(input: &[u8]) -> usize {
    let mut state = State::Start;
    let mut i = 0;
    let mut words = 0;
    // expect: rust/state-loop var=state
    #[cfg_attr(loop_match, loop_match)]
    loop {
        state = 'next_state: { match state {
            State::Start => {
                if i == input.len() {
                    return words;
                }
                if input[i] == b' ' {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state State::Space;
                } else {
                    words += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state State::Word;
                }
            }
            State::Word => {
                i += 1;
                if i == input.len() || input[i] == b' ' {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state State::Start;
                }
                state
            }
            State::Space => {
                i += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state State::Start;
            }
        } }
    }
}
