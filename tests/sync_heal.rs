//! A sync that heals and never hangs, against real git: a killed sync's lock files are
//! cleared (or named, when a live git holds them), a server's refusal is quoted, an SSH
//! remote that never answers gives up within the deadline, SIGTERM ends a sync and its ssh,
//! and on the board Esc cancels a sync while saving and quitting still answer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::pty::Term;
use support::repo::{Repo, TODAY, git, processes_mentioning, quiet_env, silent_port};

fn said(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn locks_left_by_a_killed_sync_are_cleared_and_the_sync_goes_through() {
    let repo = Repo::new();
    repo.note("锁之后的记录");
    let index = repo.git_dir().join("index.lock");
    let head = repo.git_dir().join("refs/heads/main.lock");
    std::fs::write(&index, "").unwrap();
    std::fs::write(&head, "").unwrap();
    let out = repo.sync(&[]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        !index.exists() && !head.exists(),
        "the stale locks are gone"
    );
    assert!(
        said(&out).contains("index.lock"),
        "says what it cleared: {}",
        said(&out)
    );
    assert_eq!(
        repo.remote_log().lines().count(),
        2,
        "{}",
        repo.remote_log()
    );
}

#[test]
fn a_lock_a_running_git_holds_is_named_and_left_alone() {
    let repo = Repo::new();
    repo.note("等锁");
    let index = repo.git_dir().join("index.lock");
    std::fs::write(&index, "").unwrap();
    // A git at work in this repository: it waits on its standard input.
    let mut live = quiet_env(&mut Command::new("git"), &repo.home)
        .args(["hash-object", "--stdin"])
        .current_dir(&repo.a)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let out = repo.sync(&[]);
    let _ = live.kill();
    let _ = live.wait();
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    let text = said(&out);
    assert!(text.contains(&index.display().to_string()), "{text}");
    assert!(text.contains("rm "), "says how to clear it: {text}");
    assert!(index.exists(), "a live git's lock is never removed");
}

#[test]
fn a_server_refusal_is_quoted_not_called_offline() {
    let repo = Repo::new();
    let hook = repo.remote.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho '冻结期:只读 freeze until Monday' >&2\nexit 1\n",
    )
    .unwrap();
    Command::new("chmod").arg("+x").arg(&hook).status().unwrap();
    repo.note("被拒");
    let out = repo.sync(&[]);
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("freeze until Monday"),
        "the server's words: {text}"
    );
    assert!(text.contains("拒绝"), "{text}");
    assert!(!text.contains("未能连接"), "not called unreachable: {text}");
}

/// A clone whose remote is an SSH server that takes the connection and never answers.
fn silent_remote() -> (Repo, std::net::TcpListener, String) {
    let repo = Repo::new();
    let (listener, port) = silent_port();
    let url = format!("ssh://bairi-test@127.0.0.1:{port}/x.git");
    git(&repo.home, &repo.a, &["remote", "set-url", "origin", &url]);
    (repo, listener, format!("-p {port}"))
}

#[test]
fn an_ssh_remote_that_never_answers_gives_up_at_the_deadline() {
    let (repo, _listener, _) = silent_remote();
    repo.note("离线");
    let mut child = quiet_env(&mut Command::new(env!("CARGO_BIN_EXE_bairi")), &repo.home)
        .env("BAIRI_SYNC_TIMEOUT", "2")
        .args(["sync", "qinglan.toml", "--today", TODAY])
        .current_dir(&repo.a)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(15) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let took = started.elapsed();
    let out = child.wait_with_output().unwrap();
    assert!(took < Duration::from_secs(8), "took {took:?}");
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // bairi's deadline, or ssh's own timeout when a loaded machine lets it fire first: either
    // way the sync gives up and says so.
    assert!(
        text.contains("2 秒") || text.contains("timed out"),
        "says it gave up after the deadline: {text}"
    );
    assert!(text.contains("1 个提交"), "{text}");
}

#[test]
fn sigterm_ends_a_sync_and_its_ssh() {
    let (repo, _listener, port) = silent_remote();
    repo.note("终止");
    let mut child = quiet_env(&mut Command::new(env!("CARGO_BIN_EXE_bairi")), &repo.home)
        .env("BAIRI_SYNC_TIMEOUT", "60")
        .args(["sync", "qinglan.toml", "--today", TODAY])
        .current_dir(&repo.a)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    assert_ssh_connecting(&port);
    support::send_signal(child.id(), "TERM");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    assert!(started.elapsed() < Duration::from_secs(2), "ended at once");
    assert_ssh_gone(&port);
}

