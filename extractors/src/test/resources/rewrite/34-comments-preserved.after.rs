// Comments, blank lines and odd formatting outside the edited spots stay byte for byte.
pub fn comments(n: u8) -> u8 {
    let mut s: u8 = 0; // the state
    /* a block comment before the loop */
    // expect: rust/state-loop var=s
    #[cfg_attr(loop_match, loop_match)]
    loop {
        // a comment at the top of the body
        s = 'next_state: { match s {
            // first state
            0 => {
                #[cfg_attr(loop_match, const_continue)] break 'next_state 1; // go on
            }

            /* second state */
            1 => {
                if n > 3 { #[cfg_attr(loop_match, const_continue)] break 'next_state 2; } // short form
                else { return 1 }
            }
            _ => return s, // done
        } }
        // trailing comment in the body
    }
}
