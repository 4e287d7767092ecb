// HOSTILE: writes outside its target directory (next to its own source). Must be refused.
fn main() {
    let target = std::env::var("ESCAPE_TO")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/escaped.txt").to_string());
    std::fs::write(&target, "escaped").unwrap_or_else(|e| panic!("write to {target} failed: {e}"));
    println!("wrote {target}: the write was NOT refused");
}
