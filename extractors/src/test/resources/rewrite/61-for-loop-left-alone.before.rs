// A state machine driven by a `for` loop (mailparse's `dateparse`): the extractor reports it, and the planner
// leaves it alone as a for loop (#[loop_match] goes on `loop`; the iterator would have to be driven by hand), the
// same reason the finding's `eligible` column gives, never "no loop starts here".
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Day,
    Month,
    Year,
    Done,
}

pub fn date(text: &str) -> Option<(u8, u8, u16)> {
    let (mut day, mut month, mut year) = (0, 0, 0);
    let mut field = Field::Day;
    // expect: rust/state-loop var=field reason=for-loop
    for tok in text.split(' ') {
        if tok.is_empty() {
            continue;
        }
        match field {
            Field::Day => {
                day = tok.parse().ok()?;
                field = Field::Month;
            }
            Field::Month => {
                month = tok.parse().ok()?;
                field = Field::Year;
            }
            Field::Year => {
                year = tok.parse().ok()?;
                field = Field::Done;
            }
            Field::Done => return None,
        }
    }
    Some((day, month, year))
}
