//! `cargo run --release --example synth -- N FILE`: writes a synthetic campaign of N tasks
//! (the generator the benchmarks use), for trying bairi on a large file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let path = args.get(2).map_or("synthetic.toml", String::as_str);
    if let Err(e) = bairi::synth::write_to(std::path::Path::new(path), n, 42) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
}
