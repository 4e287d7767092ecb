// A state behind a `&mut` parameter (`*state`) is a place like a field: a local copy drives the dispatch.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Gate {
    Closed,
    Opening,
    Open,
}

pub fn advance(state: &mut Gate, ticks: &mut u32) {
    // expect: rust/field-state-loop var=*state
    loop {
        match *state {
            Gate::Closed => {
                *ticks += 1;
                *state = Gate::Opening;
            }
            Gate::Opening => {
                *ticks += 2;
                *state = Gate::Open;
            }
            Gate::Open => return,
        }
    }
}
