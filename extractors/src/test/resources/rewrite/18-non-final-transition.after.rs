// A transition followed by more work stays a plain assignment; the arm then yields the state it left.
pub fn stepper(xs: &[u8]) -> (u32, u8) {
    let mut state = 0u8;
    let mut i = 0;
    let mut moves = 0;
    // expect: rust/state-loop var=state
    #[cfg_attr(loop_match, loop_match)]
    loop {
        state = 'next_state: { match state {
            0 => {
                state = 1;
                moves += 1;
                i += 1;
                state
            }
            1 => {
                if i >= xs.len() {
                    return (moves, state);
                }
                state = xs[i] % 2;
                i += 1;
                state
            }
            _ => {
                #[cfg_attr(loop_match, const_continue)] break 'next_state 0;
            }
        } }
    }
}
