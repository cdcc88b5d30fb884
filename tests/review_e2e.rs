//! The review meeting driven through the real binary in a pseudo-terminal, at a fixed instant
//! (`BAIRI_NOW`): publish, a pledge, a pledge checked, a follow-up order, and the briefing on
//! disk with its path on screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::pty::Term;

#[test]
fn the_review_meeting_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_red_streaks(dir.path());
    let file = path.to_str().unwrap();
    let mut term = Term::spawn(
        &[file],
        120,
        40,
        dir.path(),
        &[("BAIRI_NOW", "2026-11-24T10:00:00+08:00")],
    );
    term.wait_for("第85天/100");
    term.send("3");
    term.wait_for("擂台榜");
    term.send("R");
    term.wait_for("督评会 · 第1步/共5步 · 发布擂台榜");
    // Publish checkpoint 6 as a 督评.
    term.send("\r");
    term.wait_for("类型 竞赛/督评");
    term.send("\r");
    term.wait_for("已发布第6节点擂台榜");
    // The bench: xk pledges, zrj is skipped with Esc in its form.
    term.send("\r");
    term.wait_for("第2步/共5步");
    term.send("\r");
    term.wait_for("承诺内容");
    term.send("12月7日前完成全部腾空\r");
    term.wait_for("已记录第3条承诺");
    term.send("\r");
    term.wait_for("承诺内容");
    term.send("\x1b");
    term.wait_for("(跳过)");
    // The pledge due is broken: one key.
    term.send("\r");
    term.wait_for("第3步/共5步");
    term.send("N");
    term.wait_for("第1条承诺:未践诺");
    // T02's follow-up order, with the form's defaults.
    term.send("\r");
    term.wait_for("第4步/共5步");
    term.wait_for("督 T02 县污水处理厂二期工程");
    term.send("\r");
    term.wait_for("督办内容");
    term.send("\r");
    term.wait_for("T02 已下达督办 T02-P2");
    // The briefing, written beside the campaign.
    term.send("\r");
    let briefing = dir.path().join("qinglan-briefing-2026-11-24.txt");
    term.wait_for(&format!("简报已写入:{}", briefing.display()));
    term.wait_for("已导出");
    term.send("\r");
    term.wait_for("全县节点完成率");
    // q leaves the leaderboard, then quits the board.
    term.send("q");
    term.wait_for("Enter 详情");
    term.send("q");
    assert!(
        term.wait_exit(),
        "bairi exited with an error:\n{}",
        term.screen()
    );

    let text = std::fs::read_to_string(&briefing).expect("the briefing on disk");
    assert!(
        text.starts_with("青岚县重点项目建设“百日攻坚”行动 工作简报"),
        "{text}"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("checkpoint = 6"), "{saved}");
    assert!(saved.contains("kind = \"督评\""), "{saved}");
    assert!(
        saved.contains("text = \"12月7日前完成全部腾空\""),
        "{saved}"
    );
    assert!(saved.contains("broken_on = 2026-11-24"), "{saved}");
    assert!(saved.contains("id = \"T02-P2\""), "{saved}");
    assert!(saved.contains("kind = \"督办\""), "{saved}");
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["check", file])
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}
