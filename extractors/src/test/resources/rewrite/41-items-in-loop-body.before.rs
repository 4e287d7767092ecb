// Items in the loop body (macro_rules!, fn, use) stay where they are: the dispatch block opens before them.
// rustc's #[loop_match] ignores items, and a macro that breaks out of the loop keeps its label in scope
// (macro labels are hygienic: moved before the loop, `break 'inf_leave` would name no label).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Mode {
    Head,
    Body,
    Done,
}

pub struct Stream {
    pub mode: Mode,
    pub sum: u32,
}

pub fn back(strm: &mut Stream, input: &[u8]) -> usize {
    let mut have = 0;
    let state = &mut *strm;
    // expect: rust/field-state-loop var=state.mode
    'inf_leave: loop {
        macro_rules! pull {
            () => {
                if have == input.len() {
                    break 'inf_leave;
                }
                have += 1;
            };
        }

        fn weight(b: u8) -> u32 {
            u32::from(b) * 2
        }

        use core::cmp::min;

        match state.mode {
            Mode::Head => {
                pull!();
                state.mode = Mode::Body;
            }
            Mode::Body => {
                pull!();
                state.sum = min(state.sum + weight(input[have - 1]), 1000);
                if input[have - 1] == 0 {
                    state.mode = Mode::Done;
                }
            }
            Mode::Done => break 'inf_leave,
        }
    }
    have
}
