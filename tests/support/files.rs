//! What a folder holds, for tests that check what a command left behind.

use std::path::{Path, PathBuf};

/// Every file under `dir` (folders walked, not listed), sorted by path.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("read the folder").flatten() {
            if e.file_type().expect("a file type").is_dir() {
                todo.push(e.path());
            } else {
                found.push(e.path());
            }
        }
    }
    found.sort();
    found
}
