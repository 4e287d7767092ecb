// An epilogue that reads the state (a trace of every round's state) moves after everything the arm does, so it
// reads the state the arm left, as before: an arm whose constant transition the epilogue then follows yields
// the state (a dynamic transition); a transition followed by `continue` skips the epilogue as before and stays a
// #[const_continue]; an arm that returns never reaches it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Step {
    A,
    B,
    C,
}

pub fn trace(input: &[u8]) -> Vec<Step> {
    let mut step = Step::A;
    let mut seen = Vec::new();
    let mut i = 0;
    // expect: rust/state-loop var=step
    loop {
        match step {
            Step::A => {
                if i == input.len() {
                    return seen;
                }
                if input[i] == b' ' {
                    i += 1;
                    step = Step::A;
                    continue;
                }
                step = Step::B;
            }
            Step::B => {
                if input[i] == 0 {
                    step = Step::C;
                } else {
                    step = Step::A;
                }
            }
            Step::C => return seen,
        }
        seen.push(step);
        if step == Step::C {
            i += 2;
        }
        i += 1;
    }
}
