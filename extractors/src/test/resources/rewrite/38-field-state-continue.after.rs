// Field state: a call inside an arm may change the field; the original re-read it at the loop head, so a
// plain `continue` becomes a break carrying the field's current value (never a jump on a stale copy).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Phase {
    Load,
    Step,
    Output,
    Done,
}

pub struct Machine {
    phase: Phase,
    pending: u32,
    out: Vec<u32>,
}

impl Machine {
    fn step(&mut self) -> bool {
        if self.pending == 0 {
            self.phase = Phase::Done;
            return false;
        }
        self.pending -= 1;
        self.phase = Phase::Output;
        true
    }

    pub fn run(&mut self, budget: u32) -> usize {
        // expect: rust/field-state-loop var=self.phase
        let mut phase = self.phase;
        #[cfg_attr(loop_match, loop_match)]
        loop {
            phase = 'next_state: { match phase {
                Phase::Load => {
                    self.pending = budget;
                    self.phase = Phase::Step; #[cfg_attr(loop_match, const_continue)] break 'next_state Phase::Step;
                }
                Phase::Step => {
                    if self.step() {
                        break 'next_state self.phase;
                    }
                    self.phase
                }
                Phase::Output => {
                    self.out.push(self.pending);
                    self.phase = Phase::Step; #[cfg_attr(loop_match, const_continue)] break 'next_state Phase::Step;
                }
                Phase::Done => return self.out.len(),
            } }
        }
    }
}
