// Every transition is computed: #[const_continue] would never apply, so the loop is left alone.
pub fn collatz_steps(mut n: u64) -> u32 {
    let mut steps = 0;
    // expect: rust/state-loop var=n reason=no-constant-transitions
    loop {
        match n {
            1 => return steps,
            _ => {
                steps += 1;
                n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
            }
        }
    }
}
