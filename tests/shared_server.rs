//! Many people, one server: saves that keep the file's owner, group, mode, symlinks and hard
//! links, refuse other people's files, and let parallel writers all succeed. The tests with
//! two Unix users create them (`bairi-alice`, `bairi-bob`, group `bairi-office`) and so
//! need root; elsewhere they print `SKIPPED: needs root …` and pass.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use support::english_at;
use support::users::{alices_file, as_user, skip, users};

const TODAY: &str = "2026-11-22";

fn bairi(args: &[&str], home: &Path) -> Output {
    english_at(Command::new(env!("CARGO_BIN_EXE_bairi")).args(args), home)
        .output()
        .unwrap()
}

fn note(file: &Path, task: &str, text: &str, home: &Path) -> Output {
    bairi(
        &["note", file.to_str().unwrap(), task, text, "--today", TODAY],
        home,
    )
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `bairi note` by bob on T01 of the campaign at `path`.
fn bob_notes_on_t01(path: &Path, home: &Path) -> Output {
    let file = path.to_str().unwrap();
    as_user(
        "bairi-bob",
        &["note", file, "T01", "bob 的记录", "--today", TODAY],
        home,
    )
}

#[test]
fn a_save_by_bob_keeps_alices_owner_group_and_mode() {
    let Some(u) = users() else {
        return skip("a_save_by_bob_keeps_alices_owner_group_and_mode");
    };
    let (_dir, path, home) = alices_file(u, 0o2775, u.office, 0o660);
    let out = bob_notes_on_t01(&path, &home);
    ok(&out);
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o7777),
        (u.alice, u.office, 0o660),
        "alice:office 0660 stays alice:office 0660 (bob is {})",
        u.bob
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("bob 的记录")
    );
}

#[test]
fn bob_may_not_replace_alices_read_only_file_in_a_shared_folder() {
    let Some(u) = users() else {
        return skip("bob_may_not_replace_alices_read_only_file_in_a_shared_folder");
    };
    let (_dir, path, home) = alices_file(u, 0o2777, u.alice, 0o644);
    let before = std::fs::read(&path).unwrap();
    let file = path.to_str().unwrap();
    let out = bob_notes_on_t01(&path, &home);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("may not write this file"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::metadata(&path).unwrap().uid(), u.alice);
    let zh = Command::new("/usr/bin/setpriv")
        .args([
            "--reuid=bairi-bob",
            "--regid=bairi-bob",
            "--init-groups",
            env!("CARGO_BIN_EXE_bairi"),
            "note",
            file,
            "T01",
            "x",
            "--today",
            TODAY,
        ])
        .env("LANG", "zh_CN.UTF-8")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&zh.stderr).contains("没有写入这个文件的权限"));
}

#[test]
fn a_symlinked_campaign_edits_its_target_and_stays_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let real = support::qinglan_copy(dir.path());
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    ok(&note(&link, "T01", "经链接写入", dir.path()));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("经链接写入")
    );
}

#[test]
fn a_hard_linked_campaign_stays_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = support::qinglan_copy(dir.path());
    let b = dir.path().join("b.toml");
    std::fs::hard_link(&a, &b).unwrap();
    ok(&note(&a, "T01", "两个名字", dir.path()));
    assert_eq!(std::fs::metadata(&a).unwrap().nlink(), 2);
    assert!(std::fs::read_to_string(&b).unwrap().contains("两个名字"));
}

#[test]
fn another_writers_temp_file_in_flight_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut writer = Command::new("sleep").arg("30").spawn().unwrap();
    let theirs = dir
        .path()
        .join(format!(".qinglan.toml.bairi-tmp-{}-0", writer.id()));
    std::fs::write(&theirs, "half").unwrap();
    let out = note(&path, "T01", "我的记录", dir.path());
    let _ = writer.kill();
    let _ = writer.wait();
    ok(&out);
    assert!(theirs.exists(), "a live writer's temp file was removed");
}

#[test]
fn a_lock_left_by_a_crashed_writer_blocks_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    // What a writer killed mid-save leaves: the lock file, fresh, naming a dead process.
    let lock = bairi::store::side::lock::lock_path(&path);
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    std::fs::write(&lock, "999999\n").unwrap();
    let started = Instant::now();
    ok(&note(&path, "T01", "锁不挡路", dir.path()));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

/// `writers` processes at once, each noting `notes` times on T01 (`写者{w}-第{n}条`) with
/// `bairi note`, while `meanwhile` runs here; all start together. What the failed notes said.
fn writers_noting(
    path: &Path,
    home: &Path,
    writers: usize,
    notes: usize,
    meanwhile: impl FnOnce(),
) -> Vec<String> {
    let barrier = std::sync::Barrier::new(writers + 1);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                let barrier = &barrier;
                s.spawn(move || {
                    barrier.wait();
                    (0..notes)
                        .map(|n| note(path, "T01", &format!("写者{w}-第{n}条"), home))
                        .filter(|out| !out.status.success())
                        .map(|out| String::from_utf8_lossy(&out.stderr).into_owned())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        barrier.wait();
        meanwhile();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

/// Asserts that no writer failed; `failures` holds what the failed ones said.
fn assert_none_failed(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        failures.first()
    );
}

#[test]
fn three_writers_a_hundred_notes_each_all_land() {
    const WRITERS: usize = 3;
    const NOTES: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let started = Instant::now();
    let failures = writers_noting(&path, dir.path(), WRITERS, NOTES, || {});
    let elapsed = started.elapsed();
    assert_none_failed(&failures);
    let text = std::fs::read_to_string(&path).unwrap();
    let landed = (0..WRITERS)
        .flat_map(|w| (0..NOTES).map(move |n| format!("写者{w}-第{n}条")))
        .filter(|note| text.contains(&format!("\"{note}\"")))
        .count();
    assert_eq!(landed, WRITERS * NOTES);
    eprintln!("{WRITERS}×{NOTES} notes in {elapsed:?}");
}

#[test]
fn three_writers_and_an_open_board_lose_nothing() {
    const WRITERS: usize = 3;
    const NOTES: usize = 100;
    const BOARD_NOTES: usize = 10;
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let mut board = support::pty::Term::spawn(&[file, "--today", TODAY], 120, 40, dir.path(), &[]);
    board.wait_for("▶智能装备园一期");
    let failures = writers_noting(&path, dir.path(), WRITERS, NOTES, || {
        // Meanwhile the lead notes on the same task from the board.
        for k in 0..BOARD_NOTES {
            board.send("n");
            board.wait_for("记录(Enter");
            board.send(&format!("看板第{k}条"));
            board.pump(Duration::from_millis(50));
            board.send("\r");
            board.pump(Duration::from_millis(150));
        }
    });
    assert_none_failed(&failures);
    // The board's last save may still be on its way.
    let all_there = |text: &str| {
        (0..BOARD_NOTES).all(|k| text.contains(&format!("\"看板第{k}条\"")))
            && (0..WRITERS)
                .all(|w| (0..NOTES).all(|n| text.contains(&format!("\"写者{w}-第{n}条\""))))
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while !all_there(&std::fs::read_to_string(&path).unwrap()) {
        assert!(Instant::now() < deadline, "{}", board.screen());
        board.pump(Duration::from_millis(100));
    }
    board.send("q");
    assert!(board.wait_exit(), "{}", board.screen());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(all_there(&text));
    for k in 0..BOARD_NOTES {
        assert_eq!(
            text.matches(&format!("\"看板第{k}条\"")).count(),
            1,
            "never twice"
        );
    }
}
