// The macro binds `new_state`, and the first arm's own code uses that name too: written out there, the macro's
// binding could capture it, so that arm keeps its macro call (a dynamic transition); the second arm's macro is
// written out and its constant becomes a #[const_continue].
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum State {
    A,
    B,
}

pub enum Action {
    Jump(State),
    End(u32),
}

macro_rules! step {
    ($state: ident, $sm: tt, $f: expr) => {
        match $f {
            Action::Jump(new_state) => {
                $state = new_state;
                continue $sm;
            }
            Action::End(result) => break $sm result,
        }
    };
}

pub fn run(n: u32) -> u32 {
    let mut state = State::A;
    let mut k = 0;
    // expect: rust/state-loop var=state
    'sm: loop {
        match state {
            State::A => step!(state, 'sm, {
                let new_state = if k > n { 1 } else { 0 };
                k += 1;
                if new_state == 1 { Action::End(k) } else { Action::Jump(State::B) }
            }),
            State::B => step!(state, 'sm, { Action::Jump(State::A) }),
        }
    }
}

/// Another user of the macro (it stays in use after the rewrite).
pub fn once(a: Action) -> (u32, State) {
    let mut state = State::A;
    let r = 'outer: loop {
        if state == State::B {
            break 'outer 0;
        }
        step!(state, 'outer, a);
    };
    (r, state)
}
