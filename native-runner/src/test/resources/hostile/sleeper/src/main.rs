// HOSTILE: a benchmark that never finishes. Must end as `timeout` (wall time or no-output watchdog).
use std::io::Write;

fn main() {
    println!("sleeping forever");
    std::io::stdout().flush().unwrap();
    loop {
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}
