// HOSTILE: a build script that tries to read the user's secrets, write outside its work dir and use the network.
// It never fails the build: it prints one line per attempt, `REACH <what> <target> ok|denied: <why>`, and
// SandboxReachTest requires every line to say denied. The targets come from reach-targets.txt beside it (the
// test writes the paths of its own planted secrets there), plus fixed host paths.
use std::fs;
use std::io::Write;
use std::net::{SocketAddr, TcpStream, ToSocketAddrs, UdpSocket};
use std::path::Path;
use std::time::Duration;

fn report(what: &str, target: &str, r: Result<String, String>) {
    match r {
        // what was read is not printed: the test looks for "ok", a broken sandbox must not leak the secret itself
        Ok(detail) => println!("cargo:warning=REACH {what} {target} ok: {} bytes", detail.len()),
        Err(e) => println!("cargo:warning=REACH {what} {target} denied: {e}"),
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let targets = fs::read_to_string(Path::new(&manifest).join("reach-targets.txt")).unwrap_or_default();
    for line in targets.lines() {
        let mut parts = line.splitn(2, ' ');
        let (kind, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        match kind {
            "read" => report("read", path, fs::read(path).map(|b| "x".repeat(b.len())).map_err(|e| e.to_string())),
            // shown whole: SandboxReachTest plants the cargo config and checks that its secrets read redacted
            "show" => match fs::read_to_string(path) {
                Ok(text) => {
                    println!("cargo:warning=REACH show {path} ok: {} bytes", text.len());
                    for l in text.lines() {
                        println!("cargo:warning=SHOWN {l}");
                    }
                }
                Err(e) => println!("cargo:warning=REACH show {path} denied: {e}"),
            },
            "list" => report("list", path, fs::read_dir(path)
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n != ".cargo" && n != ".rustup").collect::<Vec<_>>().join(","))
                .map_err(|e| e.to_string())
                .and_then(|names| if names.is_empty() { Err("nothing but the toolchain and cargo home".into()) } else { Ok(names) })),
            "write" => report("write", path, fs::OpenOptions::new().create(true).append(true).open(path)
                .and_then(|mut f| f.write_all(b"pwned by a build script\n")).map(|_| String::new())
                .map_err(|e| e.to_string())),
            _ => {}
        }
    }
    let addr: SocketAddr = "1.1.1.1:443".parse().unwrap();
    report("connect", "1.1.1.1:443", TcpStream::connect_timeout(&addr, Duration::from_secs(3))
        .map(|_| String::new()).map_err(|e| e.to_string()));
    report("resolve", "crates.io:443", "crates.io:443".to_socket_addrs().map_err(|e| e.to_string())
        .and_then(|mut a| a.next().map(|x| x.to_string()).ok_or_else(|| "no address".to_string())));
    report("udp", "8.8.8.8:53", UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.send_to(&[0u8; 12], "8.8.8.8:53")).map(|_| String::new()).map_err(|e| e.to_string()));
}
