//! Shared helpers for the integration tests.
#![allow(dead_code)] // each test binary uses a part of the shared helpers

pub mod pty;
pub mod sshd;

use std::path::{Path, PathBuf};

/// The qinglan example campaign, copied into a temp dir so a test may edit it.
pub fn qinglan_copy(dir: &Path) -> PathBuf {
    let path = dir.join("qinglan.toml");
    std::fs::copy(fixture("qinglan.toml"), &path).expect("copy fixture");
    path
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The lines that differ between two texts, as (before, after) pairs by line number; both
/// texts must have the same number of lines.
pub fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

/// A rendered buffer as text, one line per row, wide characters written once.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Whether someone still holds the save lock (the lock file itself stays, by design).
pub fn lock_held(path: &Path) -> bool {
    !matches!(bairi::store::lock::Lock::try_acquire(path), Ok(Some(_)))
}