#[test]
fn users_own_ssh_command_is_kept_with_batch_mode_and_a_timeout_added() {
    let repo = Repo::new();
    let script = repo.tmp.path().join("myssh");
    let seen = repo.tmp.path().join("args");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$@\" > '{}'\nexit 255\n", seen.display()),
    )
    .unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    git(
        &repo.home,
        &repo.a,
        &[
            "remote",
            "set-url",
            "origin",
            "ssh://bairi-test@127.0.0.1:1/x.git",
        ],
    );
    let user = format!("{} -i mykey", script.display());
    let out = repo.sync(&[("GIT_SSH_COMMAND", &user)]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    let args = std::fs::read_to_string(&seen).expect("the user's ssh command ran");
    assert!(args.starts_with("-i mykey"), "{args}");
    assert!(args.contains("BatchMode=yes"), "{args}");
    assert!(args.contains("ConnectTimeout="), "{args}");
}

/// A board on the clone's campaign with the sync deadline at `seconds`.
fn board(repo: &Repo, seconds: &str) -> Term {
    let file = repo.a.join("qinglan.toml");
    let env = [
        ("GIT_CONFIG_GLOBAL", "/dev/null"),
        ("GIT_CONFIG_NOSYSTEM", "1"),
        ("BAIRI_SYNC_TIMEOUT", seconds),
        ("PATH", "/usr/local/bin:/usr/bin:/bin"),
    ];
    let mut term = Term::spawn(
        &[file.to_str().unwrap(), "--today", TODAY],
        120,
        30,
        &repo.home,
        &env,
    );
    term.wait_for("▶智能装备园一期");
    term
}

#[test]
fn on_the_board_a_hanging_sync_saves_edits_meanwhile_and_esc_cancels_it() {
    let (repo, _listener, port) = silent_remote();
    let before = std::fs::read_to_string(repo.a.join("qinglan.toml")).unwrap();
    let mut term = board(&repo, "60");
    term.send("Y");
    term.wait_for("同步中");
    assert_ssh_connecting(&port);
    // An edit while the sync hangs is saved, not held behind it.
    term.send(">");
    let file = repo.a.join("qinglan.toml");
    let sent = Instant::now();
    while std::fs::read_to_string(&file).unwrap() == before {
        assert!(
            sent.elapsed() < Duration::from_secs(3),
            "the edit was not saved"
        );
        term.pump(Duration::from_millis(50));
    }
    assert!(
        term.screen().contains("Esc"),
        "still syncing: {}",
        term.screen()
    );
    term.send("\x1b");
    term.wait_for("同步已取消");
    assert_ssh_gone(&port);
}

#[test]
fn on_the_board_an_edit_and_quit_answer_while_a_sync_hangs() {
    let (repo, _listener, port) = silent_remote();
    let mut term = board(&repo, "60");
    term.send("Y");
    term.wait_for("同步中");
    std::thread::sleep(Duration::from_millis(800));
    // An edit (saved at once, autosave) and then quit, while the sync still hangs.
    let asked = Instant::now();
    term.send(">");
    term.send("q");
    assert!(term.wait_exit(), "{}", term.screen());
    assert!(
        asked.elapsed() < Duration::from_secs(3),
        "took {:?}",
        asked.elapsed()
    );
    assert_ssh_gone(&port);
}

#[test]
fn on_the_board_sigterm_during_a_sync_ends_it_and_the_board() {
    let (repo, _listener, port) = silent_remote();
    let mut term = board(&repo, "60");
    term.send("Y");
    term.wait_for("同步中");
    assert_ssh_connecting(&port);
    let asked = Instant::now();
    support::send_signal(term.pid().unwrap(), "TERM");
    term.wait_exit();
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "took {:?}",
        asked.elapsed()
    );
    assert_ssh_gone(&port);
}

/// Waits (up to 5 s) for every process that mentions `port` (the sync's ssh) to be gone.
fn assert_ssh_gone(port: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !processes_mentioning(port).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        processes_mentioning(port),
        Vec::<String>::new(),
        "the ssh is gone"
    );
}

#[test]
fn a_campaign_that_fails_check_is_committed_here_but_never_sent() {
    let repo = Repo::new();
    let path = repo.a.join("qinglan.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    // A hand copy that left two tasks with one id.
    let broken = good.replacen("id         = \"T02\"", "id         = \"T01\"", 1);
    assert_ne!(broken, good, "the fixture names T02 so");
    std::fs::write(&path, &broken).unwrap();
    let remote = git(&repo.home, &repo.remote, &["rev-parse", "HEAD"]);
    let out = repo.sync(&[]);
    let refusal = said(&out);
    assert_eq!(out.status.code(), Some(1), "{refusal}");
    assert!(refusal.contains("bairi check qinglan.toml"), "{refusal}");
    assert_eq!(
        git(&repo.home, &repo.remote, &["rev-parse", "HEAD"]),
        remote
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    // Mended, the next sync sends it.
    std::fs::write(&path, &good).unwrap();
    let out = repo.sync(&[]);
    assert!(out.status.success(), "{}", said(&out));
    let sent = git(&repo.home, &repo.remote, &["show", "HEAD:qinglan.toml"]);
    assert_eq!(sent, good);
}

/// Waits (up to 5 s) for the sync's ssh to be connecting to `port`.
fn assert_ssh_connecting(port: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while processes_mentioning(port).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!processes_mentioning(port).is_empty(), "ssh is connecting");
}
