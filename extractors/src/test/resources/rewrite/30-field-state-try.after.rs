// Field state with `?` and `return` in arms: the field is written where the original wrote it, so every exit
// leaves it current, and a method reading it inside the loop sees the same value as before.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Stage {
    Len,
    Data,
    Check,
}

#[derive(Debug, PartialEq)]
pub struct BadChecksum;

pub struct Frames {
    stage: Stage,
    len: usize,
    sum: u8,
    log: Vec<Stage>,
}

impl Frames {
    pub fn new() -> Self {
        Frames { stage: Stage::Len, len: 0, sum: 0, log: Vec::new() }
    }

    fn note(&mut self) {
        self.log.push(self.stage);
    }

    fn check(&self, b: u8) -> Result<(), BadChecksum> {
        if b == self.sum { Ok(()) } else { Err(BadChecksum) }
    }

    pub fn push(&mut self, input: &[u8]) -> Result<usize, BadChecksum> {
        let mut i = 0;
        let mut frames = 0;
        // expect: rust/field-state-loop var=self.stage
        let mut stage = self.stage;
        #[cfg_attr(loop_match, loop_match)]
        loop {
            stage = 'next_state: { match stage {
                Stage::Len => {
                    let Some(&b) = input.get(i) else { return Ok(frames) };
                    i += 1;
                    self.len = usize::from(b);
                    self.sum = 0;
                    self.note();
                    self.stage = Stage::Data; #[cfg_attr(loop_match, const_continue)] break 'next_state Stage::Data;
                }
                Stage::Data => {
                    if self.len == 0 {
                        self.stage = Stage::Check; #[cfg_attr(loop_match, const_continue)] break 'next_state Stage::Check;
                    } else {
                        let Some(&b) = input.get(i) else { return Ok(frames) };
                        i += 1;
                        self.sum = self.sum.wrapping_add(b);
                        self.len -= 1;
                    }
                    self.stage
                }
                Stage::Check => {
                    let Some(&b) = input.get(i) else { return Ok(frames) };
                    i += 1;
                    self.check(b)?;
                    frames += 1;
                    self.stage = Stage::Len; #[cfg_attr(loop_match, const_continue)] break 'next_state Stage::Len;
                }
            } }
        }
    }
}
