// A loop already written as `state = 'blk: { match state { .. } }` (zlib-rs style) only gets the attributes;
// a `;` after the match is dropped, because rustc wants the match as the block's value.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Head,
    Body,
    Done,
}

pub fn ready(input: &[u8]) -> usize {
    let mut mode = Mode::Head;
    let mut i = 0;
    // expect: rust/state-loop var=mode
    loop {
        mode = 'blk: {
            match mode {
                Mode::Head => {
                    if input.is_empty() {
                        break 'blk Mode::Done;
                    }
                    i += 1;
                    break 'blk Mode::Body;
                }
                Mode::Body => {
                    if i < input.len() && input[i] != 0 {
                        i += 1;
                        break 'blk mode;
                    }
                    break 'blk Mode::Done
                }
                Mode::Done => return i,
            };
        }
    }
}
