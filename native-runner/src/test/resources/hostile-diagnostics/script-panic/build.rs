fn main() {
    eprintln!("checking for libfrobnicate ...");
    panic!("libfrobnicate 2.1 not found: set FROBNICATE_DIR");
}
