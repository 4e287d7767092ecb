// Field state changed behind the loop's back by a helper method, then `continue` (libbz2-rs-sys style): the
// rewritten loop must dispatch on the field's new value, not on its stale local copy.
pub const ALPHABET: &[u8] = b"\x00\x01\x02\x07\x09";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Run {
    Idle,
    Work,
    Flush,
    End,
}

struct Engine {
    run: Run,
    acc: u32,
    out: Vec<u32>,
}

impl Engine {
    /// Works one unit; may finish the stream or ask for a flush by changing `run` itself.
    fn work(&mut self, b: u8) -> bool {
        self.acc = self.acc.wrapping_mul(3).wrapping_add(u32::from(b));
        match b {
            7 => self.run = Run::Flush,
            9 => self.run = Run::End,
            _ => {}
        }
        b != 0
    }

    fn feed(&mut self, input: &[u8]) -> usize {
        let mut i = 0;
        // expect: rust/field-state-loop var=self.run
        loop {
            match self.run {
                Run::Idle => {
                    if i >= input.len() {
                        return i;
                    }
                    self.run = Run::Work;
                }
                Run::Work => {
                    let Some(&b) = input.get(i) else { break };
                    i += 1;
                    if self.work(b) {
                        continue;
                    }
                    self.run = Run::Idle;
                }
                Run::Flush => {
                    self.out.push(self.acc);
                    self.acc = 0;
                    self.run = Run::Work;
                }
                Run::End => return i + 100,
            }
        }
        i
    }
}

pub fn run(input: &[u8]) -> String {
    let mut e = Engine { run: Run::Idle, acc: 0, out: Vec::new() };
    let mut log = Vec::new();
    for c in input.chunks(3) {
        log.push(e.feed(c));
    }
    format!("{:?} {:?} {} {:?}", log, e.run, e.acc, e.out)
}
