// A field-state streaming decoder fed in small chunks: length-prefixed frames with a checksum byte; the state
// lives in the struct between calls, `?` leaves mid-frame, a helper method reads the state.
pub const ALPHABET: &[u8] = b"\x00\x01\x02\x03abc\x61\xc4";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Stage {
    Len,
    Data,
    Sum,
}

#[derive(Debug)]
struct BadSum(u8);

struct Decoder {
    stage: Stage,
    need: usize,
    sum: u8,
    frames: Vec<Vec<u8>>,
    cur: Vec<u8>,
    trace: Vec<u8>,
}

impl Decoder {
    fn note(&mut self) {
        self.trace.push(self.stage as u8);
    }

    fn verify(&self, b: u8) -> Result<(), BadSum> {
        if b == self.sum || b == b'a' { Ok(()) } else { Err(BadSum(b)) }
    }

    fn feed(&mut self, chunk: &[u8]) -> Result<usize, BadSum> {
        let mut i = 0;
        // expect: rust/field-state-loop var=self.stage
        loop {
            match self.stage {
                Stage::Len => {
                    let Some(&b) = chunk.get(i) else { return Ok(i) };
                    i += 1;
                    self.need = usize::from(b & 3);
                    self.sum = 0;
                    self.note();
                    if self.need == 0 {
                        self.stage = Stage::Sum;
                        continue;
                    }
                    self.stage = Stage::Data;
                }
                Stage::Data => {
                    let Some(&b) = chunk.get(i) else { break };
                    i += 1;
                    self.cur.push(b);
                    self.sum = self.sum.wrapping_add(b);
                    self.need -= 1;
                    if self.need == 0 {
                        self.stage = Stage::Sum;
                    }
                }
                Stage::Sum => {
                    let Some(&b) = chunk.get(i) else { break };
                    i += 1;
                    self.note();
                    self.verify(b)?;
                    let frame = std::mem::take(&mut self.cur);
                    self.frames.push(frame);
                    self.stage = Stage::Len;
                }
            }
        }
        Ok(i)
    }
}

pub fn run(input: &[u8]) -> String {
    let mut d = Decoder { stage: Stage::Len, need: 0, sum: 0, frames: Vec::new(), cur: Vec::new(), trace: Vec::new() };
    let chunk = 1 + input.first().map_or(0, |b| usize::from(b % 4));
    let mut log = String::new();
    for c in input.chunks(chunk) {
        match d.feed(c) {
            Ok(n) => log.push_str(&format!("{} ", n)),
            Err(e) => {
                log.push_str(&format!("{:?} ", e));
                d.stage = Stage::Len;
            }
        }
    }
    format!("{} {:?} {:?} {:?}", log, d.stage, d.frames, d.trace)
}
