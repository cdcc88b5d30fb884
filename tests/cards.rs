//! Cards at 80 columns: the lead unit and the times on published red lists both show, and
//! the English screens use one word for each light.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::i18n::Lang;
use support::{press, qinglan_model, screen};

/// A screen line as (display column, character) pairs.
fn cells(line: &str) -> Vec<(usize, char)> {
    let mut col = 0;
    line.chars()
        .map(|c| {
            let at = col;
            col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            (at, c)
        })
        .collect()
}

/// The three lines of the card of `title`, between its column's borders.
fn card(screen: &str, title: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no card {title}\n{screen}"));
    let here = cells(lines[row]);
    let first = title.chars().next().expect("a title");
    let at = here.iter().position(|(_, c)| *c == first).expect("title");
    let left = here[..at]
        .iter()
        .rposition(|(_, c)| *c == '│')
        .expect("border");
    let right = at
        + here[at..]
            .iter()
            .position(|(_, c)| *c == '│')
            .expect("border");
    let (from, to) = (here[left].0, here[right].0);
    lines[row..row + 3]
        .iter()
        .map(|l| {
            cells(l)
                .into_iter()
                .filter(|(x, _)| *x > from && *x < to)
                .map(|(_, c)| c)
                .collect()
        })
        .collect()
}

#[test]
fn a_card_on_the_red_list_shows_its_lead_unit_too_at_80_columns() {
    for (lang, unit, reds) in [
        (Lang::Zh, "县住建局", "红×1"),
        (Lang::En, "县住建局", "red×1"),
    ] {
        let (m, _dir) = qinglan_model("2026-11-22", lang);
        let s = screen(&m, 80, 24);
        let t02 = card(&s, "污水厂二").join("\n");
        assert!(
            t02.contains(unit) && t02.contains(reds),
            "{lang:?}\n{t02}\n{s}"
        );
        let t04 = card(&s, "城南公路").join("\n");
        assert!(
            t04.contains("90%"),
            "{lang:?}: progress kept where it fits\n{t04}"
        );
    }
    let (m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    let wide = screen(&m, 200, 50);
    assert!(wide.contains("●红灯 县住建局 红灯×1"), "{wide}");
}

#[test]
fn english_screens_use_one_word_for_each_light() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    let mut screens = vec![screen(&m, 80, 24), screen(&m, 200, 50)];
    for view in [Action::ShowStandup, Action::ShowWall, Action::ShowBoard] {
        press(&mut m, &[view]);
        screens.push(screen(&m, 120, 40));
    }
    press(&mut m, &[Action::Right, Action::Open]);
    screens.push(screen(&m, 80, 24));
    let all = screens.join("\n");
    for word in ["●red", "●yellow", "●green"] {
        assert!(all.contains(word), "{word}\n{all}");
    }
    for other in ["Behind", "At risk", "On track", "●R", "●Y", "●G"] {
        assert!(!all.contains(other), "{other}\n{all}");
    }
}

#[test]
fn a_family_emoji_in_a_title_is_one_glyph_and_the_card_border_stays_put() {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen(
        "short      = \"城南公路\"",
        &format!("short      = \"城南{FAMILY}公路\""),
        1,
    );
    assert_ne!(changed, text, "the fixture's T04 changed; update this test");
    std::fs::write(&path, changed).unwrap();
    for (w, h) in [(80, 24), (120, 30)] {
        let m = support::model_of(&path, "2026-11-22", Lang::Zh);
        let s = screen(&m, w, h);
        assert!(s.contains(&format!("城南{FAMILY}公路")), "one glyph\n{s}");
        // Every row is as wide as the screen, as a terminal counts it (one grapheme at a time).
        for line in s.lines() {
            let cols: usize = line.graphemes(true).map(UnicodeWidthStr::width).sum();
            assert_eq!(cols, usize::from(w), "{line}\n{s}");
        }
        // The card's right border is in the same column on all its rows.
        let lines: Vec<&str> = s.lines().collect();
        let row = lines.iter().position(|l| l.contains(FAMILY)).unwrap();
        let borders = |l: &str| -> Vec<usize> {
            let mut col = 0;
            let mut at = Vec::new();
            for g in l.graphemes(true) {
                if g == "│" {
                    at.push(col);
                }
                col += g.width();
            }
            at
        };
        let title_row = borders(lines[row]);
        for below in &lines[row + 1..row + 3] {
            assert_eq!(borders(below), title_row, "{}\n{below}\n{s}", lines[row]);
        }
    }
}
