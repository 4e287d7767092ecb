// A statement before the match runs before every dispatch; rustc allows nothing but the match in the loop
// body, so the loop is left alone.
#[derive(Clone, Copy)]
enum Level {
    Low,
    High,
}

pub fn hysteresis(samples: &[u16]) -> usize {
    let mut level = Level::Low;
    let mut switches = 0;
    let mut i = 0;
    // expect: rust/state-loop var=level reason=statements-around-match
    loop {
        let Some(&s) = samples.get(i) else { return switches };
        i += 1;
        match level {
            Level::Low => {
                if s > 700 {
                    switches += 1;
                    level = Level::High;
                }
            }
            Level::High => {
                if s < 300 {
                    switches += 1;
                    level = Level::Low;
                }
            }
        }
    }
}
