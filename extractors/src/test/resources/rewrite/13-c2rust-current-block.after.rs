// c2rust relooper output: a labelled loop over `current_block: u64` with huge literal ids, unsafe blocks and
// `continue 'label` after each transition.
pub unsafe fn copy_until_nul(mut dst: *mut u8, mut src: *const u8, n: usize) -> usize {
    let mut copied: usize = 0;
    let mut current_block: u64 = 12925836707123452361;
    // expect: rust/c2rust-current-block var=current_block
    #[cfg_attr(loop_match, loop_match)]
    'c_2: loop {
        current_block = 'next_state: { match current_block {
            12925836707123452361 => {
                if copied == n {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 7815301370352969686;
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state 2473556513754201174;
            }
            2473556513754201174 => unsafe {
                *dst = *src;
                if *src == 0 {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 7815301370352969686;
                } else {
                    dst = dst.offset(1);
                    src = src.offset(1);
                    copied = copied.wrapping_add(1);
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 12925836707123452361;
                }
            },
            _ => break 'c_2,
        } }
    }
    copied
}
