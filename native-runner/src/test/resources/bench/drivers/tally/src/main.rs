//! Set-up far heavier than the workload (callgrind must count the workload alone), then word counting.
fn main() {
    let rounds: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).expect("usage: tally-driver ROUNDS");
    let mut x = 0u64;
    for i in 0..20_000_000u64 {
        x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
    }
    let text: Vec<u8> = (0..10_000u64).map(|i| if (i ^ x) % 7 == 0 { b' ' } else { b'a' }).collect();
    harness::run(rounds, || tally::count_words(&text));
}
