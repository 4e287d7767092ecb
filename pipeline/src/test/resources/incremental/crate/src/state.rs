// Incremental-extraction fixture: declares the state type machine.rs matches on. No finding here.
#[derive(Clone, Copy, PartialEq)]
pub enum State {
    Start,
    Word,
    Space,
}
