// An epilogue that writes the state (c2rust's `i += 1; current_block = Block18;` after an inner dispatch loop)
// moves to the end of every arm that completes normally, after everything the arm does, as it ran before: its
// final constant transition becomes the arm's #[const_continue]. Paths that `continue` skip it as before.
pub fn selectors(input: &[u8]) -> (usize, u32) {
    let mut current_block: u32 = 18;
    let mut i = 0;
    let mut j = 0;
    let mut sum = 0u32;
    // expect: rust/c2rust-current-block var=current_block
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        current_block = 'next_state: { match current_block {
            18 => {
                if i >= input.len() {
                    break 'state_loop;
                }
                j = 0;
                #[cfg_attr(loop_match, const_continue)] break 'next_state 25;
            }
            25 => {
                if j < 3 && i + j < input.len() {
                    sum += input[i + j] as u32;
                    j += 1;
                    continue 'state_loop;
                }
                if sum > 1000 {
                    return (i, sum);
                }
                i += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state 18;
            }
            _ => {
                sum += 1;
                i += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state 18;
            }
        } }
    }
    (i, sum)
}
