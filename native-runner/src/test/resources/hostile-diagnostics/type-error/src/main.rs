fn main() {
    let n: u32 = "not a number"; // the error the failure must name
    println!("{n}");
}
