// Incremental-extraction fixture: no loop, no finding; its result depends on nothing else.
pub fn double(x: u32) -> u32 {
    x * 2
}
