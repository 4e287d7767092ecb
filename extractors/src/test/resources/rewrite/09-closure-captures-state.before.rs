// A closure that reads the state captures it: rustc rejects a #[loop_match] on a captured variable's
// neighbourhood, so the loop is left alone.
pub fn bounce(n: u32) -> u32 {
    let mut state = 0u8;
    let mut steps = 0;
    // expect: rust/state-loop var=state reason=closure-captures-state
    loop {
        match state {
            0 => {
                let is_start = || state == 0;
                steps += u32::from(is_start());
                state = 1;
            }
            1 => {
                steps += 1;
                if steps > n {
                    return steps;
                }
                state = 0;
            }
            _ => return 0,
        }
    }
}
