#![allow(unused_assignments, unused_labels)]
// An inner `loop { match current_block { .. } stmts }` left by `continue 'outer` (c2rust): its arms are lifted
// into the same match; its `continue` goes back to its own first block, its `break` to what follows it, the
// statements after its match are one state of their own. A write before `continue 'c_2` resolves from the
// outer loop's first block.
pub fn sum_runs(input: &[u8]) -> u32 {
    let mut current_block: u64 = 1;
    let mut i = 0;
    let mut total = 0u32;
    // expect: rust/c2rust-current-block var=current_block
    'c_2: loop {
        match current_block {
            1 => {
                if i >= input.len() {
                    break 'c_2;
                }
                current_block = 2;
            }
            _ => {}
        }
        loop {
            match current_block {
                2 => {
                    if input[i] == b',' {
                        i += 1;
                        current_block = 1;
                        continue 'c_2;
                    }
                }
                3 => {
                    total += u32::from(input[i]);
                    current_block = 4;
                    break;
                }
                _ => {}
            }
            current_block = 3;
        }
        match current_block {
            4 => {
                i += 1;
                current_block = 1;
            }
            _ => {}
        }
    }
    total
}
