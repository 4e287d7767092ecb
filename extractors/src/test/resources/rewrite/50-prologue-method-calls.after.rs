// A prologue calling a method of the state's owner moves into the arms only when that method (and the self
// methods it calls) provably leaves the state field alone; `drain` writes it, so its loop is left alone.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Phase {
    Fill,
    Flush,
    End,
}

pub struct Buf {
    phase: Phase,
    staged: Vec<u8>,
    out: Vec<u8>,
}

impl Buf {
    fn emit(&mut self) {
        if let Some(b) = self.staged.pop() {
            self.push(b);
        }
    }

    fn push(&mut self, b: u8) {
        self.out.push(b);
    }

    fn drain(&mut self) {
        if self.staged.len() > 3 {
            self.phase = Phase::Flush;
        }
    }

    fn pending(&self) -> bool {
        !self.staged.is_empty() && self.phase != Phase::End
    }

    pub fn run(&mut self, input: &[u8]) -> usize {
        let mut i = 0;
        // expect: rust/field-state-loop var=self.phase
        let mut phase = self.phase;
        #[cfg_attr(loop_match, loop_match)]
        loop {
            phase = 'next_state: { match phase {
                Phase::Fill => {
                    if self.pending() && self.out.len() < 8 {
                        self.emit();
                        break 'next_state self.phase;
                    }
                    if i == input.len() {
                        self.phase = Phase::Flush;
                        #[cfg_attr(loop_match, const_continue)] break 'next_state Phase::Flush;
                    }
                    self.staged.push(input[i]);
                    i += 1;
                    self.phase
                }
                Phase::Flush => {
                    if self.pending() && self.out.len() < 8 {
                        self.emit();
                        break 'next_state self.phase;
                    }
                    self.staged.clear();
                    self.phase = Phase::End; #[cfg_attr(loop_match, const_continue)] break 'next_state Phase::End;
                }
                Phase::End => {
                    if self.pending() && self.out.len() < 8 {
                        self.emit();
                        break 'next_state self.phase;
                    }
                    return self.out.len()
                },
            } }
        }
    }

    pub fn run2(&mut self, input: &[u8]) -> usize {
        let mut i = 0;
        // expect: rust/field-state-loop var=self.phase reason=statements-around-match
        loop {
            self.drain();
            match self.phase {
                Phase::Fill => {
                    if i == input.len() {
                        return i;
                    }
                    self.staged.push(input[i]);
                    i += 1;
                }
                Phase::Flush => self.phase = Phase::End,
                Phase::End => return self.out.len(),
            }
        }
    }
}
