// Two state loops in one file, one of them left alone (guards); each is planned on its own.
pub fn run_a(n: u32) -> u32 {
    let mut s = 0u8;
    let mut acc = 0;
    // expect: rust/state-loop var=s
    loop {
        match s {
            0 => {
                acc += n;
                s = 1;
            }
            1 => {
                acc *= 2;
                s = 2;
            }
            _ => return acc,
        }
    }
}

pub fn run_b(n: u32) -> u32 {
    let mut s = 0u8;
    let mut acc = 0;
    // expect: rust/state-loop var=s reason=match-guards
    loop {
        match s {
            0 if n > 3 => {
                acc += 1;
                s = 1;
            }
            0 => s = 1,
            _ => return acc,
        }
    }
}

pub fn run_c(limit: i64) -> i64 {
    let mut phase = 1i64;
    let mut total = 0;
    // expect: rust/state-loop var=phase
    loop {
        match phase {
            1 => {
                total += 1;
                if total > limit {
                    phase = -1;
                }
            }
            _ => return total,
        }
    }
}
