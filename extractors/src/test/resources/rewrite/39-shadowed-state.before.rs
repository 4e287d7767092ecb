// A `let` that rebinds the state's name inside an arm would make `state = X` and the arm's value refer to
// the inner variable: the loop is left alone.
pub fn shadow(n: u32) -> u32 {
    let mut state = 0u8;
    let mut acc = 0;
    // expect: rust/state-loop var=state reason=state-shadowed
    loop {
        match state {
            0 => {
                let mut state = n;
                while state > 0 {
                    acc += 1;
                    state /= 2;
                }
                state = 1;
                acc += state;
            }
            1 => return acc,
            _ => state = 0,
        }
    }
}
