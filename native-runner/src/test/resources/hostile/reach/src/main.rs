// HOSTILE: its build script (build.rs) tries to reach the host. The program itself does nothing.
fn main() {}
