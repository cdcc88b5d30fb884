//! Issue 24, defect 2: a save into another user's file (written in place, so that the file
//! stays its owner's) is crash-safe and honest. Bob's saves into alice's `alice:office 0660`
//! campaign of 10,000 tasks, killed (SIGKILL) within a few milliseconds of the backup copy,
//! always leave a campaign that loads, the old version or the new, once the next bairi (any
//! user, any command) has opened it; on a disk with room for the backup copy but not for the
//! file's growth the file is left whole and the message that says so is true. The tests act
//! as two Unix users and mount a small tmpfs, and so need root; elsewhere they say so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bairi::store::load::{Today, load_bytes};
use support::users::{Session, skip, users};

/// Today in the synthetic campaign.
const SYNTH_TODAY: &str = "2026-10-31";

fn inode(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.ino())
}

fn loads(bytes: &[u8], today: &str) -> bool {
    let today = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    load_bytes(bytes, Today::Date(today)).is_ok()
}

/// A folder everyone may enter with an `office` folder (root:office 2775) and a home.
fn office_in(dir: &Path, group: u32) -> (PathBuf, PathBuf) {
    support::users::office(dir, 0o2775, group)
}

#[test]
fn bobs_saves_killed_just_after_the_backup_copy_leave_a_campaign_that_loads() {
    const ROUNDS: usize = 30;
    let Some(u) = users() else {
        return skip("bobs_saves_killed_just_after_the_backup_copy_leave_a_campaign_that_loads");
    };
    let dir = tempfile::tempdir().unwrap();
    let (office, home) = office_in(dir.path(), u.office);
    let path = office.join("big.toml");
    bairi::synth::write_to(&path, 10_000, 42).unwrap();
    std::os::unix::fs::chown(&path, Some(u.alice), Some(u.office)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
    let file = path.to_str().unwrap();
    let bak = office.join(".bairi/big.toml.bak");
    let journal = office.join(".bairi/big.toml.journal");
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let (mut killed, mut journals, mut landed) = (0, 0, 0);
    for round in 0..ROUNDS {
        let before = std::fs::read(&path).unwrap();
        let text = format!("bob 的第{round}条记录");
        let mut child = Session::of("bairi-bob")
            .command(
                &["note", file, "T00001", &text, "--today", SYNTH_TODAY],
                &home,
            )
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill it within a few milliseconds of its backup copy landing in `.bairi/`.
        let copy = inode(&bak);
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() && inode(&bak) == copy {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "round {round}"
            );
            std::thread::sleep(Duration::from_micros(100));
        }
        let mut random = |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            Duration::from_micros(state % below)
        };
        // Within a few milliseconds; every other round, once a journal is written (if one
        // is), up to 20 ms after it: as the file itself is being written over.
        let copied = Instant::now();
        let delay = random(6000);
        let for_journal = if round % 2 == 1 {
            Duration::from_secs(10)
        } else {
            delay
        };
        while copied.elapsed() < delay.max(for_journal)
            && !journal.exists()
            && child.try_wait().unwrap().is_none()
        {
            std::thread::sleep(Duration::from_micros(50));
        }
        if journal.exists() {
            std::thread::sleep(random(20_000));
        }
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = child.kill();
        child.wait().unwrap();
        journals += usize::from(journal.exists());
        // The next bairi to open it, whoever and whatever: alice checking the file.
        let check = Session::of("bairi-alice").run(&["check", file, "--today", SYNTH_TODAY], &home);
        let after = std::fs::read(&path).unwrap();
        assert!(
            loads(&after, SYNTH_TODAY),
            "round {round}: the campaign no longer loads ({} of {} bytes); check said {}",
            after.len(),
            before.len(),
            String::from_utf8_lossy(&check.stderr)
        );
        if after != before {
            landed += 1;
            assert!(
                String::from_utf8_lossy(&after).contains(&text),
                "round {round}: neither the old version nor the new"
            );
        }
        assert!(!journal.exists(), "round {round}: the journal was settled");
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (meta.uid(), meta.gid(), meta.mode() & 0o7777),
            (u.alice, u.office, 0o660)
        );
    }
    eprintln!("{ROUNDS} rounds: {killed} killed, {journals} left a journal, {landed} saved whole");
    assert!(killed > 0, "no save was killed: the test checked nothing");
}

/// A small tmpfs mounted at a new folder in `dir`, unmounted on drop.
struct Mount(PathBuf);

impl Mount {
    fn new(dir: &Path, size: &str) -> Option<Mount> {
        let at = dir.join("disk");
        std::fs::create_dir(&at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&at)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Mount(at))
    }

    fn free(&self) -> u64 {
        let stat = rustix::fs::statvfs(&self.0).unwrap();
        stat.f_bavail * stat.f_frsize
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_disk_with_room_for_the_backup_but_not_the_growth_leaves_the_file_whole() {
    let Some(u) = users() else {
        return skip("a_disk_with_room_for_the_backup_but_not_the_growth_leaves_the_file_whole");
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let Some(disk) = Mount::new(dir.path(), "1m") else {
        eprintln!(
            "skipped a_disk_with_room_for_the_backup_but_not_the_growth_leaves_the_file_whole: cannot mount a tmpfs"
        );
        return;
    };
    let (office, _) = office_in(&disk.0, u.office);
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o777)).unwrap();
    let path = support::qinglan_copy(&office);
    std::os::unix::fs::chown(&path, Some(u.alice), Some(u.office)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Room for one more copy of the file (the backup), not a page more.
    let page = 4096;
    let copy = before.len().div_ceil(page) as u64 * page as u64;
    std::fs::write(
        disk.0.join("filler"),
        vec![1u8; (disk.free() - copy) as usize],
    )
    .unwrap();
    assert_eq!(disk.free(), copy);
    // A note long enough for the file to need two more pages.
    let text = "长".repeat(2800);
    let note = || {
        Session::of("bairi-bob").run(
            &[
                "note",
                path.to_str().unwrap(),
                "T01",
                &text,
                "--today",
                "2026-11-22",
            ],
            &home,
        )
    };
    let out = note();
    let after = std::fs::read(&path).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the disk is full: {err}");
    assert!(err.contains("the file is unchanged"), "{err}");
    assert_eq!(
        after.len(),
        before.len(),
        "told the file is unchanged, it was cut at {} bytes",
        after.len()
    );
    assert!(after == before, "told the file is unchanged, it changed");
    // Room made, the same note lands.
    std::fs::remove_file(disk.0.join("filler")).unwrap();
    let out = note();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = std::fs::read(&path).unwrap();
    assert!(loads(&after, "2026-11-22") && String::from_utf8_lossy(&after).contains(&text));
}
