// Match guards are rejected by rustc inside #[loop_match]: the loop is left alone, byte for byte.
pub fn classify(xs: &[i32]) -> u32 {
    let mut state = 0u8;
    let mut i = 0;
    let mut score = 0;
    // expect: rust/state-loop var=state reason=match-guards
    loop {
        match state {
            0 if i < xs.len() => {
                state = if xs[i] < 0 { 1 } else { 2 };
            }
            0 => return score,
            1 => {
                score += 1;
                i += 1;
                state = 0;
            }
            _ => {
                i += 1;
                state = 0;
            }
        }
    }
}
