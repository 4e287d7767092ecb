// A state field reached through a path (`self.parser.state`) works like `self.state`; the local takes the
// field's last name.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum PState {
    Idle,
    Busy,
}

pub struct Parser {
    state: PState,
    work: u32,
}

pub struct Engine {
    parser: Parser,
}

impl Engine {
    pub fn spin(&mut self, rounds: u32) -> u32 {
        let mut left = rounds;
        // expect: rust/field-state-loop var=self.parser.state
        loop {
            match self.parser.state {
                PState::Idle => {
                    if left == 0 {
                        return self.parser.work;
                    }
                    left -= 1;
                    self.parser.state = PState::Busy;
                }
                PState::Busy => {
                    self.parser.work += 1;
                    self.parser.state = PState::Idle;
                }
            }
        }
    }
}
