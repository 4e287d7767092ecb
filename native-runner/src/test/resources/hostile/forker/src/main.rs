// HOSTILE: a fork loop. Must be stopped at the sandbox's process limit.
use std::process::Command;

fn main() {
    let mut children = Vec::new();
    // safety valve: a sandbox without a process limit fails the test instead of filling the machine
    for n in 0..2000 {
        match Command::new("sleep").arg("30").spawn() {
            Ok(c) => children.push(c),
            Err(e) => {
                eprintln!("spawn failed after {n} children: {e}");
                std::process::exit(3);
            }
        }
    }
    println!("spawned 2000 children: the process limit did NOT hold");
    for mut c in children {
        let _ = c.kill();
    }
}
