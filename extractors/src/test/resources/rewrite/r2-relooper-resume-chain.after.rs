#![allow(unused_assignments, unused_labels)]
// A resumable decoder as c2rust writes it: a `match` on the saved state sets current_block, a chain of
// `match current_block` blocks runs once, then the loop. The chain joins the loop's match, so resuming is one
// dispatch on current_block before the loop.
pub struct Decoder {
    pub state: i32,
    pub acc: u32,
}

pub fn feed(d: &mut Decoder, input: &[u8]) -> u32 {
    let mut current_block: u64;
    let mut pos = 0;
    match d.state {
        0 => {
            current_block = 100;
        }
        1 => {
            current_block = 200;
        }
        _ => {
            current_block = 300;
        }
    }
    let mut state: u8 = match current_block { 100 => 0, 200 => 1, 900 => 2, 300 => 3, _ => 5 };
    #[cfg_attr(loop_match, loop_match)]
    'c_3: loop {
        state = 'next_state: { match state {
            0 => {
                d.acc = 0;
                current_block = 200; #[cfg_attr(loop_match, const_continue)] break 'next_state 1;
            }
            1 => {
                d.state = 1;
                if pos >= input.len() {
                    current_block = 900; #[cfg_attr(loop_match, const_continue)] break 'next_state 2;
                } else {
                    d.acc = d.acc * 31 + u32::from(input[pos]);
                    pos += 1;
                    current_block = 300; #[cfg_attr(loop_match, const_continue)] break 'next_state 3;
                }
            }
            2 => {
                break 'c_3;
            }
            3 => {
                d.state = 2;
                if pos >= input.len() {
                    current_block = 900;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state 2;
                }
                d.acc ^= u32::from(input[pos]);
                pos += 1;
                break 'next_state match current_block { 200 => 4, _ => 5 };
            }
            4 => {
                d.state = 1;
                current_block = 900; #[cfg_attr(loop_match, const_continue)] break 'next_state 2;
            }
            _ => {
                current_block = 300; #[cfg_attr(loop_match, const_continue)] break 'next_state 3;
            }
        } }
    }
    d.acc
}
