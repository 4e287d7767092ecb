// A state behind a `&mut` parameter (`*state`) is a place like a field: a local copy drives the dispatch.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Gate {
    Closed,
    Opening,
    Open,
}

pub fn advance(state: &mut Gate, ticks: &mut u32) {
    // expect: rust/field-state-loop var=*state
    let mut state2 = *state;
    #[cfg_attr(loop_match, loop_match)]
    loop {
        state2 = 'next_state: { match state2 {
            Gate::Closed => {
                *ticks += 1;
                *state = Gate::Opening; #[cfg_attr(loop_match, const_continue)] break 'next_state Gate::Opening;
            }
            Gate::Opening => {
                *ticks += 2;
                *state = Gate::Open; #[cfg_attr(loop_match, const_continue)] break 'next_state Gate::Open;
            }
            Gate::Open => return,
        } }
    }
}
