// A field state: dispatched through a local copy; every write to the field stays, so the field is current on
// every path out of the loop and for the methods that read it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Mode {
    Header,
    Body,
    Trailer,
    Done,
}

pub struct Decoder {
    mode: Mode,
    body: Vec<u8>,
    remaining: usize,
}

impl Decoder {
    pub fn new() -> Self {
        Decoder { mode: Mode::Header, body: Vec::new(), remaining: 0 }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Feeds a chunk; returns how many bytes were used.
    pub fn feed(&mut self, input: &[u8]) -> usize {
        let mut pos = 0;
        // expect: rust/field-state-loop var=self.mode
        let mut mode = self.mode;
        #[cfg_attr(loop_match, loop_match)]
        'state_loop: loop {
            mode = 'next_state: { match mode {
                Mode::Header => {
                    if pos == input.len() {
                        return pos;
                    }
                    self.remaining = usize::from(input[pos]);
                    pos += 1;
                    self.mode = Mode::Body; #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Body;
                }
                Mode::Body => {
                    if self.remaining == 0 {
                        self.mode = Mode::Trailer;
                        #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Trailer;
                    }
                    if pos == input.len() {
                        break 'state_loop;
                    }
                    self.body.push(input[pos]);
                    pos += 1;
                    self.remaining -= 1;
                    self.mode
                }
                Mode::Trailer => {
                    if pos == input.len() {
                        break 'state_loop;
                    }
                    pos += 1;
                    self.mode = Mode::Done; #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Done;
                }
                Mode::Done => return pos,
            } }
        }
        pos
    }
}
