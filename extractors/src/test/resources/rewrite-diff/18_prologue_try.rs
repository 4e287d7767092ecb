// A field-state work pool whose loop starts with `self.check()?;`: the check changes the state only right before
// returning `Err` (through `self.abort()`, or by assigning it), so the prologue moves into the arms.
pub const ALPHABET: &[u8] = b"\x00\x01\x05\x09\xff";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Pool {
    Dispatching,
    Draining,
    Failed,
}

struct Worker {
    state: Pool,
    pending: u32,
    limit: u32,
    log: Vec<Pool>,
}

impl Worker {
    fn abort(&mut self) {
        self.state = Pool::Failed;
        self.pending = 0;
    }

    fn check(&mut self) -> Result<(), String> {
        self.log.push(self.state);
        if self.pending > self.limit {
            self.abort();
            return Err(format!("{} pending", self.limit));
        }
        if self.log.len() > 60 {
            self.state = Pool::Failed;
            return Err("too long".to_string());
        }
        Ok(())
    }

    fn drain(&mut self, work: &[u8]) -> Result<u32, String> {
        let mut i = 0;
        let mut done = 0;
        // expect: rust/field-state-loop var=self.state normalised=statements-into-arms
        loop {
            self.check()?;
            match self.state {
                Pool::Dispatching => {
                    if i == work.len() {
                        self.state = Pool::Draining;
                        continue;
                    }
                    if work[i] == 0xff {
                        self.state = Pool::Failed;
                    }
                    self.pending += u32::from(work[i]);
                    i += 1;
                }
                Pool::Draining => {
                    if self.pending == 0 {
                        return Ok(done);
                    }
                    self.pending -= 1;
                    done += 1;
                    if done % 5 == 4 && i < work.len() {
                        self.state = Pool::Dispatching;
                    }
                }
                Pool::Failed => return Err(format!("failed after {done}")),
            }
        }
    }
}

pub fn run(input: &[u8]) -> String {
    let mut w = Worker { state: Pool::Dispatching, pending: 0, limit: u32::from(input.first().copied().unwrap_or(9)) * 3, log: Vec::new() };
    let r = w.drain(input);
    format!("{:?} {:?} {} {:?}", r, w.state, w.pending, w.log)
}
