// Negative and suffixed literals are constants rustc accepts in #[const_continue].
pub fn signs(xs: &[i8]) -> i32 {
    let mut sign: i8 = 0;
    let mut i = 0usize;
    let mut flips = 0;
    // expect: rust/state-loop var=sign
    #[cfg_attr(loop_match, loop_match)]
    loop {
        sign = 'next_state: { match sign {
            0 => {
                if i == xs.len() {
                    return flips;
                }
                break 'next_state if xs[i] < 0 { -1 } else { 1 };
            }
            -1 => {
                i += 1;
                if i < xs.len() && xs[i] >= 0 {
                    flips += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 1i8;
                } else if i == xs.len() {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 0;
                }
                sign
            }
            _ => {
                i += 1;
                if i < xs.len() && xs[i] < 0 {
                    flips += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state -1;
                } else if i == xs.len() {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 0i8;
                }
                sign
            }
        } }
    }
}
