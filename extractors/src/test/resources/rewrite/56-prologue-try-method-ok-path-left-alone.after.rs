// A prologue `self.check()?;` whose method may change the state field and still return `Ok` (the change is not
// followed by `return Err(..)`) does not move: the match must read the state the method left. Left alone.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Pool {
    Dispatching,
    Draining,
}

pub struct Worker {
    state: Pool,
    pending: u32,
}

impl Worker {
    fn settle(&mut self) {
        self.state = Pool::Draining;
    }

    fn check(&mut self) -> Result<(), String> {
        if self.pending > 100 {
            self.settle();
        }
        Ok(())
    }

    pub fn drain(&mut self, work: &[u32]) -> Result<u32, String> {
        let mut i = 0;
        let mut done = 0;
        // expect: rust/field-state-loop var=self.state reason=statements-around-match
        loop {
            self.check()?;
            match self.state {
                Pool::Dispatching => {
                    if i == work.len() {
                        self.state = Pool::Draining;
                        continue;
                    }
                    self.pending += work[i];
                    i += 1;
                }
                Pool::Draining => {
                    if self.pending == 0 {
                        return Ok(done);
                    }
                    self.pending -= 1;
                    done += 1;
                }
            }
        }
    }
}
