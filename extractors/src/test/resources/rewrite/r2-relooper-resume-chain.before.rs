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
    match current_block {
        100 => {
            d.acc = 0;
            current_block = 200;
        }
        _ => {}
    }
    match current_block {
        200 => {
            d.state = 1;
            if pos >= input.len() {
                current_block = 900;
            } else {
                d.acc = d.acc * 31 + u32::from(input[pos]);
                pos += 1;
                current_block = 300;
            }
        }
        _ => {}
    }
    // expect: rust/c2rust-current-block var=current_block
    'c_3: loop {
        match current_block {
            900 => {
                break;
            }
            300 => {
                d.state = 2;
                if pos >= input.len() {
                    current_block = 900;
                    continue;
                }
                d.acc ^= u32::from(input[pos]);
                pos += 1;
            }
            _ => {}
        }
        match current_block {
            200 => {
                d.state = 1;
                current_block = 900;
            }
            _ => {
                current_block = 300;
            }
        }
    }
    d.acc
}
