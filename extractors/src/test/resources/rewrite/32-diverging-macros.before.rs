// Arms ending in panic!/unreachable! or an endless inner loop cannot fall through: they get no state value.
pub fn strict(xs: &[u8]) -> u32 {
    let mut s = 0u8;
    let mut i = 0;
    let mut n = 0;
    // expect: rust/state-loop var=s
    loop {
        match s {
            0 => {
                if i == xs.len() {
                    return n;
                }
                s = xs[i];
                i += 1;
            }
            1 => {
                n += 1;
                s = 0;
            }
            2 => {
                n += 2;
                s = 0;
            }
            3 => {
                if n > 1000 {
                    panic!("too many");
                }
                s = 0;
            }
            _ => {
                panic!("bad byte {}", s);
            }
        }
    }
}
