#![allow(unused_assignments, unused_labels)]
// A labelled inner loop: `continue 'c_9` goes back to its first block, `break 'c_9` to what follows it (here the
// end of the body, so the outer loop's first block). A value no block takes (7) spins in the original, through
// empty `_` arms: it gets a state that spins.
pub fn scan(input: &[u8]) -> usize {
    let mut current_block: u64 = 1;
    let mut i = 0;
    // expect: rust/c2rust-current-block var=current_block
    'c_8: loop {
        match current_block {
            1 => {
                if i >= input.len() {
                    break 'c_8;
                }
                current_block = 2;
            }
            _ => {}
        }
        'c_9: loop {
            match current_block {
                2 => {
                    i += 1;
                    if i % 3 == 0 {
                        current_block = 1;
                        break 'c_9;
                    }
                    if input[i - 1] == 0 {
                        current_block = 7;
                        break 'c_9;
                    }
                    current_block = 2;
                    continue 'c_9;
                }
                _ => {}
            }
        }
    }
    i
}
