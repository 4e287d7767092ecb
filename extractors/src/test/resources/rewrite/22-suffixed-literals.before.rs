// Negative and suffixed literals are constants rustc accepts in #[const_continue].
pub fn signs(xs: &[i8]) -> i32 {
    let mut sign: i8 = 0;
    let mut i = 0usize;
    let mut flips = 0;
    // expect: rust/state-loop var=sign
    loop {
        match sign {
            0 => {
                if i == xs.len() {
                    return flips;
                }
                sign = if xs[i] < 0 { -1 } else { 1 };
            }
            -1 => {
                i += 1;
                if i < xs.len() && xs[i] >= 0 {
                    flips += 1;
                    sign = 1i8;
                } else if i == xs.len() {
                    sign = 0;
                }
            }
            _ => {
                i += 1;
                if i < xs.len() && xs[i] < 0 {
                    flips += 1;
                    sign = -1;
                } else if i == xs.len() {
                    sign = 0i8;
                }
            }
        }
    }
}
