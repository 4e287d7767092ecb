// A miniz_oxide-style inflater: every arm applies a macro whose match makes the transition; constants that
// reach the macro's match straight from the arm become #[const_continue] jumps, closure results stay dynamic.
pub const ALPHABET: &[u8] = b"\x00\x01\x02\x05ab";

#[derive(Clone, Copy, PartialEq, Debug)]
enum State {
    Start,
    Header,
    Body,
    Tail,
    Done,
}

enum Action {
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

fn inflate(input: &[u8], flags: u8) -> (i32, usize, u32) {
    let mut state = State::Start;
    let mut pos = 0;
    let mut total = 0u32;
    let mut skipped = 0u32;
    // expect: rust/state-loop var=state normalised=inline-arm-macro
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
                    if b == 5 { Action::End(5) } else { Action::Jump(State::Body) }
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
                            skipped += 1;
                            Action::None
                        }
                        2 => {
                            pos += 1;
                            Action::Jump(State::Tail)
                        }
                        _ => {
                            pos += 1;
                            total += 1;
                            Action::Jump(State::Body)
                        }
                    }
                }
            }),
            State::Tail => generate_state!(state, 'state_machine, {
                read_byte(input, &mut pos, |b| Action::Jump(if b == b'a' { State::Header } else { State::Body }))
            }),
            State::Done => break 'state_machine total as i32,
        }
    };
    (status, pos, skipped)
}

pub fn run(input: &[u8]) -> String {
    format!("{:?} {:?}", inflate(input, 0), inflate(input, 1))
}
