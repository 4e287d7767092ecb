// The identity copy of a non-Copy state lists every variant the arms name, or-patterns included; a state held
// behind a `&mut` parameter (`*mode`) is copied the same way.
pub enum Mode {
    Lit,
    Len,
    Dist,
    Check,
    Done,
}

pub fn step(mode: &mut Mode, codes: &[u8]) -> usize {
    let mut pos = 0;
    // expect: rust/field-state-loop var=*mode copy=identity-match
    loop {
        match *mode {
            Mode::Lit | Mode::Len => {
                if pos == codes.len() {
                    return pos;
                }
                *mode = if codes[pos] > 100 { Mode::Dist } else { Mode::Len };
                pos += 1;
            }
            Mode::Dist => {
                pos += 1;
                *mode = Mode::Check;
            }
            Mode::Check | Mode::Done => break,
        }
    }
    pos
}
