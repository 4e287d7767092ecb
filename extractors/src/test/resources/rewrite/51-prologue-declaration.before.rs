// A prologue that declares a variable without a value (deflate64's `let mut symbol;`) gives it only to the
// arms that use it: in the others its type could not be inferred (E0282).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum St {
    Code,
    Len,
    Done,
}

pub fn decode(input: &[u8]) -> u32 {
    let mut st = St::Code;
    let mut i = 0;
    let mut acc = 0u32;
    // expect: rust/state-loop var=st
    while i < input.len() {
        let mut symbol;
        match st {
            St::Code => {
                symbol = u32::from(input[i]);
                symbol += 1;
                i += 1;
                acc += symbol;
                st = if symbol > 100 { St::Len } else { St::Code };
            }
            St::Len => {
                i += 1;
                st = St::Done;
            }
            St::Done => return acc,
        }
    }
    acc
}
