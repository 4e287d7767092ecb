// A non-Copy state whose match has a catch-all arm: the arms do not name every variant, so there is no
// identity copy to write and the loop is left alone.
pub enum Phase {
    One,
    Two,
    Three,
}

pub struct P {
    pub phase: Phase,
}

pub fn run(p: &mut P, n: u32) -> u32 {
    let mut k = 0;
    // expect: rust/field-state-loop var=p.phase copy=identity-match reason=state-not-copy
    loop {
        match p.phase {
            Phase::One => p.phase = Phase::Two,
            _ => {
                k += 1;
                if k > n {
                    return k;
                }
                p.phase = Phase::One;
            }
        }
    }
}
