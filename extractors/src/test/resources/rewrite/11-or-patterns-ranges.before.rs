// Integer states with or-patterns, ranges and a catch-all arm: all allowed in #[loop_match].
pub fn walk(budget: u32) -> u32 {
    let mut state: u32 = 0;
    let mut visits = 0;
    // expect: rust/state-loop var=state
    loop {
        match state {
            0 | 1 => {
                visits += 1;
                state = 5;
            }
            2..=4 => {
                visits += 2;
                state = 10;
            }
            5..=9 => {
                visits += 3;
                if visits > budget {
                    state = 10;
                } else {
                    state = 3;
                }
            }
            _ => return visits,
        }
    }
}
