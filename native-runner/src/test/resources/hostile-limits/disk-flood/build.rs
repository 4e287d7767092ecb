// HOSTILE: writes 256 files of 1 MiB into OUT_DIR (inside the target dir).
fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    let block = vec![7u8; 1 << 20];
    for i in 0..256 {
        std::fs::write(format!("{out}/flood-{i}"), &block).expect("write");
    }
}
