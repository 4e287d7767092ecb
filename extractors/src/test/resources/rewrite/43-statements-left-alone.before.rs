// Statements around the match that may change the state before the match reads it do not move: the loop is left
// alone. An epilogue that reads a local state moves after everything each arm does; here no arm then ends in a
// constant transition, so the second loop is left alone for that reason.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Step {
    A,
    B,
    C,
}

pub struct M {
    step: Step,
    n: u32,
}

impl M {
    fn tick(&mut self) {
        self.n += 1;
        if self.n % 7 == 0 {
            self.step = Step::C;
        }
    }

    pub fn run(&mut self) -> u32 {
        // expect: rust/field-state-loop var=self.step reason=statements-around-match
        loop {
            self.tick();
            match self.step {
                Step::A => self.step = Step::B,
                Step::B => self.step = Step::A,
                Step::C => return self.n,
            }
        }
    }
}

pub fn trace(input: &[u8]) -> Vec<Step> {
    let mut step = Step::A;
    let mut seen = Vec::new();
    let mut i = 0;
    // expect: rust/state-loop var=step reason=no-constant-transitions
    loop {
        if i == input.len() {
            return seen;
        }
        match step {
            Step::A => step = Step::B,
            Step::B => {
                if input[i] == 0 {
                    step = Step::C;
                } else {
                    step = Step::A;
                }
            }
            Step::C => step = Step::A,
        }
        seen.push(step);
        i += 1;
    }
}
