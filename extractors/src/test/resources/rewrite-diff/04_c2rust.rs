// c2rust-style relooper output: current_block with u64 ids, labelled continue, raw pointers in unsafe blocks.
pub const ALPHABET: &[u8] = b"\x00abc\x00z";

unsafe fn scan(mut p: *const u8, end: *const u8) -> (u32, u32) {
    let mut words: u32 = 0;
    let mut zeros: u32 = 0;
    let mut current_block: u64 = 5143058163439228106;
    // expect: rust/c2rust-current-block var=current_block
    'c_5: loop {
        match current_block {
            5143058163439228106 => {
                if p == end {
                    current_block = 17788412896529399552;
                    continue 'c_5;
                }
                if unsafe { *p } == 0 {
                    current_block = 11006700562992250127;
                } else {
                    current_block = 3640593987805443782;
                }
            }
            11006700562992250127 => unsafe {
                zeros = zeros.wrapping_add(1);
                p = p.offset(1);
                current_block = 5143058163439228106;
            },
            3640593987805443782 => {
                words = words.wrapping_add(1);
                while p != end && unsafe { *p } != 0 {
                    p = unsafe { p.offset(1) };
                }
                current_block = 5143058163439228106;
                continue 'c_5;
            }
            _ => break 'c_5,
        }
    }
    (words, zeros)
}

pub fn run(input: &[u8]) -> String {
    let r = unsafe { scan(input.as_ptr(), input.as_ptr().add(input.len())) };
    format!("{:?}", r)
}
