// bool and char states are supported by #[loop_match].
pub fn toggles(n: u32) -> u32 {
    let mut on = false;
    let mut flips = 0;
    // expect: rust/state-loop var=on
    loop {
        match on {
            false => {
                flips += 1;
                on = true;
            }
            true => {
                if flips >= n {
                    return flips;
                }
                on = false;
            }
        }
    }
}

pub fn vowels_then_digits(input: &str) -> (u32, u32) {
    let mut it = input.chars();
    let mut c = 'a';
    let (mut v, mut d) = (0, 0);
    // expect: rust/state-loop var=c
    loop {
        match c {
            'a' => {
                match it.next() {
                    None => return (v, d),
                    Some(x) if "aeiou".contains(x) => v += 1,
                    Some(x) if x.is_ascii_digit() => c = '0',
                    Some(_) => {}
                }
            }
            '0' => {
                d += 1;
                c = 'a';
            }
            _ => unreachable!(),
        }
    }
}
