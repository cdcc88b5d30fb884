//! Issue 17, the mouse: a click selects a card, a double click opens it, the wheel scrolls,
//! a header tab switches view, a leaderboard row is chosen; nothing happens while a form is
//! open. Events go through the hit map the drawing left, as the shell does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::time::{Duration, Instant};

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use bairi::app::action::Action;
use bairi::app::hits::{HitMap, Spot, Target};
use bairi::app::model::{Model, View};
use bairi::app::mouse::{Clicks, actions};
use bairi::i18n::Lang;
use support::{hits, press, qinglan_model};

fn event(kind: MouseEventKind, (column, row): (u16, u16)) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click_at(at: (u16, u16)) -> MouseEvent {
    event(MouseEventKind::Down(MouseButton::Left), at)
}

/// A cell inside the card of task `id`, as last drawn.
fn card(m: &Model, map: &HitMap, id: &str) -> (u16, u16) {
    map.places()
        .iter()
        .find_map(|(area, target)| match target {
            Target::Spot(Spot::Card { column, row }) => {
                let index = m.derived.columns[*column].tasks[*row];
                (m.campaign().tasks[index].id == id).then_some((area.x + 1, area.y))
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("{id} is not on screen"))
}

fn place(map: &HitMap, want: Target) -> (u16, u16) {
    map.places()
        .iter()
        .find(|(_, t)| *t == want)
        .map_or_else(|| panic!("{want:?} is not on screen"), |(a, _)| (a.x, a.y))
}

/// Qinglan in Chinese with T02 clicked once at `t0`: the model, its folder, the clicks so far,
/// `t0` and where T02's card is.
fn t02_clicked() -> (Model, tempfile::TempDir, Clicks, Instant, (u16, u16)) {
    let (mut m, dir) = qinglan_model("2026-11-22", Lang::Zh);
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    let at = card(&m, &hits(&m, 80, 24), "T02");
    feed(&mut m, click_at(at), t0, &mut clicks);
    assert_eq!(m.selected_id().as_deref(), Some("T02"));
    (m, dir, clicks, t0, at)
}

/// The id of the task whose card is drawn at `at`.
fn task_at(m: &Model, at: (u16, u16)) -> String {
    let Some(Target::Spot(Spot::Card { column, row })) = hits(m, 80, 24).at(at.0, at.1) else {
        panic!("no card at {at:?}");
    };
    m.campaign().tasks[m.derived.columns[column].tasks[row]]
        .id
        .clone()
}

/// What the shell does with an event arriving `at`: actions from the hit map, then update.
fn feed(m: &mut Model, e: MouseEvent, at: Instant, clicks: &mut Clicks) -> Vec<Action> {
    let map = hits(m, 80, 24);
    let done = actions(m, &map, &e, at, clicks);
    press(m, &done);
    done
}

#[test]
fn a_click_selects_a_card_and_a_double_click_opens_it() {
    let (mut m, _dir, mut clicks, t0, at) = t02_clicked();
    assert_eq!(m.view, View::Board);
    // The second click 300 ms later, on the same card: the details.
    let done = feed(
        &mut m,
        click_at(at),
        t0 + Duration::from_millis(300),
        &mut clicks,
    );
    assert_eq!(
        done,
        vec![
            Action::Point(Spot::Card { column: 2, row: 0 }),
            Action::Open
        ]
    );
    assert_eq!(m.view, View::Detail);
    assert_eq!(m.selected_id().as_deref(), Some("T02"));
}

#[test]
fn two_slow_clicks_or_clicks_on_two_cards_only_select() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    let t02 = card(&m, &hits(&m, 80, 24), "T02");
    feed(&mut m, click_at(t02), t0, &mut clicks);
    feed(
        &mut m,
        click_at(t02),
        t0 + Duration::from_millis(500),
        &mut clicks,
    );
    assert_eq!(m.view, View::Board, "500 ms apart is two clicks");
    let t08 = card(&m, &hits(&m, 80, 24), "T08");
    feed(
        &mut m,
        click_at(t08),
        t0 + Duration::from_millis(600),
        &mut clicks,
    );
    assert_eq!(
        m.view,
        View::Board,
        "a click on another card only selects it"
    );
    assert_eq!(m.selected_id().as_deref(), Some("T08"));
}

#[test]
fn the_wheel_scrolls_the_column_under_the_pointer() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    let mut clicks = Clicks::default();
    let now = Instant::now();
    // The pointer over the in-progress column (8 cards, 6 in sight at 80×24).
    let over = card(&m, &hits(&m, 80, 24), "T01");
    for _ in 0..7 {
        feed(
            &mut m,
            event(MouseEventKind::ScrollDown, over),
            now,
            &mut clicks,
        );
    }
    assert_eq!(m.rows[1], 7, "the last card of the column");
    let last = m.derived.columns[1].tasks[7];
    let shown = support::screen(&m, 80, 24);
    let title = m.campaign().tasks[last]
        .display_title()
        .chars()
        .take(4)
        .collect::<String>();
    assert!(shown.contains(&format!("▶{title}")), "{shown}");
    assert!(shown.contains("↑2"), "{shown}");
    feed(
        &mut m,
        event(MouseEventKind::ScrollUp, over),
        now,
        &mut clicks,
    );
    assert_eq!(m.rows[1], 6);
    // Over another column: that column takes the focus.
    let blocked = card(&m, &hits(&m, 80, 24), "T02");
    feed(
        &mut m,
        event(MouseEventKind::ScrollDown, blocked),
        now,
        &mut clicks,
    );
    assert_eq!((m.column, m.rows[2]), (2, 1));
}

