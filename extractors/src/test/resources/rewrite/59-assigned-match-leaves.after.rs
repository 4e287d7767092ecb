// Leaves of every kind under `state = match state { .. }`: if/else branches, a block's tail, a nested match and
// a value computed at run time (`table[n]`, it stays a dynamic transition); `break`, `continue` and `return`
// leaves leave the loop and get no assignment. The statements before the match move into the arms.
pub fn classify(input: &[u8], table: &[u8; 4]) -> (u8, usize) {
    let mut st: u8 = 0;
    let mut i = 0;
    // expect: rust/state-loop var=st
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        st = 'next_state: { match st {
            0 => {
                if i >= input.len() {
                    return (st, i);
                }
                let b = input[i];
                i += 1;
                if b == b'a' {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 1;
                } else if b == b'z' {
                    break 'state_loop;
                } else {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 2;
                }
            }
            1 => {
                if i >= input.len() {
                    return (st, i);
                }
                let b = input[i];
                i += 1;
                let n = b % 4;
                if n == 3 {
                    continue 'state_loop;
                }
                break 'next_state table[n as usize] % 3;
            }
            _ => {
                if i >= input.len() {
                    return (st, i);
                }
                let b = input[i];
                i += 1;
                match b {
                b'!' => return (255, i),
                _ => { #[cfg_attr(loop_match, const_continue)] break 'next_state 0; },
            }
            },
        } };
    }
    (st, i)
}
