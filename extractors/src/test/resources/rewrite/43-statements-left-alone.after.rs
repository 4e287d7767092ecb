// Statements around the match that may change the state, or that read it after the arms changed it, do not
// move: the loops are left alone.
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
    // expect: rust/state-loop var=step reason=statements-around-match
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
