//! The wall chart: rows stay aligned whatever the titles hold, and a wide window shows the
//! whole campaign and nothing past it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::Model;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use support::{day, press, screen};
use unicode_width::UnicodeWidthStr;

/// The qinglan example with T01..T03's short titles replaced.
fn with_titles(titles: &[&str]) -> (Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = support::qinglan_copy(dir.path());
    let mut source = std::fs::read_to_string(&path).expect("read");
    for (old, new) in ["智能装备园一期", "污水厂二期", "新材料三期"]
        .iter()
        .zip(titles)
    {
        source = source.replacen(&format!("\"{old}\""), &format!("\"{new}\""), 1);
    }
    std::fs::write(&path, source).expect("write");
    let file = CampaignFile::open(&path, Today::Date(day("2026-11-22"))).expect("opens");
    (Model::new(file, day("2026-11-22"), Lang::Zh), dir)
}

/// The display column of the first `mark` after `label` on the row that holds `label`.
fn column_of(screen: &str, label: &str, mark: char) -> Option<usize> {
    let row = screen.lines().find(|l| l.contains(label))?;
    let after = row.find(label)? + label.len();
    let at = row[after..].find(mark)?;
    Some(row[..after + at].width())
}

#[test]
fn rows_stay_aligned_with_emoji_titles() {
    // Long enough to be cut at 80 columns: each emoji is one character of width 1 followed by
    // a variation selector, two columns as a whole.
    let titles = ["🏗️🏗️🏗️🏗️装备产业园一期项目", "🏗️污水厂二期", "新材料三期"];
    let (mut m, _dir) = with_titles(&titles);
    press(&mut m, &[Action::ShowWall]);
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&m, w, h);
        let today = column_of(&s, "城南公路", '│');
        assert!(today.is_some(), "{s}");
        for label in ["🏗️🏗️", "污水厂二期", "新材料三期"] {
            assert_eq!(column_of(&s, label, '│'), today, "{label} at {w}x{h}\n{s}");
        }
    }
}

/// The `MM-DD ~ MM-DD` note above the chart.
fn shown_days(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains(" ~ "))
        .unwrap_or_else(|| panic!("no range\n{screen}"));
    let at = line.find(" ~ ").expect("range");
    line[at - 5..at + 8].to_owned()
}

#[test]
fn a_wide_chart_shows_the_whole_campaign_and_nothing_past_it() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    press(&mut m, &[Action::ShowWall]);
    for (w, h) in [(200, 50), (300, 50)] {
        let s = screen(&m, w, h);
        assert_eq!(shown_days(&s), "09-01 ~ 12-09", "{w}x{h}\n{s}");
        let head = s.lines().find(|l| l.contains(" ~ ")).expect("head");
        for cp in 1..=8 {
            assert!(head.contains(&cp.to_string()), "checkpoint {cp}: {head}");
        }
    }
    // Scrolled as far right as it goes, a narrow chart ends on the last day.
    press(&mut m, &[Action::Right; 20]);
    let s = screen(&m, 80, 24);
    assert!(shown_days(&s).ends_with("12-09"), "{s}");
}
