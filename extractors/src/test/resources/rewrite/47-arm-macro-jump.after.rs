// miniz_oxide's inflate: each arm applies a macro whose match makes the transition. The macro is written out
// in the arm, and an `Action::Jump(CONST)` the macro's match receives straight from the arm's code becomes
// the transition itself (a #[const_continue]); a value that comes out of a closure or call stays dynamic.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum State {
    Start,
    Header,
    Body,
    Done,
}

pub enum Action {
    None,
    Jump(State),
    End(i32),
}

macro_rules! generate_state {
    ($state: ident, $state_machine: tt, $f: expr) => {
        loop {
            match $f {
                Action::None => continue,
                Action::Jump(new_state) => {
                    $state = new_state;
                    continue $state_machine;
                }
                Action::End(result) => break $state_machine result,
            }
        }
    };
}

fn read_byte<F: FnOnce(u8) -> Action>(input: &[u8], pos: &mut usize, f: F) -> Action {
    if *pos < input.len() {
        *pos += 1;
        f(input[*pos - 1])
    } else {
        Action::End(-1)
    }
}

pub fn inflate(input: &[u8], flags: u32) -> (i32, usize) {
    let mut state = State::Start;
    let mut pos = 0;
    let mut total = 0u32;
    // expect: rust/state-loop var=state
    let status = { #[cfg_attr(loop_match, loop_match)] 'state_machine: loop {
        state = 'next_state: { match state {
            State::Start => {
                {
                total = 0;
                if flags & 1 != 0 {
                    { #[cfg_attr(loop_match, const_continue)] break 'next_state State::Header; }
                } else {
                    { #[cfg_attr(loop_match, const_continue)] break 'next_state State::Body; }
                }
            }
            },
            State::Header => {
                loop {
                    match {
                read_byte(input, &mut pos, |b| {
                    total += u32::from(b);
                    Action::Jump(State::Body)
                })
            } {
                        Action::None => continue,
                        Action::Jump(new_state) => {
                            break 'next_state new_state;
                        }
                        Action::End(result) => break 'state_machine result,
                    }
                }
            },
            State::Body => {
                loop {
                    match {
                if pos == input.len() {
                    { #[cfg_attr(loop_match, const_continue)] break 'next_state State::Done; }
                } else {
                    match input[pos] {
                        0 => Action::End(0),
                        1 => {
                            pos += 1;
                            Action::None
                        }
                        _ => {
                            pos += 1;
                            total += 1;
                            { #[cfg_attr(loop_match, const_continue)] break 'next_state State::Body; }
                        }
                    }
                }
            } {
                        Action::None => continue,
                        Action::Jump(new_state) => {
                            break 'next_state new_state;
                        }
                        Action::End(result) => break 'state_machine result,
                    }
                }
            },
            State::Done => break 'state_machine total as i32,
        } }
    } };
    (status, pos)
}

/// Another user of the macro, not a state machine: the macro stays in use after the rewrite (when every use
/// is written out, rustc warns that the macro is unused).
pub fn first(f: impl Fn() -> Action) -> (i32, State) {
    let mut state = State::Start;
    let r = 'outer: loop {
        if state != State::Start {
            break 'outer 0;
        }
        generate_state!(state, 'outer, f());
    };
    (r, state)
}
