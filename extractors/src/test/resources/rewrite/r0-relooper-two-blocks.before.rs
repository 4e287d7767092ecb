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
    'c_1: loop {
        match current_block {
            11 => {
                if i >= input.len() {
                    break;
                }
                current_block = 22;
            }
            33 => {
                n += 1;
                i += 1;
                current_block = 11;
                continue;
            }
            _ => {}
        }
        match current_block {
            22 => {
                if input[i].is_ascii_digit() {
                    current_block = 33;
                } else {
                    current_block = 44;
                }
            }
            _ => {
                i += 1;
                current_block = 11;
            }
        }
    }
    n
}
