//! Nothing is lost: saves killed at random moments, a file moved away while open, and
//! property tests of the loader and of load → edit → save → load.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::time::Duration;

use chrono::NaiveDate;
use proptest::prelude::*;

use bairi::domain::LogEntry;
use bairi::store::file::CampaignFile;
use bairi::store::load::{Today, load_bytes, load_str};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut notes = 0usize;
    for round in 0..40 {
        let before = std::fs::read_to_string(&path).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args([
                "note",
                file,
                "T01",
                &format!("第{round}条"),
                "--today",
                "2026-11-22",
            ])
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        std::thread::sleep(Duration::from_micros(state % 20_000));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let after = std::fs::read_to_string(&path).unwrap();
        let loaded = load_str(&after, Today::Date(day()));
        assert!(loaded.is_ok(), "round {round}: the file must stay valid");
        if after != before {
            notes += 1;
            assert!(
                after.contains(&format!("第{round}条")),
                "round {round}: the new version, whole"
            );
        }
    }
    // The next open cleans up whatever a killed save left behind.
    CampaignFile::open(&path, Today::Date(day())).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bairi-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let _ = notes;
}

#[test]
fn a_file_moved_away_while_open_fails_the_save_and_keeps_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut file = CampaignFile::open(&path, Today::Date(day())).unwrap();
    file.set_progress("T01", 85).unwrap();
    let moved = dir.path().join("moved.toml");
    std::fs::rename(&path, &moved).unwrap();
    let err = file.save().unwrap_err();
    assert!(!err.message().en.is_empty());
    assert!(file.dirty, "the edit is kept");
    assert!(!path.exists(), "nothing written where the file was");
    assert!(
        load_str(
            &std::fs::read_to_string(&moved).unwrap(),
            Today::Date(day())
        )
        .is_ok()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = load_bytes(&bytes, Today::Date(day()));
    }

    #[test]
    fn the_loader_never_panics_on_a_mangled_campaign(cut in 0usize..28_000, insert in any::<u8>(), at in 0usize..28_000) {
        let mut bytes = std::fs::read(support::fixture("qinglan.toml")).unwrap();
        let at = at % bytes.len();
        bytes.insert(at, insert);
        bytes.truncate(cut.max(1));
        let _ = load_bytes(&bytes, Today::Date(day()));
    }

    #[test]
    fn load_edit_save_load_matches_the_model(task in 0usize..13, progress in 0u8..=100, text in "\\PC{1,40}") {
        let dir = tempfile::tempdir().unwrap();
        let path = support::qinglan_copy(dir.path());
        let mut file = CampaignFile::open(&path, Today::Date(day())).unwrap();
        let id = file.campaign.tasks[task].id.clone();
        file.set_progress(&id, progress).unwrap();
        let entry = LogEntry { date: day(), text: text.clone(), by: None, kind: None };
        let accepted = file.append_log(&id, entry).is_ok();
        file.save().unwrap();
        let again = CampaignFile::open(&path, Today::Date(day())).unwrap();
        prop_assert_eq!(&again.campaign.tasks, &file.campaign.tasks);
        let t = again.campaign.task(&id).unwrap();
        prop_assert_eq!(t.progress, Some(progress));
        if accepted {
            prop_assert_eq!(&t.log.last().unwrap().text, &text);
        }
    }
}

/// Runs bairi as `nobody` (when this test runs as root, which ignores permission bits).
fn as_nobody(args: &[&str], home: &std::path::Path) -> Option<std::process::Output> {
    let root = std::process::Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&root.stdout).trim() != "0"
        || !std::path::Path::new("/usr/bin/setpriv").exists()
    {
        return None;
    }
    std::process::Command::new("/usr/bin/setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_bairi"),
        ])
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .ok()
}

#[test]
fn a_directory_that_cannot_be_written_fails_the_save_and_leaves_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let campaign_dir = dir.path().join("office");
    std::fs::create_dir(&campaign_dir).unwrap();
    let path = support::qinglan_copy(&campaign_dir);
    // The file may be written, the directory may not (so no temp file, no rename).
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::fs::set_permissions(&campaign_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let Some(out) = as_nobody(
        &[
            "note",
            path.to_str().unwrap(),
            "T01",
            "写不进去",
            "--today",
            "2026-11-22",
        ],
        home.path(),
    ) else {
        eprintln!("skipped: needs root and setpriv to drop privileges");
        return;
    };
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("save failed, the file is unchanged"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
