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
    macro_rules! copy_mode2 { ($s:expr) => { match $s { Mode::Lit => Mode::Lit, Mode::Len => Mode::Len, Mode::Dist => Mode::Dist, Mode::Check => Mode::Check, Mode::Done => Mode::Done, } }; }
    let mut mode2 = copy_mode2!(*mode);
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        mode2 = 'next_state: { match mode2 {
            Mode::Lit | Mode::Len => {
                if pos == codes.len() {
                    return pos;
                }
                *mode = if codes[pos] > 100 { Mode::Dist } else { Mode::Len };
                pos += 1;
                copy_mode2!(*mode)
            }
            Mode::Dist => {
                pos += 1;
                *mode = Mode::Check; #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Check;
            }
            Mode::Check | Mode::Done => break 'state_loop,
        } }
    }
    pos
}
