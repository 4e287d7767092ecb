// An epilogue that writes the state (c2rust's `i += 1; current_block = Block18;` after an inner dispatch loop)
// moves to the end of every arm that completes normally, after everything the arm does, as it ran before: its
// final constant transition becomes the arm's #[const_continue]. Paths that `continue` skip it as before.
pub fn selectors(input: &[u8]) -> (usize, u32) {
    let mut current_block: u32 = 18;
    let mut i = 0;
    let mut j = 0;
    let mut sum = 0u32;
    // expect: rust/c2rust-current-block var=current_block
    loop {
        match current_block {
            18 => {
                if i >= input.len() {
                    break;
                }
                j = 0;
                current_block = 25;
                continue;
            }
            25 => {
                if j < 3 && i + j < input.len() {
                    sum += input[i + j] as u32;
                    j += 1;
                    continue;
                }
                if sum > 1000 {
                    return (i, sum);
                }
            }
            _ => {
                sum += 1;
            }
        }
        i += 1;
        current_block = 18;
    }
    (i, sum)
}
