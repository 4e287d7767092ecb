// The planted crate's benchmark: prints a result so the run can be checked.
fn main() {
    let text = b"12 apples, 345 pears and 6 plums";
    println!("runs={} adler={:08x}", planted::runs(text), planted::checksum(text));
}
