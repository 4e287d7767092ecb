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
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        st = 'next_state: { match st {
            St::Code => { if !(i < input.len()) { break 'state_loop; }
                let mut symbol;
                symbol = u32::from(input[i]);
                symbol += 1;
                i += 1;
                acc += symbol;
                break 'next_state if symbol > 100 { St::Len } else { St::Code };
            }
            St::Len => { if !(i < input.len()) { break 'state_loop; }
                i += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state St::Done;
            }
            St::Done => { if !(i < input.len()) { break 'state_loop; } return acc },
        } }
    }
    acc
}
