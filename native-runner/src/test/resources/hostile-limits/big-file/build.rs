// HOSTILE: one file in OUT_DIR growing to 256 MiB.
use std::io::Write;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    let mut f = std::fs::File::create(format!("{out}/big")).unwrap();
    let block = vec![7u8; 1 << 20];
    for _ in 0..256 {
        f.write_all(&block).expect("write");
    }
}
