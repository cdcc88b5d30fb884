//! The `bairi` binary: parse the command line and run.

fn main() {
    println!("bairi");
}
