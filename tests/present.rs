//! The hall screen (`bairi present`): every unit and every red task within one cycle of pages,
//! big headline numbers, no interactive hints, whole at 80×24 and readable at 200×50.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use chrono::{TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use bairi::app::action::Action;
use bairi::app::keymap::Keymap;
use bairi::app::leaderboard_view::shown;
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::domain::light::TaskLight;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use bairi::ui::theme::Theme;
use bairi::ui::{Ctx, present, render};

fn presenting(path: &std::path::Path, today: &str, lang: Lang) -> Model {
    let file = CampaignFile::open(path, Today::Date(support::day(today))).unwrap();
    let mut m = Model::new(file, support::day(today), lang);
    m.today_pinned = true;
    m.present(1);
    m
}

fn ctx_draw<R>(m: &Model, w: u16, h: u16, f: impl FnOnce(&Ctx) -> R) -> R {
    let (theme, keymap) = (Theme::default(), Keymap::default());
    let ctx = Ctx {
        model: m,
        theme: &theme,
        keymap: &keymap,
        now: Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap(),
    };
    let _ = (w, h);
    f(&ctx)
}

fn screen(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    ctx_draw(m, w, h, |ctx| {
        terminal.draw(|f| render(f, ctx)).unwrap();
    });
    support::buffer_text(terminal.backend().buffer())
}

fn page_count(m: &Model, w: u16, h: u16) -> usize {
    ctx_draw(m, w, h, |ctx| {
        present::pages(ctx, Rect::new(0, 0, w, h)).len()
    })
}

#[test]
fn one_cycle_shows_every_unit_and_every_red_task() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    bairi::synth::write_to(&path, 160, 7).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let mut m = presenting(&path, "2026-10-31", lang);
        let units: Vec<String> = shown(&m)
            .0
            .units
            .iter()
            .map(|u| m.campaign().unit(&u.unit).unwrap().name.clone())
            .collect();
        let reds: Vec<String> = (0..m.campaign().tasks.len())
            .filter(|&i| m.derived.lights[i].light == TaskLight::Red)
            .map(|i| m.campaign().tasks[i].id.clone())
            .collect();
        assert!(units.len() > 30 && reds.len() > 40, "{units:?} {reds:?}");
        for (w, h) in [(80, 24), (200, 50)] {
            let n = page_count(&m, w, h);
            assert!(n >= 4, "{w}x{h}: {n} pages");
            let mut seen = String::new();
            for k in 1..=n {
                let text = screen(&m, w, h);
                let number = match lang {
                    Lang::Zh => format!("第{k}/{n}页"),
                    Lang::En => format!("page {k}/{n}"),
                };
                assert!(text.contains(&number), "{w}x{h} {number}:\n{text}");
                for hint in ["▶", "←→", "Enter", "选节点", "checkpoint ◀"] {
                    assert!(!text.contains(hint), "no key hints ({hint}):\n{text}");
                }
                seen.push_str(&text);
                update(&mut m, Msg::Tick(support::day("2026-10-31")));
            }
            assert!(
                screen(&m, w, h).contains(&format!("1/{n}")),
                "the cycle starts again"
            );
            for name in &units {
                assert!(seen.contains(&format!("  {name} ")), "{w}x{h}: unit {name}");
            }
            for id in &reds {
                assert!(seen.contains(&format!(" {id} ")), "{w}x{h}: red task {id}");
            }
            update(&mut m, Msg::Action(Action::First));
        }
    }
}

#[test]
fn the_headline_numbers_are_big_at_80x24_and_bigger_at_200x50() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let m = presenting(&path, "2026-11-22", Lang::Zh);
    let small = screen(&m, 80, 24);
    assert!(
        small.contains("●红灯") && small.contains("节点完成率"),
        "{small}"
    );
    insta::assert_snapshot!("headline_80x24", small);
    let large = screen(&m, 200, 50);
    insta::assert_snapshot!("headline_200x50", large);
    let ink = |s: &str| s.lines().filter(|l| l.contains('█')).count();
    assert!(
        ink(&large) >= 2 * ink(&small),
        "bigger digits on a big screen"
    );
    let en = presenting(&path, "2026-11-22", Lang::En);
    insta::assert_snapshot!("headline_80x24_english", screen(&en, 80, 24));
    for (w, h) in [(20, 5), (40, 12), (60, 18)] {
        let text = screen(&m, w, h);
        assert!(text.lines().count() == usize::from(h), "{w}x{h}");
    }
}

#[test]
fn the_lists_are_whole_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut m = presenting(&path, "2026-11-22", Lang::Zh);
    update(&mut m, Msg::Action(Action::Right));
    insta::assert_snapshot!("leaderboard_page_80x24", screen(&m, 80, 24));
    update(&mut m, Msg::Action(Action::Right));
    insta::assert_snapshot!("red_list_page_80x24", screen(&m, 80, 24));
}

/// Where `value`'s big glyph (at any scale) stands whole on the screen: every row of ink at
/// one column, as the font draws it.
fn glyph_at(screen: &str, value: &str) -> Option<(usize, usize)> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    for scale in (1..=4).rev() {
        let ink = bairi::ui::big::width(value, scale) - scale;
        let glyph: Vec<Vec<char>> = bairi::ui::big::scaled(value, "█", scale)
            .iter()
            .map(|r| r.chars().take(ink).collect())
            .collect();
        for top in 0..rows.len().saturating_sub(glyph.len() - 1) {
            for col in 0..rows[top].len() {
                let fits = glyph.iter().enumerate().all(|(i, g)| {
                    rows[top + i]
                        .get(col..col + g.len())
                        .is_some_and(|cells| cells == g.as_slice())
                });
                if fits && glyph[0].first() == Some(&'█') {
                    return Some((top, col));
                }
            }
        }
    }
    None
}

#[test]
fn each_big_number_is_drawn_as_one_block_not_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let m = presenting(&path, "2026-11-22", Lang::Zh);
    let d = &m.derived;
    let (board, _) = shown(&m);
    let rate = format!("{}%", board.rate().round());
    for (w, h) in [(80, 24), (200, 50)] {
        let text = screen(&m, w, h);
        for value in [d.red.to_string(), d.yellow.to_string(), rate.clone()] {
            assert!(
                glyph_at(&text, &value).is_some(),
                "{value} at {w}x{h} is not drawn whole:\n{text}"
            );
        }
    }
}

#[test]
fn on_a_large_screen_the_lists_fill_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut m = presenting(&path, "2026-11-22", Lang::Zh);
    let mut seen = Vec::new();
    for page in 1..page_count(&m, 200, 50) {
        m.presenting_mut().unwrap().page = page;
        let text = screen(&m, 200, 50);
        let lines: Vec<&str> = text.lines().take(49).collect();
        let used: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].trim().is_empty())
            .collect();
        let (top, bottom) = (used[0], used[used.len() - 1]);
        let left = lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.chars().take_while(|c| *c == ' ').count())
            .min()
            .unwrap();
        // The leaderboard's 8 units fill the height; the red list's 2 tasks stand in the middle.
        let tall_enough = if page == 1 {
            bottom - top >= 20
        } else {
            top >= 10
        };
        assert!(
            tall_enough,
            "page {page} spans rows {top}–{bottom}:\n{text}"
        );
        assert!(left >= 30, "page {page} starts at column {left}:\n{text}");
        seen.push(text);
    }
    insta::assert_snapshot!("leaderboard_page_200x50", seen[0]);
    insta::assert_snapshot!("red_list_page_200x50", seen[1]);
}
