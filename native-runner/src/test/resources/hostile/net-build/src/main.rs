fn main() { println!("built without the network?"); }
