// A prologue of a field-state loop: it reads other fields of the owner and writes the state only on a path
// that returns, so the dispatch reads the same state before or after it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum State {
    Reading,
    Draining,
    Finished,
    Error,
}

pub struct Reader {
    state: State,
    pending: Vec<u32>,
    error: Option<String>,
    next: u32,
}

impl Reader {
    pub fn new(error: Option<String>) -> Self {
        Reader { state: State::Reading, pending: Vec::new(), error, next: 0 }
    }

    pub fn read(&mut self, input: &[u32]) -> Result<Option<u32>, String> {
        let mut i = 0;
        // expect: rust/field-state-loop var=self.state
        let mut state = self.state;
        #[cfg_attr(loop_match, loop_match)]
        loop {
            state = 'next_state: { match state {
                State::Reading => {
                    if let Some(v) = self.pending.pop() {
                        self.next += 1;
                        return Ok(Some(v));
                    }
                    if let Some(err) = self.error.take() {
                        self.state = State::Error;
                        return Err(err);
                    }
                    if i == input.len() {
                        self.state = State::Draining;
                        #[cfg_attr(loop_match, const_continue)] break 'next_state State::Draining;
                    }
                    self.pending.push(input[i]);
                    i += 1;
                    self.state
                }
                State::Draining => {
                    if let Some(v) = self.pending.pop() {
                        self.next += 1;
                        return Ok(Some(v));
                    }
                    if let Some(err) = self.error.take() {
                        self.state = State::Error;
                        return Err(err);
                    }
                    self.state = State::Finished; #[cfg_attr(loop_match, const_continue)] break 'next_state State::Finished;
                }
                State::Finished => {
                    if let Some(v) = self.pending.pop() {
                        self.next += 1;
                        return Ok(Some(v));
                    }
                    if let Some(err) = self.error.take() {
                        self.state = State::Error;
                        return Err(err);
                    }
                    return Ok(None)
                },
                State::Error => {
                    if let Some(v) = self.pending.pop() {
                        self.next += 1;
                        return Ok(Some(v));
                    }
                    if let Some(err) = self.error.take() {
                        self.state = State::Error;
                        return Err(err);
                    }
                    return Err("failed before".to_string())
                },
            } }
        }
    }
}
