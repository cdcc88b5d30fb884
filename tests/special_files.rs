//! Paths that are not campaign files: a FIFO, a device, a huge sparse file are refused at
//! once; `report --out` writes only a regular file and never the campaign or its backups.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bairi(args: &[&str], home: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A hang must fail the test, not stall it.
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// `check` and `note` on `path` both refuse within a second, saying `why`.
fn refused_quickly(path: &Path, why: &str, home: &Path) {
    let file = path.to_str().unwrap();
    for args in [
        vec!["check", file, "--today", "2026-11-22"],
        vec!["note", file, "T01", "x", "--today", "2026-11-22"],
    ] {
        let started = Instant::now();
        let out = bairi(&args, home);
        let took = started.elapsed();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(why), "{args:?}: {err}");
        assert!(took < Duration::from_secs(1), "{args:?} took {took:?}");
    }
}

#[test]
fn a_fifo_as_the_campaign_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("c.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    refused_quickly(&fifo, "not a regular file", dir.path());
}

#[test]
fn a_device_as_the_campaign_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    refused_quickly(Path::new("/dev/zero"), "not a regular file", dir.path());
}

#[test]
fn a_huge_sparse_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    refused_quickly(&path, "too large", dir.path());
}

fn report_to(campaign: &Path, out: &Path, home: &Path) -> Output {
    bairi(
        &[
            "report",
            campaign.to_str().unwrap(),
            "--format",
            "markdown",
            "--today",
            "2026-11-22",
            "--out",
            out.to_str().unwrap(),
        ],
        home,
    )
}

#[test]
fn report_out_refuses_the_campaign_its_backup_and_special_files() {
    let dir = tempfile::tempdir().unwrap();
    let campaign = support::qinglan_copy(dir.path());
    let bak = dir.path().join(".bairi/qinglan.toml.bak");
    std::fs::create_dir_all(bak.parent().unwrap()).unwrap();
    std::fs::copy(&campaign, &bak).unwrap();
    let fifo = dir.path().join("pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let before = std::fs::read(&campaign).unwrap();
    for (out, why) in [
        (campaign.clone(), "campaign file itself"),
        (dir.path().join("./qinglan.toml"), "campaign file itself"),
        (bak.clone(), "backup"),
        (fifo.clone(), "not a regular file"),
        (Path::new("/dev/null").to_owned(), "not a regular file"),
    ] {
        let o = report_to(&campaign, &out, dir.path());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{}: {err}", out.display());
        assert!(err.contains(why), "{}: {err}", out.display());
    }
    assert_eq!(std::fs::read(&campaign).unwrap(), before);
    assert_eq!(std::fs::read(&bak).unwrap(), before);
    let md = dir.path().join("board.md");
    let o = report_to(&campaign, &md, dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(&md).unwrap().starts_with("# "));
    let o = report_to(&campaign, Path::new("-"), dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# "));
}

#[test]
fn a_fifo_or_a_device_as_the_config_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let campaign = support::qinglan_copy(dir.path());
    let fifo = dir.path().join("config.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for config in [fifo.as_path(), Path::new("/dev/zero")] {
        let args = [
            "--config",
            config.to_str().unwrap(),
            "check",
            campaign.to_str().unwrap(),
            "--today",
            "2026-11-22",
        ];
        let started = Instant::now();
        let out = bairi(&args, dir.path());
        let took = started.elapsed();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", config.display());
        assert!(
            err.contains("not a regular file"),
            "{}: {err}",
            config.display()
        );
        assert!(
            took < Duration::from_secs(1),
            "{} took {took:?}",
            config.display()
        );
    }
}

/// A command given a file that does not exist says so and leaves nothing behind: no
/// `.bairi/` folder, no lock for a campaign that is not there.
#[test]
fn an_edit_on_a_missing_file_leaves_no_lock_behind() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("progress");
    let out = support::bairi_at(
        dir.path(),
        &[
            "note",
            missing.to_str().unwrap(),
            "T01",
            "记录",
            "--today",
            "2026-11-22",
        ],
    );
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("no such file"), "{said}");
    assert!(
        !dir.path().join(".bairi").exists(),
        "no side folder for a missing file"
    );
}
