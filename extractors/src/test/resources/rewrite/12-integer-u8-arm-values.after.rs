// Arms whose value is an expression, not a block: a transition becomes a braced break, a call gets the state
// as the arm's value, a `()` arm yields the state. The epilogue of
// `pulse` (after the match) moves to the end of every arm that completes.
pub fn pulse(limit: u8, log: &mut Vec<u8>) -> usize {
    let mut s: u8 = 0;
    // expect: rust/state-loop var=s
    #[cfg_attr(loop_match, loop_match)]
    loop {
        s = 'next_state: { match s {
            0 => {
                if log.len() >= usize::from(limit) {
                    return log.len();
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state 1;
            },
            1 => {
                log.push(s);
                if log.len() >= usize::from(limit) {
                    return log.len();
                }
                s
            },
            2 => {
                if log.len() >= usize::from(limit) {
                    return log.len();
                }
                s
            },
            _ => return log.len(),
        } }
        ;
    }
}

pub fn pulse2(log: &mut Vec<u8>) -> usize {
    let mut s: u8 = 0;
    // expect: rust/state-loop var=s
    #[cfg_attr(loop_match, loop_match)]
    loop {
        s = 'next_state: { match s {
            0 => { #[cfg_attr(loop_match, const_continue)] break 'next_state 1; },
            1 => {
                log.push(s);
                if log.len() > 3 {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 3;
                }
                s
            }
            2 => { s },
            3 => { log.push(s); s },
            _ => return log.len(),
        } }
    }
}
