//! The harness lines of the driver contract, and the unmangled workload function callgrind counts alone.
#[no_mangle]
#[inline(never)]
pub fn loopscout_workload(work: &mut dyn FnMut() -> u64) -> u64 {
    work()
}

/// `rounds`, or LOOPSCOUT_ITERATIONS when set (the runner's callgrind runs count one round).
pub fn run(rounds: u64, mut work: impl FnMut() -> u64) {
    let rounds = std::env::var("LOOPSCOUT_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(rounds);
    let start = std::time::Instant::now();
    let sum = loopscout_workload(&mut || (0..rounds).map(|_| std::hint::black_box(work())).sum());
    println!("LOOPSCOUT_CHECKSUM={sum:x}");
    println!("LOOPSCOUT_NS={}", start.elapsed().as_nanos());
}
