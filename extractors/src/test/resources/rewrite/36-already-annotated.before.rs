// A loop already in the #[loop_match] form is not touched again.
pub fn ready(n: u8) -> u8 {
    let mut s = 0u8;
    // expect: rust/state-loop var=s reason=already-loop-match
    #[cfg_attr(loop_match, loop_match)]
    loop {
        s = 'next_state: {
            match s {
                0 => {
                    #[cfg_attr(loop_match, const_continue)]
                    break 'next_state 1;
                }
                _ => return n,
            }
        }
    }
}