#[test]
fn the_wheel_scrolls_details_and_help() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    let mut clicks = Clicks::default();
    let now = Instant::now();
    press(&mut m, &[Action::Open]);
    let row = m.detail_row();
    feed(
        &mut m,
        event(MouseEventKind::ScrollDown, (40, 12)),
        now,
        &mut clicks,
    );
    feed(
        &mut m,
        event(MouseEventKind::ScrollDown, (40, 12)),
        now,
        &mut clicks,
    );
    assert_eq!(m.detail_row(), row + 2);
    feed(
        &mut m,
        event(MouseEventKind::ScrollUp, (40, 12)),
        now,
        &mut clicks,
    );
    assert_eq!(m.detail_row(), row + 1);
    press(&mut m, &[Action::Close, Action::Help]);
    feed(
        &mut m,
        event(MouseEventKind::ScrollDown, (40, 12)),
        now,
        &mut clicks,
    );
    assert_eq!((m.view, m.help_scroll()), (View::Help, 1));
    // A click on the board under the help does not reach the board.
    let before = m.selected_id();
    feed(&mut m, click_at((3, 4)), now, &mut clicks);
    assert_eq!((m.view, m.selected_id()), (View::Help, before));
}

#[test]
fn a_tab_in_the_header_switches_view_and_a_leaderboard_row_is_chosen() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    let mut clicks = Clicks::default();
    let now = Instant::now();
    let tab = place(&hits(&m, 80, 24), Target::Tab(Action::ShowLeaderboard));
    assert_eq!(tab.1, 0, "the tabs are on the first line");
    feed(&mut m, click_at(tab), now, &mut clicks);
    assert_eq!(m.view, View::Leaderboard);
    let row = place(&hits(&m, 80, 24), Target::Spot(Spot::Unit(3)));
    feed(&mut m, click_at(row), now, &mut clicks);
    assert_eq!(m.leaderboard.unit, 3);
    // A double click opens the unit's red tasks; the wheel moves down the table.
    feed(
        &mut m,
        click_at(row),
        now + Duration::from_millis(100),
        &mut clicks,
    );
    assert!(m.leaderboard.open);
    feed(
        &mut m,
        event(MouseEventKind::ScrollDown, row),
        now,
        &mut clicks,
    );
    assert_eq!(m.leaderboard.unit, 4);
    let wall = place(&hits(&m, 80, 24), Target::Tab(Action::ShowWall));
    feed(&mut m, click_at(wall), now, &mut clicks);
    assert_eq!(m.view, View::Wall);
    let board = place(&hits(&m, 80, 24), Target::Tab(Action::ShowBoard));
    feed(&mut m, click_at(board), now, &mut clicks);
    assert_eq!(m.view, View::Board);
}

#[test]
fn the_mouse_does_nothing_while_a_form_or_a_question_is_open() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    m.author = Some("li_mx".into());
    let mut clicks = Clicks::default();
    let now = Instant::now();
    let map = hits(&m, 80, 24);
    let t02 = card(&m, &map, "T02");
    press(&mut m, &[Action::Note]);
    assert!(m.form().is_some());
    for e in [
        click_at(t02),
        click_at(t02),
        event(MouseEventKind::ScrollDown, t02),
    ] {
        assert!(actions(&m, &map, &e, now, &mut clicks).is_empty());
    }
    assert!(m.form().is_some());
    assert_eq!(m.selected_id().as_deref(), Some("T01"));
    press(
        &mut m,
        &[
            Action::Field(bairi::app::form::FieldKey::Cancel),
            Action::Delete,
        ],
    );
    assert!(m.confirming_delete().is_some());
    assert!(actions(&m, &map, &click_at(t02), now, &mut clicks).is_empty());
}

#[test]
fn in_one_column_the_arrows_of_the_title_line_change_column() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    let mut clicks = Clicks::default();
    let now = Instant::now();
    let map = hits(&m, 50, 24);
    let next = place(&map, Target::Spot(Spot::Column(2)));
    let done = actions(&m, &map, &click_at(next), now, &mut clicks);
    press(&mut m, &done);
    assert_eq!(m.column, 2);
}

#[test]
fn a_double_click_beside_the_export_menu_writes_nothing() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    press(&mut m, &[Action::Export]);
    let map = hits(&m, 80, 24);
    // T02's card is left of the menu, still in view.
    let t02 = card(&m, &map, "T02");
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    for at in [t0, t0 + Duration::from_millis(100)] {
        assert!(
            actions(&m, &map, &click_at(t02), at, &mut clicks).is_empty(),
            "a click while the menu is open"
        );
    }
    let wheel = event(MouseEventKind::ScrollDown, t02);
    assert!(actions(&m, &map, &wheel, t0, &mut clicks).is_empty());
    assert_eq!(
        m.export_pick(),
        Some(0),
        "the menu stays open on its first format"
    );
}

