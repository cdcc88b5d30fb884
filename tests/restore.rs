//! Issue 23, defects 5, 6 and 7, and issue 24: `bairi restore` can count on its copies.
//! Restoring waits for a save in progress and keeps the version it replaces; every version
//! bairi wrote or overwrote stays restorable, even under one clock reading, on a 10,000-task
//! file, and for every user who shares the campaign.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-22T08:00:00+08:00";

/// `bairi ARGS` at `NOW`, its data (and config) under `home`.
fn bairi(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bairi"));
    cmd.args(args)
        .env("LANG", "en_US.UTF-8")
        .env("TZ", "Asia/Shanghai")
        .env("BAIRI_NOW", NOW)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    cmd
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn note(home: &Path, file: &Path, task: &str, by: &str, text: &str) {
    let file = file.to_str().unwrap();
    ok(bairi(home, &["note", file, task, text, "--by", by])
        .output()
        .unwrap());
}

/// The copies `restore` lists, one line each, newest first.
fn listing(home: &Path, file: &Path) -> Vec<String> {
    let out = ok(bairi(home, &["restore", file.to_str().unwrap()])
        .output()
        .unwrap());
    out.lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .map(str::to_owned)
        .collect()
}

fn restore(home: &Path, file: &Path, n: usize) {
    let n = n.to_string();
    ok(bairi(home, &["restore", file.to_str().unwrap(), &n])
        .output()
        .unwrap());
}

#[test]
fn restore_waits_for_a_save_in_progress_and_keeps_the_version_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let file = support::qinglan_copy(dir.path());
    note(dir.path(), &file, "T01", "li_mx", "第一条");
    let current = std::fs::read_to_string(&file).unwrap();
    let held = support::hold_lock(&file);
    let mut restoring = bairi(dir.path(), &["restore", file.to_str().unwrap(), "2"])
        .spawn()
        .unwrap();
    support::wait_until("restore to wait at the lock", || {
        support::locks::has_lock_open(restoring.id(), &file)
    });
    assert!(
        std::fs::read_to_string(&file).unwrap() == current,
        "nothing is replaced while another save holds the lock"
    );
    held.release();
    assert!(restoring.wait().unwrap().success());
    assert_ne!(std::fs::read_to_string(&file).unwrap(), current);
    // The version it replaced can be put back in turn.
    let n = listing(dir.path(), &file).len();
    restore(dir.path(), &file, 2);
    assert!(
        std::fs::read_to_string(&file).unwrap() == current,
        "{n} copies"
    );
}

#[test]
fn a_version_bairi_wrote_then_an_editor_changed_stays_restorable() {
    let dir = tempfile::tempdir().unwrap();
    let file = support::qinglan_copy(dir.path());
    note(dir.path(), &file, "T01", "li_mx", "bairi 写的");
    let bairi_wrote = std::fs::read_to_string(&file).unwrap();
    let edited = bairi_wrote.replacen("bairi 写的", "编辑器改的", 1);
    std::fs::write(&file, &edited).unwrap();
    note(dir.path(), &file, "T02", "li_mx", "又一条");
    let lines = listing(dir.path(), &file);
    assert_eq!(
        lines.len(),
        4,
        "now, the edit, bairi's version, the first: {lines:?}"
    );
    restore(dir.path(), &file, 3);
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(
        now == bairi_wrote,
        "{lines:?}\n{}",
        support::changed_lines(&bairi_wrote, &now).len()
    );
    // Putting it back kept the version it replaced (bairi's last write, now pinned) and
    // is itself the newest copy: the edit is still third.
    let lines = listing(dir.path(), &file);
    assert!(lines[0].contains("(the current version)") && lines[1].contains('*'));
    restore(dir.path(), &file, 3);
    assert!(
        std::fs::read_to_string(&file).unwrap() == edited,
        "{lines:?}"
    );
}

#[cfg(unix)]
#[test]
fn five_edits_under_one_clock_reading_keep_every_version_for_everyone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = support::qinglan_copy(dir.path());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let mut versions = vec![std::fs::read_to_string(&file).unwrap()];
    let alice = dir.path().join("alice");
    for n in 0..5 {
        note(&alice, &file, "T01", "li_mx", &format!("第{n}条"));
        versions.push(std::fs::read_to_string(&file).unwrap());
    }
    // Bob, with a data directory of his own, sees every copy alice's saves made.
    let bob = dir.path().join("bob");
    let lines = listing(&bob, &file);
    assert_eq!(lines.len(), 6, "{lines:?}");
    let side = dir.path().join(".bairi");
    for e in walk(&side) {
        let mode = std::fs::metadata(&e).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0o040,
            "{}: readable by the group",
            e.display()
        );
    }
    restore(&bob, &file, 6);
    assert!(std::fs::read_to_string(&file).unwrap() == versions[0]);
}

#[test]
fn twenty_five_edits_on_ten_thousand_tasks_keep_the_version_from_before_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.toml");
    bairi::synth::write_to(&file, 10_000, 3).unwrap();
    let before = std::fs::read_to_string(&file).unwrap();
    assert!(before.len() > 6_000_000, "{}", before.len());
    for n in 0..25 {
        note(
            dir.path(),
            &file,
            &format!("T{:05}", n * 7),
            "p01",
            "评审会",
        );
    }
    let lines = listing(dir.path(), &file);
    assert_eq!(lines.len(), 26, "{lines:?}");
    for e in walk(&dir.path().join(".bairi")) {
        let size = std::fs::metadata(&e).unwrap().len();
        assert!(size < 1_000_000, "{}: {size} bytes", e.display());
    }
    restore(dir.path(), &file, 26);
    assert!(std::fs::read_to_string(&file).unwrap() == before);
}

/// The copies under `dir`: every file but the lock.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = support::files::files_under(dir);
    found.retain(|p| p.to_string_lossy().contains(".copies"));
    found
}
