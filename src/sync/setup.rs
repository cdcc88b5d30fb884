//! First use of `bairi sync` in a repository: `.gitattributes` sends the campaign through
//! bairi's merge driver, the repository's config names the driver (this binary), and
//! `.gitignore` leaves out bairi's lock, presence, draft, backup and recovered files.

use std::fs;
use std::io;
use std::path::Path;

use super::git::{Git, GitError};

/// bairi's own files beside a campaign, never to be committed.
pub(crate) const IGNORED: &[&str] = &[
    ".bairi/",
    ".*.lock",
    ".*.presence/",
    ".*.draft",
    ".*.bairi-*",
    "*.recovered-*",
    "*.bak",
];

/// Adds each of `lines` missing from the file at `path` (created if need be); whether it
/// changed.
fn ensure_lines(path: &Path, lines: &[String]) -> io::Result<bool> {
    let old = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let have: Vec<&str> = old.lines().map(str::trim).collect();
    let missing: Vec<&String> = lines
        .iter()
        .filter(|l| !have.contains(&l.as_str()))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = old.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    // Replaced, never written through: a `.gitignore` planted as a link in a shared folder.
    crate::store::save::plain::write(path, text.as_bytes())?;
    Ok(true)
}

/// Sets the repository up for `pattern` (the campaign's path from the top, or `*.toml`);
/// safe to run every time. Returns the files it changed, to commit.
pub(crate) fn set_up(git: &Git, pattern: &str, exe: &Path) -> Result<Vec<&'static str>, GitError> {
    let io_err = |e: io::Error| GitError(e.to_string());
    let mut changed = Vec::new();
    let attr = vec![format!("{pattern} merge=bairi")];
    if ensure_lines(&git.top.join(".gitattributes"), &attr).map_err(io_err)? {
        changed.push(".gitattributes");
    }
    let ignore: Vec<String> = IGNORED.iter().map(|s| (*s).to_owned()).collect();
    if ensure_lines(&git.top.join(".gitignore"), &ignore).map_err(io_err)? {
        changed.push(".gitignore");
    }
    let exe = exe.to_string_lossy().replace('\'', "'\\''");
    let driver = format!("'{exe}' merge-driver %O %A %B %P");
    if git
        .run(&["config", "--get", "merge.bairi.driver"])
        .ok()
        .as_deref()
        .map(str::trim)
        != Some(driver.as_str())
    {
        git.run(&[
            "config",
            "merge.bairi.name",
            "bairi: merge campaigns by task and field",
        ])?;
        git.run(&["config", "merge.bairi.driver", &driver])?;
    }
    Ok(changed)
}
