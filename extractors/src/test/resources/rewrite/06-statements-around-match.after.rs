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
    #[cfg_attr(loop_match, loop_match)]
    loop {
        level = 'next_state: { match level {
            Level::Low => {
                let Some(&s) = samples.get(i) else { return switches };
                i += 1;
                if s > 700 {
                    switches += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Level::High;
                }
                level
            }
            Level::High => {
                let Some(&s) = samples.get(i) else { return switches };
                i += 1;
                if s < 300 {
                    switches += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Level::Low;
                }
                level
            }
        } }
    }
}
