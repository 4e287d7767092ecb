#![allow(unused_assignments, unused_labels)]
// c2rust's relooper output: two consecutive `match current_block` blocks in one loop body. Flattened into one
// match on a dense state: `_ => {}` passes the value on to the next block, a non-empty `_` takes any value, the
// end of the body wraps to the first block; every `current_block = K` before the end of its arm or a
// `continue` becomes a jump to the state that handles K next.
pub fn count_digits(input: &[u8]) -> u32 {
    let mut current_block: u64 = 11;
    let mut i = 0;
    let mut n = 0u32;
    // expect: rust/c2rust-current-block var=current_block
    let mut state: u8 = match current_block { 11 => 0, 33 => 1, 22 => 2, _ => 3 };
    #[cfg_attr(loop_match, loop_match)]
    'c_1: loop {
        state = 'next_state: { match state {
            0 => {
                if i >= input.len() {
                    break 'c_1;
                }
                current_block = 22; #[cfg_attr(loop_match, const_continue)] break 'next_state 2;
            }
            1 => {
                n += 1;
                i += 1;
                current_block = 11;
                #[cfg_attr(loop_match, const_continue)] break 'next_state 0;
            }
            2 => {
                if input[i].is_ascii_digit() {
                    current_block = 33; #[cfg_attr(loop_match, const_continue)] break 'next_state 1;
                } else {
                    current_block = 44; #[cfg_attr(loop_match, const_continue)] break 'next_state 3;
                }
            }
            _ => {
                i += 1;
                current_block = 11; #[cfg_attr(loop_match, const_continue)] break 'next_state 0;
            }
        } }
    }
    n
}
