//! A test that cannot run here (it needs root) says so where a reader sees it, instead of
//! passing having tested nothing. The standard harness cannot mark a test ignored at run
//! time, so the line is written to the terminal itself, past the harness's capture.

use std::io::Write;

/// Whether this process runs as root (CI does: there these tests run).
pub fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Writes `SKIPPED: needs root …` naming `test` and what else it `needs`.
pub fn skipped(test: &str, needs: &str) {
    let line = format!("SKIPPED: needs root {needs}: {test} tested nothing here\n");
    // `eprintln!` is captured for a passing test; a write to the stream itself is not.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
