// A local named `raw` borrowed as `&raw` next to the raw-borrow syntax `&raw const x` / `&raw mut x` (which
// always has `const` or `mut` after `raw`): tree-sitter-rust 0.24 reads `&raw; s = 1` as one broken expression,
// so the parser sees a masked copy; the loop is rewritten like any other.
pub fn checksum(raw: [u8; 4]) -> u32 {
    let mut s = 0u8;
    let mut sum = 0u32;
    // expect: rust/state-loop var=s
    loop {
        match s {
            0 => {
                let bytes = &raw;
                sum += u32::from(bytes[0]);
                s = 1;
            }
            1 => {
                let p = &raw const sum;
                sum += unsafe { *p } + u32::from(raw[1]);
                s = 2;
            }
            2 => {
                let q = &raw mut sum;
                unsafe { *q += u32::from((&raw)[2]) };
                s = 3;
            }
            _ => return sum,
        }
    }
}
