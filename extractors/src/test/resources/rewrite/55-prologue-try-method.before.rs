// A prologue `self.check()?;` whose method changes the state field only right before `return Err(..)` (through
// `self.abort()`, as lzma-rust2's work pool does) moves to the head of every arm: on the path that changes the
// state, `?` leaves the loop, so no dispatch ever reads it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Pool {
    Dispatching,
    Draining,
    Failed,
}

pub struct Worker {
    state: Pool,
    pending: u32,
    limit: u32,
}

impl Worker {
    fn abort(&mut self) {
        self.state = Pool::Failed;
        self.pending = 0;
    }

    fn check(&mut self) -> Result<(), String> {
        if self.pending > self.limit {
            self.abort();
            return Err(format!("{} pending", self.limit));
        }
        if self.state == Pool::Failed {
            return Err("failed".to_string());
        }
        Ok(())
    }

    pub fn drain(&mut self, work: &[u32]) -> Result<u32, String> {
        let mut i = 0;
        let mut done = 0;
        // expect: rust/field-state-loop var=self.state
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
                Pool::Failed => return Err("failed".to_string()),
            }
        }
    }
}
