// Model-tier fixture (own writing), shaped like fdeflate 0.3.7's Decompressor::read (src/decompress.rs:918,
// findings.csv of the full run: rust/field-state-loop, 8 states, 4 constant transitions, 8 exits; model shape
// 756571c3b44e69eeb308f671). Four arms move on inside a helper (invisible: their only edges are the `?` exits),
// and the first arm's edges are two exits and one constant transition to an exit-only arm, so a kernel that
// enters each item at the first arm never reaches Stored -> Trailer | BlockStart or Trailer -> Finished.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    Header,
    BlockStart,
    TableLengths,
    Tables,
    Packed,
    Stored,
    Trailer,
    Finished,
}

pub enum Error {
    BadHeader,
    BadChecksum,
}

pub struct Inflater {
    phase: Phase,
    bits: u64,
    nbits: u8,
    last: bool,
    left: u16,
    sum: u32,
}

impl Inflater {
    pub fn feed(&mut self, mut input: &[u8], out: &mut [u8]) -> Result<usize, Error> {
        let mut written = 0;
        let mut previous = None;
        // expect: rust/field-state-loop states=8 const=4 exits=8
        while previous != Some(self.phase) {
            previous = Some(self.phase);
            match self.phase {
                Phase::Header => {
                    self.refill(&mut input);
                    if self.nbits < 16 {
                        break;
                    }
                    if self.bits & 0x0f != 0x08 {
                        return Err(Error::BadHeader);
                    }
                    self.consume(16);
                    self.phase = Phase::BlockStart;
                }
                Phase::BlockStart => {
                    self.block_start(&mut input)?;
                }
                Phase::TableLengths => {
                    self.table_lengths(&mut input)?;
                }
                Phase::Tables => {
                    self.tables(&mut input)?;
                }
                Phase::Packed => {
                    written = self.packed(&mut input, out, written)?;
                }
                Phase::Stored => {
                    let n = (self.left as usize).min(input.len()).min(out.len() - written);
                    out[written..][..n].copy_from_slice(&input[..n]);
                    input = &input[n..];
                    written += n;
                    self.left -= n as u16;
                    if self.left == 0 {
                        self.phase = if self.last {
                            Phase::Trailer
                        } else {
                            Phase::BlockStart
                        };
                    }
                }
                Phase::Trailer => {
                    self.refill(&mut input);
                    if self.nbits >= 32 {
                        if self.bits as u32 != self.sum {
                            return Err(Error::BadChecksum);
                        }
                        self.phase = Phase::Finished;
                        self.consume(32);
                        break;
                    }
                }
                Phase::Finished => unreachable!(),
            }
        }
        Ok(written)
    }

    fn refill(&mut self, input: &mut &[u8]) {
        while self.nbits <= 56 && !input.is_empty() {
            self.bits |= (input[0] as u64) << self.nbits;
            self.nbits += 8;
            *input = &input[1..];
        }
    }

    fn consume(&mut self, n: u8) {
        self.bits >>= n;
        self.nbits -= n;
    }

    fn block_start(&mut self, _input: &mut &[u8]) -> Result<(), Error> {
        self.phase = Phase::Stored;
        Ok(())
    }

    fn table_lengths(&mut self, _input: &mut &[u8]) -> Result<(), Error> {
        self.phase = Phase::Tables;
        Ok(())
    }

    fn tables(&mut self, _input: &mut &[u8]) -> Result<(), Error> {
        self.phase = Phase::Packed;
        Ok(())
    }

    fn packed(&mut self, _input: &mut &[u8], _out: &mut [u8], written: usize) -> Result<usize, Error> {
        self.phase = Phase::BlockStart;
        Ok(written)
    }
}
