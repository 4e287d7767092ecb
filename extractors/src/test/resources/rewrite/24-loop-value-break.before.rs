// A loop whose value is the function's result: `break value` of the state loop gets the label too.
pub fn first_run(xs: &[u8]) -> usize {
    let mut s = 0u8;
    let mut i = 0;
    let mut run = 0;
    // expect: rust/state-loop var=s
    loop {
        match s {
            0 => {
                if i == xs.len() {
                    break 0;
                }
                if xs[i] == 1 {
                    s = 1;
                } else {
                    i += 1;
                }
            }
            _ => {
                if i == xs.len() || xs[i] != 1 {
                    break run;
                }
                run += 1;
                i += 1;
            }
        }
    }
}
