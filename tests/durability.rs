//! Nothing is lost: saves killed at random moments, a file moved away while open, and
//! property tests of the loader and of load → edit → save → load.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::time::Duration;

use proptest::prelude::*;

use bairi::store::file::CampaignFile;
use bairi::store::load::{Today, load_bytes, load_str};
use support::edits::{apply, note};

/// One `bairi note` run on `file`, killed (SIGKILL) after `delay` unless it ended first.
/// Returns whether the kill landed while a save's temporary copy existed.
fn note_killed_after(
    dir: &std::path::Path,
    file: &str,
    text: &str,
    delay: Duration,
) -> (bool, std::process::ExitStatus) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["note", file, "T01", text, "--today", "2026-11-22"])
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() >= delay {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_micros(100));
    };
    let mid_write = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains("bairi-tmp"));
    (mid_write, status)
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    // How long one whole run takes here: kills are spread over that time.
    let started = std::time::Instant::now();
    let (_, status) = note_killed_after(dir.path(), file, "计时", Duration::from_secs(30));
    assert!(status.success());
    let whole = started.elapsed().as_micros().max(1) as u64;
    // A staircase on the kill delay: later after a kill that left the old file, earlier
    // after one that let the save land, so kills gather around the moment of writing.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let step = (whole / 40).max(50);
    let mut aim = whole / 2;
    let (mut interrupted, mut landed, mut rounds) = (0usize, 0usize, 0usize);
    while rounds < 400 && (interrupted < 3 || rounds < 40) {
        let round = rounds;
        rounds += 1;
        let before = std::fs::read_to_string(&path).unwrap();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let delay = Duration::from_micros(aim - aim / 10 + state % (aim / 5 + 1));
        let (mid_write, status) =
            note_killed_after(dir.path(), file, &format!("第{round}条"), delay);
        let after = std::fs::read_to_string(&path).unwrap();
        let loaded = load_str(&after, Today::Date(support::today()));
        assert!(loaded.is_ok(), "round {round}: the file must stay valid");
        if after == before {
            aim += step;
        } else {
            aim = aim.saturating_sub(step).max(step);
            landed += 1;
            assert!(
                after.contains(&format!("第{round}条")),
                "round {round}: the new version, whole"
            );
        }
        if mid_write && status.signal() == Some(9) {
            interrupted += 1;
            assert_eq!(
                after, before,
                "round {round}: killed mid-write, the old file stays"
            );
        }
    }
    eprintln!("{rounds} runs: {interrupted} killed mid-write, {landed} saved whole");
    assert!(
        interrupted >= 1,
        "no kill landed while a save was being written in {rounds} runs (one run takes {whole} µs)"
    );
    // The next open cleans up whatever a killed save left behind.
    CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bairi-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_file_moved_away_while_open_fails_the_save_and_keeps_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    apply(
        &mut file,
        support::edits::progress("T01", 85),
        support::today(),
        None,
    )
    .unwrap();
    let moved = dir.path().join("moved.toml");
    std::fs::rename(&path, &moved).unwrap();
    let err = file.save().unwrap_err();
    assert!(!err.message().en.is_empty());
    assert!(file.dirty, "the edit is kept");
    assert!(!path.exists(), "nothing written where the file was");
    assert!(
        load_str(
            &std::fs::read_to_string(&moved).unwrap(),
            Today::Date(support::today())
        )
        .is_ok()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = load_bytes(&bytes, Today::Date(support::today()));
    }

    #[test]
    fn the_loader_never_panics_on_a_mangled_campaign(cut in 0usize..28_000, insert in any::<u8>(), at in 0usize..28_000) {
        let mut bytes = std::fs::read(support::fixture("qinglan.toml")).unwrap();
        let at = at % bytes.len();
        bytes.insert(at, insert);
        bytes.truncate(cut.max(1));
        let _ = load_bytes(&bytes, Today::Date(support::today()));
    }

    #[test]
    fn load_edit_save_load_matches_the_model(task in 0usize..13, progress in 0u8..=100, text in "\\PC{1,40}") {
        let dir = tempfile::tempdir().unwrap();
        let path = support::qinglan_copy(dir.path());
        let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
        let id = file.campaign.tasks[task].id.clone();
        apply(&mut file, support::edits::progress(&id, progress), support::today(), None).unwrap();
        let accepted = apply(&mut file, note(&id, &text), support::today(), None).is_ok();
        file.save().unwrap();
        let again = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
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
    if !support::skip::is_root() || !std::path::Path::new("/usr/bin/setpriv").exists() {
        return None;
    }
    let mut cmd = std::process::Command::new("/usr/bin/setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        env!("CARGO_BIN_EXE_bairi"),
    ])
    .args(args);
    support::english_at(&mut cmd, home).output().ok()
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
        return support::skip::skipped(
            "a_directory_that_cannot_be_written_fails_the_save_and_leaves_the_file",
            "(with setpriv) to drop privileges",
        );
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
