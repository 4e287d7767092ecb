// An enum whose variants carry data is not a #[loop_match] state type: left alone.
#[derive(Clone, Copy)]
enum Tok {
    Start,
    Count(u32),
}

pub fn count_to(n: u32) -> u32 {
    let mut tok = Tok::Start;
    // expect: rust/state-loop var=tok reason=state-type-has-fields
    loop {
        match tok {
            Tok::Start => tok = Tok::Count(0),
            Tok::Count(k) => {
                if k == n {
                    return k;
                }
                tok = Tok::Count(k + 1);
            }
        }
    }
}
