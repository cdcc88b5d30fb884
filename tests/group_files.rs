//! Issue 24, defect 3: a campaign shared by a group stays the group's. `.bairi/` and what is in
//! it take the campaign's group and group permission bits whatever the umask or the form of
//! the path, a sticky folder works, leads see each other, and a save keeps ACLs and the
//! mode exactly. The tests act as two Unix users (see `support/users.rs`) and so need root;
//! elsewhere they say they were skipped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use support::users::{Session, Users, alices_file, skip, users};

const TODAY: &str = "2026-11-22";

fn ok(who: &str, out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{who}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `bairi note FILE T01 TEXT` this way.
fn note(session: Session<'_>, file: &str, text: &str, home: &Path) -> Output {
    session.run(&["note", file, "T01", text, "--today", TODAY], home)
}

/// Alice's `alice:office 0660` file in a `office_mode` office folder; alice notes on it
/// with `umask` (by its relative path from the folder when `relative`), then bob, then
/// alice again: every note must land.
fn alice_then_bob(u: &Users, office_mode: u32, umask: u32, relative: bool) {
    let (_dir, path, home) = alices_file(u, office_mode, u.office, 0o660);
    let office = path.parent().unwrap();
    let absolute = path.to_str().unwrap();
    let alice = Session {
        user: "bairi-alice",
        umask,
        cwd: Some(office),
    };
    let file = if relative { "qinglan.toml" } else { absolute };
    ok("alice", &note(alice, file, "alice 的记录", &home));
    let bob = Session {
        cwd: Some(office),
        ..Session::of("bairi-bob")
    };
    ok("bob", &note(bob, "qinglan.toml", "bob 的记录", &home));
    ok(
        "bob",
        &note(Session::of("bairi-bob"), absolute, "bob 又一条", &home),
    );
    ok("alice", &note(alice, file, "alice 又一条", &home));
    let text = std::fs::read_to_string(&path).unwrap();
    for said in ["alice 的记录", "bob 的记录", "bob 又一条", "alice 又一条"] {
        assert!(text.contains(said), "{said} is missing");
    }
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o7777),
        (u.alice, u.office, 0o660)
    );
    // Everything in `.bairi/` is the group's, and the group may write it.
    let side = office.join(".bairi");
    let mut places = vec![side.clone()];
    places.extend(std::fs::read_dir(&side).unwrap().map(|e| e.unwrap().path()));
    for place in places {
        let meta = std::fs::metadata(&place).unwrap();
        assert_eq!(meta.gid(), u.office, "{place:?} is the office's");
        assert_eq!(
            meta.mode() & 0o060,
            0o060,
            "{place:?}: the group may read and write"
        );
        assert_eq!(meta.mode() & 0o1000, 0, "{place:?} is not sticky");
    }
}

#[test]
fn a_relative_path_under_umask_022_leaves_the_side_folder_to_the_group() {
    let Some(u) = users() else {
        return skip("a_relative_path_under_umask_022_leaves_the_side_folder_to_the_group");
    };
    alice_then_bob(u, 0o2775, 0o022, true);
}

#[test]
fn under_umask_077_the_lock_file_still_serves_the_group() {
    let Some(u) = users() else {
        return skip("under_umask_077_the_lock_file_still_serves_the_group");
    };
    alice_then_bob(u, 0o2775, 0o077, false);
}

#[test]
fn in_a_sticky_group_folder_everyone_saves_in_turn() {
    let Some(u) = users() else {
        return skip("in_a_sticky_group_folder_everyone_saves_in_turn");
    };
    alice_then_bob(u, 0o3775, 0o022, false);
}

#[test]
fn two_leads_on_one_campaign_see_each_other() {
    let Some(u) = users() else {
        return skip("two_leads_on_one_campaign_see_each_other");
    };
    let (_dir, path, home) = alices_file(u, 0o2775, u.office, 0o660);
    let file = path.to_str().unwrap();
    let args = [file, "--today", TODAY];
    let alice = Session::of("bairi-alice").via();
    let alice: Vec<&str> = alice.iter().map(String::as_str).collect();
    let mut first = support::pty::Term::spawn_via(&alice, &args, 120, 40, &home, &[]);
    first.wait_for("▶智能装备园一期");
    let bob = Session::of("bairi-bob").via();
    let bob: Vec<&str> = bob.iter().map(String::as_str).collect();
    let mut second = support::pty::Term::spawn_via(&bob, &args, 120, 40, &home, &[]);
    second.wait_for("▶智能装备园一期");
    let folder = path.parent().unwrap().join(".bairi/qinglan.toml.presence");
    let deadline = Instant::now() + Duration::from_secs(10);
    let entries = |folder: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .map(|d| {
                d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    while entries(&folder).len() < 2 && Instant::now() < deadline {
        second.pump(Duration::from_millis(100));
    }
    let names = entries(&folder);
    let mode = std::fs::metadata(&folder).unwrap().mode();
    for term in [&mut first, &mut second] {
        term.send("q");
        assert!(term.wait_exit(), "{}", term.screen());
    }
    assert!(
        names.iter().any(|n| n.starts_with("bairi-alice@"))
            && names.iter().any(|n| n.starts_with("bairi-bob@")),
        "both leads are announced: {names:?} in a folder of mode {mode:o}"
    );
}

/// `getfacl` of `path` without its comment lines; `None` without the acl tools.
fn acl(path: &Path) -> Option<String> {
    let out = Command::new("getfacl")
        .args(["--omit-header", "--numeric"])
        .arg(path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_owners_save_keeps_the_acl_that_lets_a_colleague_in() {
    let Some(u) = users() else {
        return skip("the_owners_save_keeps_the_acl_that_lets_a_colleague_in");
    };
    // Alice's own group may read; bob, not in it, may write by an ACL entry.
    let (_dir, path, home) = alices_file(u, 0o2775, u.alice, 0o640);
    let set = Command::new("setfacl")
        .args(["-m", "u:bairi-bob:rw,m::rw"])
        .arg(&path)
        .status();
    if !set.is_ok_and(|s| s.success()) {
        eprintln!(
            "skipped the_owners_save_keeps_the_acl_that_lets_a_colleague_in: needs setfacl (Debian package acl)"
        );
        return;
    }
    let before = (
        acl(&path).unwrap(),
        std::fs::metadata(&path).unwrap().mode(),
    );
    let file = path.to_str().unwrap();
    ok(
        "alice",
        &note(Session::of("bairi-alice"), file, "alice 的记录", &home),
    );
    let after = (
        acl(&path).unwrap(),
        std::fs::metadata(&path).unwrap().mode(),
    );
    assert_eq!(after, before, "the ACL and the mode stay exactly");
    ok(
        "bob",
        &note(Session::of("bairi-bob"), file, "bob 的记录", &home),
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("alice 的记录") && text.contains("bob 的记录"));
}
