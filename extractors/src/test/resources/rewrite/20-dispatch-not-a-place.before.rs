// A match on a value fetched each round (a method call) is not a state variable: left alone.
pub struct Tape {
    ops: Vec<u8>,
    pc: usize,
}

impl Tape {
    fn next_op(&mut self) -> u8 {
        self.pc += 1;
        self.ops.get(self.pc - 1).copied().unwrap_or(0)
    }

    pub fn run(&mut self) -> i64 {
        let mut acc = 0i64;
        // expect: rust/dispatch-loop var=self.next_op() reason=state-not-local
        loop {
            match self.next_op() {
                0 => return acc,
                1 => acc += 1,
                2 => acc -= 1,
                _ => acc *= 2,
            }
        }
    }
}
