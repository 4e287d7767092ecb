// HOSTILE: a build script that reaches for the host. It tries to write into the directory named in
// hostile-targets.txt (outside the sandbox), into its own source tree, and to connect to the test's loopback
// listener. It ignores every failure (prints them as warnings) so the crate still builds in the sandbox.
use std::io::Write;
use std::net::TcpStream;
use std::path::Path;

fn main() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let targets = std::fs::read_to_string(Path::new(dir).join("hostile-targets.txt")).unwrap_or_default();
    let mut lines = targets.lines();
    let outside = lines.next().unwrap_or("/nonexistent");
    let port = lines.next().unwrap_or("9");
    let attempts = [
        Path::new(outside).join("marker-build-rs"),
        Path::new(dir).join("marker-in-source"),
    ];
    for p in attempts {
        match std::fs::write(&p, "written by build.rs") {
            Ok(()) => println!("cargo:warning=WROTE {}", p.display()),
            Err(e) => println!("cargo:warning=write to {} refused: {e}", p.display()),
        }
    }
    match TcpStream::connect(format!("127.0.0.1:{port}")) {
        Ok(mut s) => {
            let _ = s.write_all(b"build.rs");
            println!("cargo:warning=CONNECTED to 127.0.0.1:{port}");
        }
        Err(e) => println!("cargo:warning=connect refused: {e}"),
    }
    println!("cargo:rerun-if-changed=build.rs");
}
