// Statements before the match (a prologue that does not change the state) move to the head of every arm:
// the dispatch reads the same state either way, and rustc allows nothing but the match in the loop body.
#[derive(Clone, Copy)]
enum Level {
    Low,
    High,
}

pub fn hysteresis(samples: &[u16]) -> usize {
    let mut level = Level::Low;
    let mut switches = 0;
    let mut i = 0;
    // expect: rust/state-loop var=level
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
