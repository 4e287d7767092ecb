use std::net::TcpStream;

fn main() {
    let targets = include_str!("../hostile-targets.txt");
    let port = targets.lines().nth(1).expect("port on line 2");
    match TcpStream::connect(format!("127.0.0.1:{port}")) {
        Ok(_) => println!("cargo:warning=CONNECTED to the host's listener on {port}"),
        Err(e) => panic!("cannot reach 127.0.0.1:{port}: {e}"),
    }
}
