// HOSTILE: an endless busy loop with no output. Must be stopped by the wall-time limit or the no-output watchdog.
fn main() {
    let mut x: u64 = 1;
    // safety valve: ends after about an hour on a fast CPU if no limit holds
    for i in 0..u64::MAX / 1_000_000 {
        x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(i));
    }
    println!("{x}: the time limit did NOT hold");
}