#[test]
fn swimlanes_hold_still_under_a_click_so_a_double_click_opens_the_card() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    // By lead unit: ten lanes, five shown at 80 columns, lanes 1–5.
    press(&mut m, &[Action::SwitchView, Action::SwitchView]);
    let before = support::screen(&m, 80, 24);
    assert!(before.contains("1–5/10 | 5 ▶"), "{before}");
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    // 110kV变电站, alone in the fifth lane.
    let at = card(&m, &hits(&m, 80, 24), "T10");
    feed(&mut m, click_at(at), t0, &mut clicks);
    assert_eq!(m.selected_id().as_deref(), Some("T10"));
    let after = support::screen(&m, 80, 24);
    assert!(after.contains("1–5/10 | 5 ▶"), "the lanes moved:\n{after}");
    let done = feed(
        &mut m,
        click_at(at),
        t0 + Duration::from_millis(200),
        &mut clicks,
    );
    assert_eq!(done.last(), Some(&Action::Open));
    assert_eq!(m.view, View::Detail);
    assert_eq!(m.selected_id().as_deref(), Some("T10"));
    // Back on the board, the keys centre the focused lane as before.
    press(&mut m, &[Action::Close, Action::Right]);
    let keys = support::screen(&m, 80, 24);
    assert!(keys.contains("◀ 3 | 4–8/10 | 2 ▶"), "{keys}");
}

#[test]
fn the_wheel_moves_through_the_wall_charts_rows() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    let mut clicks = Clicks::default();
    let now = Instant::now();
    press(&mut m, &[Action::ShowWall]);
    assert_eq!(m.view, View::Wall);
    let row = m.wall.row;
    feed(
        &mut m,
        event(MouseEventKind::ScrollDown, (40, 12)),
        now,
        &mut clicks,
    );
    assert_ne!(m.wall.row, row, "moved down a task");
    feed(
        &mut m,
        event(MouseEventKind::ScrollUp, (40, 12)),
        now,
        &mut clicks,
    );
    assert_eq!(m.wall.row, row, "and back");
}

#[test]
fn a_second_click_on_a_place_another_card_moved_into_only_selects_it() {
    let (mut m, _dir, mut clicks, t0, at) = t02_clicked();
    // Between the clicks the cards are sorted anew: another card now stands where T02 stood.
    let mut other = task_at(&m, at);
    for _ in 0..5 {
        if other != "T02" {
            break;
        }
        press(&mut m, &[Action::Sort]);
        other = task_at(&m, at);
    }
    assert_ne!(other, "T02");
    let done = feed(
        &mut m,
        click_at(at),
        t0 + Duration::from_millis(300),
        &mut clicks,
    );
    assert!(!done.contains(&Action::Open), "{done:?}");
    assert_eq!(m.view, View::Board, "{other} selected, not opened");
    assert_eq!(m.selected_id(), Some(other));
}

#[test]
fn a_column_scrolled_down_holds_still_under_a_click_so_a_double_click_opens_the_card() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    // In progress: eight cards, six shown at 80x24; the last selected scrolls it down.
    press(&mut m, &[Action::Last]);
    let before = support::screen(&m, 80, 24);
    assert!(before.contains("In progress ↑2"), "{before}");
    let map = hits(&m, 80, 24);
    let (at, id) = map
        .places()
        .iter()
        .find_map(|(area, target)| match target {
            Target::Spot(Spot::Card { column, row }) if *column == m.column => {
                let index = m.derived.columns[*column].tasks[*row];
                Some(((area.x + 1, area.y), m.campaign().tasks[index].id.clone()))
            }
            _ => None,
        })
        .expect("a card in the focused column");
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    feed(&mut m, click_at(at), t0, &mut clicks);
    assert_eq!(m.selected_id().as_deref(), Some(id.as_str()));
    let Some(Target::Spot(Spot::Card { column, row })) = hits(&m, 80, 24).at(at.0, at.1) else {
        panic!("no card under the click");
    };
    let under = &m.campaign().tasks[m.derived.columns[column].tasks[row]].id;
    assert_eq!(*under, id, "the column scrolled under the click");
    let done = feed(
        &mut m,
        click_at(at),
        t0 + Duration::from_millis(200),
        &mut clicks,
    );
    assert_eq!(done.last(), Some(&Action::Open), "{done:?}");
    assert_eq!(m.selected_id(), Some(id));
    // A click in another column leaves this one where it was.
    press(&mut m, &[Action::Close]);
    let other = card(&m, &hits(&m, 80, 24), "T02");
    feed(
        &mut m,
        click_at(other),
        t0 + Duration::from_secs(2),
        &mut clicks,
    );
    assert!(support::screen(&m, 80, 24).contains("In progress ↑2"));
    // Back on the board, the keys scroll to the selected card as before.
    press(&mut m, &[Action::Close, Action::Last]);
    assert!(support::screen(&m, 80, 24).contains("In progress ↑2"));
}
