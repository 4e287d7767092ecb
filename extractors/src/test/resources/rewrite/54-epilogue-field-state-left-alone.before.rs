// An epilogue that uses a field state stays where it is: the loop works on a local copy of the field, which the
// epilogue would not see. The loop is left alone.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Mode {
    Idle,
    Busy,
}

pub struct Machine {
    mode: Mode,
    ticks: u32,
}

impl Machine {
    pub fn run(&mut self, n: u32) -> u32 {
        // expect: rust/field-state-loop var=self.mode reason=statements-around-match
        loop {
            match self.mode {
                Mode::Idle => {
                    if self.ticks >= n {
                        return self.ticks;
                    }
                    self.mode = Mode::Busy;
                }
                Mode::Busy => self.mode = Mode::Idle,
            }
            if self.mode == Mode::Busy {
                self.ticks += 1;
            }
        }
    }
}
