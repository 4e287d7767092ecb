// A transition followed by more work stays a plain assignment; the arm then yields the state it left.
pub fn stepper(xs: &[u8]) -> (u32, u8) {
    let mut state = 0u8;
    let mut i = 0;
    let mut moves = 0;
    // expect: rust/state-loop var=state
    loop {
        match state {
            0 => {
                state = 1;
                moves += 1;
                i += 1;
            }
            1 => {
                if i >= xs.len() {
                    return (moves, state);
                }
                state = xs[i] % 2;
                i += 1;
            }
            _ => {
                state = 0;
            }
        }
    }
}
