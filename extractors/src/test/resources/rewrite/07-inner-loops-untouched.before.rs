// Breaks and continues of loops nested in an arm belong to those loops and stay as they are; only the
// state loop's own break gets a label.
#[derive(Clone, Copy)]
enum Step {
    SkipSpaces,
    Token,
    Done,
}

pub fn tokens(input: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut step = Step::SkipSpaces;
    let mut i = 0;
    // expect: rust/state-loop var=step
    loop {
        match step {
            Step::SkipSpaces => {
                while i < input.len() {
                    if input[i] != b' ' {
                        break;
                    }
                    i += 1;
                }
                step = if i == input.len() { Step::Done } else { Step::Token };
            }
            Step::Token => {
                let start = i;
                for &b in &input[start..] {
                    if b == b'#' {
                        continue;
                    }
                    if b == b' ' {
                        break;
                    }
                }
                loop {
                    i += 1;
                    if i == input.len() || input[i] == b' ' {
                        break;
                    }
                }
                out.push((start, i));
                step = Step::SkipSpaces;
            }
            Step::Done => break,
        }
    }
    out
}
