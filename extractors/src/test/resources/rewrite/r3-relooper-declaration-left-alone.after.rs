#![allow(unused_assignments, unused_labels)]
// A `let` between the blocks would be out of scope in the other states: the chain is left alone.
pub fn halves(input: &[u8]) -> usize {
    let mut current_block: u64 = 5;
    let mut i = 0;
    // expect: rust/c2rust-current-block var=current_block reason=chain-not-flattened
    'c_4: loop {
        match current_block {
            5 => {
                if i >= input.len() {
                    break;
                }
                current_block = 6;
            }
            _ => {}
        }
        let step = 2;
        match current_block {
            6 => {
                i += step;
                current_block = 5;
            }
            _ => {}
        }
    }
    i
}
