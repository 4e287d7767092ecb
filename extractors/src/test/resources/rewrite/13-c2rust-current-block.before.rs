// c2rust relooper output: a labelled loop over `current_block: u64` with huge literal ids, unsafe blocks and
// `continue 'label` after each transition.
pub unsafe fn copy_until_nul(mut dst: *mut u8, mut src: *const u8, n: usize) -> usize {
    let mut copied: usize = 0;
    let mut current_block: u64 = 12925836707123452361;
    // expect: rust/c2rust-current-block var=current_block
    'c_2: loop {
        match current_block {
            12925836707123452361 => {
                if copied == n {
                    current_block = 7815301370352969686;
                    continue 'c_2;
                }
                current_block = 2473556513754201174;
                continue 'c_2;
            }
            2473556513754201174 => unsafe {
                *dst = *src;
                if *src == 0 {
                    current_block = 7815301370352969686;
                } else {
                    dst = dst.offset(1);
                    src = src.offset(1);
                    copied = copied.wrapping_add(1);
                    current_block = 12925836707123452361;
                }
            },
            _ => break 'c_2,
        }
    }
    copied
}
