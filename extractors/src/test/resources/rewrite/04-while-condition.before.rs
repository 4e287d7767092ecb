// A `while cond` state loop becomes `loop` with the condition checked at the start of every arm, so a
// #[const_continue] jump into an arm still tests it first.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Skip,
    Digits,
}

pub fn sum_numbers(input: &str) -> u64 {
    let bytes = input.as_bytes();
    let mut phase = Phase::Skip;
    let mut i = 0;
    let mut current = 0u64;
    let mut total = 0u64;
    // expect: rust/state-loop var=phase
    while i < bytes.len() {
        match phase {
            Phase::Skip => {
                if bytes[i].is_ascii_digit() {
                    phase = Phase::Digits;
                } else {
                    i += 1;
                }
            }
            Phase::Digits => {
                if bytes[i].is_ascii_digit() {
                    current = current * 10 + u64::from(bytes[i] - b'0');
                    i += 1;
                } else {
                    total += current;
                    current = 0;
                    phase = Phase::Skip;
                }
            }
        }
    }
    total + current
}
