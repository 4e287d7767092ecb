// Arms whose value is an expression, not a block: a transition becomes a braced break, a call gets the state
// as the arm's value, a `()` arm yields the state. The epilogue of
// `pulse` (after the match) moves to the end of every arm that completes.
pub fn pulse(limit: u8, log: &mut Vec<u8>) -> usize {
    let mut s: u8 = 0;
    // expect: rust/state-loop var=s
    loop {
        match s {
            0 => s = 1,
            1 => log.push(s),
            2 => (),
            _ => return log.len(),
        }
        ;
        if log.len() >= usize::from(limit) {
            return log.len();
        }
    }
}

pub fn pulse2(log: &mut Vec<u8>) -> usize {
    let mut s: u8 = 0;
    // expect: rust/state-loop var=s
    loop {
        match s {
            0 => s = 1,
            1 => {
                log.push(s);
                if log.len() > 3 {
                    s = 3;
                }
            }
            2 => (),
            3 => log.push(s),
            _ => return log.len(),
        }
    }
}
