//! Swimlanes at 80 columns: hidden lanes are counted on both sides, and every lane keeps its
//! task count when its name is cut.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::i18n::Lang;
use support::{press, qinglan_model, screen};

/// The column titles on the first row of boxes: (name as shown, count).
fn titles(screen: &str) -> Vec<String> {
    let row = screen
        .lines()
        .find(|l| l.starts_with('┌'))
        .unwrap_or_else(|| panic!("no columns\n{screen}"));
    row.split('┌')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches(['┐', '─']).to_owned())
        .collect()
}

#[test]
fn hidden_lanes_are_counted_and_every_lane_keeps_its_count() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut m, _dir) = qinglan_model("2026-11-22", lang);
        press(&mut m, &[Action::SwitchView, Action::SwitchView]);
        let s = screen(&m, 80, 24);
        let n = m.derived.columns.len();
        assert!(n > 5, "more lanes than fit: {n}");
        assert!(s.contains(&format!("1–5/{n} | {} ▶", n - 5)), "{s}");
        press(&mut m, &[Action::Right; 12]);
        let s = screen(&m, 80, 24);
        assert!(s.contains(&format!("◀ {} | 6–{n}/{n} ", n - 5)), "{s}");
        // By category the names are long in English: each title still ends in its count.
        press(&mut m, &[Action::SwitchView, Action::SwitchView]);
        let s = screen(&m, 80, 24);
        for (title, column) in titles(&s).iter().zip(&m.derived.columns) {
            let count = format!(" {}", column.tasks.len());
            assert!(title.ends_with(&count), "{lang:?}: {title}\n{s}");
        }
    }
}

#[test]
fn a_cut_status_column_title_keeps_its_count() {
    let (m, _dir) = qinglan_model("2026-11-22", Lang::En);
    let s = screen(&m, 80, 24);
    let pending = titles(&s)
        .into_iter()
        .find(|t| t.starts_with("Pending"))
        .expect("pending column");
    assert!(pending.ends_with(" 1"), "{pending}\n{s}");
}
