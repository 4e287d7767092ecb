// A field-state run-length counter whose epilogue (advance, count rounds) runs after every arm that completes:
// moved to the end of those arms, before their final constant transitions; `continue` paths skip it.
pub const ALPHABET: &[u8] = b"aab0=;";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Phase {
    Key,
    Value,
    Skip,
    Done,
}

struct Counter {
    phase: Phase,
    keys: u32,
    values: u32,
}

impl Counter {
    fn count(&mut self, input: &[u8]) -> (u32, u32, usize) {
        let mut i = 0;
        let mut rounds = 0;
        // expect: rust/field-state-loop var=self.phase normalised=statements-into-arms
        loop {
            match self.phase {
                Phase::Key => {
                    if i >= input.len() {
                        self.phase = Phase::Done;
                        continue;
                    }
                    if input[i] == b'=' {
                        self.keys += 1;
                        self.phase = Phase::Value;
                    } else if input[i] == b'0' {
                        self.phase = Phase::Skip;
                    } else if input[i] == b'b' {
                        i += 2;
                        continue;
                    }
                }
                Phase::Value => {
                    if i >= input.len() {
                        break;
                    }
                    match input[i] {
                        b';' => self.phase = Phase::Key,
                        b'0' => self.phase = Phase::Skip,
                        _ => self.values += 1,
                    }
                }
                Phase::Skip => self.phase = Phase::Key,
                Phase::Done => return (self.keys, self.values, rounds),
            }
            i += 1;
            rounds += 1;
        }
        (self.keys, self.values + 1000, rounds)
    }
}

pub fn run(input: &[u8]) -> String {
    let mut c = Counter { phase: Phase::Key, keys: 0, values: 0 };
    let r = c.count(input);
    format!("{:?} {:?}", r, c.phase)
}
