// HOSTILE: a build script that phones home. Must end as `network-blocked`.
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

fn main() {
    // 93.184.216.34:80 (example.com); a short timeout so a broken sandbox fails the test quickly
    let addr: SocketAddr = "93.184.216.34:80".parse().unwrap();
    match TcpStream::connect_timeout(&addr, Duration::from_secs(3)) {
        Ok(_) => println!("cargo:warning=connected: the network is NOT blocked"),
        Err(e) => panic!("build script could not connect: {e}"),
    }
}
