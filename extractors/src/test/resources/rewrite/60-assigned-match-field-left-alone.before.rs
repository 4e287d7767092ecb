// `self.state = match self.state { .. }` is not turned into arm assignments (only a local state is): the field
// loop keeps its shape and is left alone for the statements around its match.
#[derive(Clone, Copy, PartialEq)]
pub enum Phase {
    Start,
    Run,
    Stop,
}

pub struct Ticker {
    phase: Phase,
    n: u32,
}

impl Ticker {
    pub fn run(&mut self) -> u32 {
        // expect: rust/field-state-loop var=self.phase reason=statements-around-match
        loop {
            self.phase = match self.phase {
                Phase::Start => Phase::Run,
                Phase::Run => {
                    self.n += 1;
                    if self.n > 10 { Phase::Stop } else { Phase::Run }
                }
                Phase::Stop => return self.n,
            };
        }
    }
}
