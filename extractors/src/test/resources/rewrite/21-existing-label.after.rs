// An existing loop label is reused: `continue 'outer` after a transition merges into the break, other
// `break 'outer` stay, and the inner loop's plain break is left alone.
pub fn find_pair(xs: &[i32], target: i32) -> Option<(usize, usize)> {
    let mut stage = 0u8;
    let mut i = 0;
    let mut found = None;
    // expect: rust/state-loop var=stage
    #[cfg_attr(loop_match, loop_match)]
    'outer: loop {
        stage = 'next_state: { match stage {
            0 => {
                if i >= xs.len() {
                    break 'outer;
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state 1;
            }
            1 => {
                let mut j = i + 1;
                while j < xs.len() {
                    if xs[i] + xs[j] == target {
                        found = Some((i, j));
                        break;
                    }
                    j += 1;
                }
                if found.is_some() {
                    break 'outer;
                }
                i += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state 0;
            }
            _ => unreachable!(),
        } }
    }
    found
}
