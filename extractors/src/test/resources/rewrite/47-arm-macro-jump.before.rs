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
    let status = 'state_machine: loop {
        match state {
            State::Start => generate_state!(state, 'state_machine, {
                total = 0;
                if flags & 1 != 0 {
                    Action::Jump(State::Header)
                } else {
                    Action::Jump(State::Body)
                }
            }),
            State::Header => generate_state!(state, 'state_machine, {
                read_byte(input, &mut pos, |b| {
                    total += u32::from(b);
                    Action::Jump(State::Body)
                })
            }),
            State::Body => generate_state!(state, 'state_machine, {
                if pos == input.len() {
                    Action::Jump(State::Done)
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
                            Action::Jump(State::Body)
                        }
                    }
                }
            }),
            State::Done => break 'state_machine total as i32,
        }
    };
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
