// HOSTILE: a benchmark that allocates and fills 10 GB. Must end as `oom` at the sandbox's memory limit.
fn main() {
    let v = vec![1u8; 10 << 30];
    println!("allocated {} bytes: the memory limit did NOT hold", v.len());
}
