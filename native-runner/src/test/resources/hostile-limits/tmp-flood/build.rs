// HOSTILE: fills /tmp (the sandbox's private tmpfs) with up to 256 MiB.
use std::io::Write;

fn main() {
    let block = vec![7u8; 1 << 20];
    for i in 0..256 {
        let mut f = std::fs::File::create(format!("/tmp/flood-{i}")).unwrap();
        f.write_all(&block).expect("write");
    }
}
