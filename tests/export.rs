//! `E` on the board: a menu of formats (Markdown, text briefing, CSV, Excel) for the view on
//! screen; each writes `STEM-VIEW-DATE.ext` beside the campaign and the footer says where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::Model;
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::i18n::Lang;
use bairi::shell::write_export as write;
use support::{press, qinglan_model, screen};

const TODAY: &str = "2026-11-22";

/// `E`, `j` × `down`, Enter; then the shell's half: the file is written.
fn export(m: &mut Model, down: usize) -> std::path::PathBuf {
    press(m, &[Action::Export]);
    press(m, &vec![Action::Down; down]);
    let effects = update(m, Msg::Action(Action::Open));
    assert!(m.export_pick().is_none(), "the menu closes");
    let [Effect::Export(path, bytes)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    write(m, path, bytes);
    path.clone()
}

#[test]
fn the_menu_over_the_chinese_board() {
    let (mut m, _dir) = qinglan_model(TODAY, Lang::Zh);
    press(&mut m, &[Action::Export, Action::Down]);
    let text = screen(&m, 80, 24);
    assert!(text.contains("导出:任务总览"), "{text}");
    assert!(text.contains("▶ 文字简报"), "{text}");
    assert!(text.contains("↑/↓ 选择 · Enter 导出 · Esc 取消"), "{text}");
    insta::assert_snapshot!("export_menu_80x24", text);
}

#[test]
fn each_format_writes_its_file_beside_the_campaign() {
    let (mut m, dir) = qinglan_model(TODAY, Lang::Zh);
    let md = export(&mut m, 0);
    assert_eq!(md, dir.path().join("qinglan-board-2026-11-22.md"));
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .starts_with("# 百日攻坚 · 任务总览")
    );
    let shown = m
        .message
        .as_ref()
        .map(|x| x.text.zh.clone())
        .unwrap_or_default();
    assert!(shown.contains("qinglan-board-2026-11-22.md"), "{shown}");

    let txt = export(&mut m, 1);
    assert_eq!(txt, dir.path().join("qinglan-briefing-2026-11-22.txt"));
    let briefing = bairi::report::text::briefing(m.campaign(), m.today, Lang::Zh);
    assert_eq!(std::fs::read_to_string(&txt).unwrap(), briefing);

    let csv = export(&mut m, 2);
    assert_eq!(csv, dir.path().join("qinglan-board-2026-11-22.csv"));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "a BOM for Excel");
    assert_eq!(String::from_utf8_lossy(&bytes).lines().count(), 14);

    press(&mut m, &[Action::ShowLeaderboard]);
    let xlsx = export(&mut m, 3);
    assert_eq!(xlsx, dir.path().join("qinglan-leaderboard-2026-11-22.xlsx"));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names(), ["擂台榜"]);
    let range = book.worksheet_range("擂台榜").unwrap();
    assert_eq!(
        range.get_value((2, 3)),
        Some(&calamine::Data::String("县经信局".into()))
    );
}

#[test]
fn esc_cancels_and_keys_stay_in_the_menu() {
    let (mut m, _dir) = qinglan_model(TODAY, Lang::En);
    let column = m.column;
    press(
        &mut m,
        &[Action::Export, Action::Right, Action::Down, Action::Down],
    );
    assert_eq!(
        m.export_pick(),
        Some(2),
        "arrows move in the menu, not on the board"
    );
    assert_eq!(m.column, column);
    press(&mut m, &[Action::Down, Action::Down]);
    assert_eq!(m.export_pick(), Some(3), "the last stays last");
    let effects = update(&mut m, Msg::Action(Action::Close));
    assert!(effects.is_empty() && m.export_pick().is_none());
    let text = screen(&m, 80, 24);
    assert!(!text.contains("Export: Board"), "{text}");
}

#[test]
fn a_failed_write_says_so_and_never_touches_the_campaign() {
    let (mut m, _dir) = qinglan_model(TODAY, Lang::En);
    let campaign = m.store().path.clone();
    let before = std::fs::read(&campaign).unwrap();
    write(&mut m, &campaign, b"not a campaign");
    assert_eq!(std::fs::read(&campaign).unwrap(), before);
    let said = m
        .message
        .as_ref()
        .map(|x| x.text.en.clone())
        .unwrap_or_default();
    assert!(said.starts_with("export to"), "{said}");
}

/// An export is for the office to share: a new file gets the mode any new file gets here
/// (the umask's), not a private 0600 that other users of the server cannot open.
#[cfg(unix)]
#[test]
fn an_exported_file_is_readable_as_any_new_file_is() {
    use std::os::unix::fs::PermissionsExt;
    let (mut m, dir) = qinglan_model(TODAY, Lang::Zh);
    let txt = export(&mut m, 1);
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "x").unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&txt), mode(&plain));
}

/// Issue 24, defect 1: in a shared folder, someone plants a link at the export's predictable
/// name pointing at the exporter's own file; the export replaces the link, and the file it
/// pointed at is left as it was. Issue 23, defect 13: an export keeps no `.bak`.
#[cfg(unix)]
#[test]
fn a_link_planted_at_the_export_name_is_replaced_not_written_through() {
    let (mut m, dir) = qinglan_model(TODAY, Lang::En);
    let victim = dir.path().join("profile");
    std::fs::write(&victim, "export PATH=/usr/bin\n").unwrap();
    let campaign = m.store().path.clone();
    let stem = campaign.file_stem().unwrap().to_string_lossy().into_owned();
    let planted = dir.path().join(format!("{stem}-board-{TODAY}.md"));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let written = export(&mut m, 0);
    assert_eq!(written, planted);
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "export PATH=/usr/bin\n"
    );
    let meta = std::fs::symlink_metadata(&planted).unwrap();
    assert!(meta.file_type().is_file(), "the link was replaced");
    assert!(std::fs::read_to_string(&planted).unwrap().contains("T02"));
    export(&mut m, 0);
    let side = dir.path().join(".bairi");
    let kept: Vec<_> = std::fs::read_dir(&side)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        kept.iter()
            .all(|n| !n.to_string_lossy().ends_with(".md.bak")),
        "{kept:?}"
    );
}
