// bool and char states are supported by #[loop_match].
pub fn toggles(n: u32) -> u32 {
    let mut on = false;
    let mut flips = 0;
    // expect: rust/state-loop var=on
    #[cfg_attr(loop_match, loop_match)]
    loop {
        on = 'next_state: { match on {
            false => {
                flips += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state true;
            }
            true => {
                if flips >= n {
                    return flips;
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state false;
            }
        } }
    }
}

pub fn vowels_then_digits(input: &str) -> (u32, u32) {
    let mut it = input.chars();
    let mut c = 'a';
    let (mut v, mut d) = (0, 0);
    // expect: rust/state-loop var=c
    #[cfg_attr(loop_match, loop_match)]
    loop {
        c = 'next_state: { match c {
            'a' => {
                match it.next() {
                    None => return (v, d),
                    Some(x) if "aeiou".contains(x) => v += 1,
                    Some(x) if x.is_ascii_digit() => { #[cfg_attr(loop_match, const_continue)] break 'next_state '0'; },
                    Some(_) => {}
                }
                c
            }
            '0' => {
                d += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state 'a';
            }
            _ => unreachable!(),
        } }
    }
}
