// HOSTILE: floods its output (20 MB of log lines). The captured log must stay capped (head and tail kept) and
// the run still counts: it ends normally.
use std::io::Write;

fn main() {
    let out = std::io::stdout();
    let mut out = out.lock();
    println!("chatter: first line");
    let line = [b'x'; 1023];
    for _ in 0..20_000 {
        out.write_all(&line).unwrap();
        out.write_all(b"\n").unwrap();
    }
    println!("chatter: last line");
}
