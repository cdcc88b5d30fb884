//! Drawing: a pure function of the model, the theme and the current instant.

pub mod big;
pub(crate) mod board;
pub(crate) mod card;
pub(crate) mod conflicts;
pub(crate) mod detail;
pub(crate) mod export;
pub(crate) mod footer;
pub(crate) mod form;
pub(crate) mod header;
pub(crate) mod help;
pub(crate) mod leaderboard;
pub(crate) mod ledger;
pub(crate) mod pledges;
pub mod present;
pub(crate) mod review;
pub(crate) mod standup;
pub(crate) mod text;
pub mod theme;
pub(crate) mod wall;
pub(crate) mod wide;
pub(crate) mod wrap;

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::action::Action;
use crate::app::hits::{Area, HitMap, Target};
use crate::app::keymap::Keymap;
use crate::app::model::{Model, View};
use crate::i18n::Text;
use theme::Theme;

/// What every widget borrows while drawing.
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    pub now: DateTime<Utc>,
}

impl Ctx<'_> {
    pub(crate) fn t<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.model.lang)
    }

    /// `↓/j 下一个 · ↑/k 上一个`: each hint with its keys as the keymap binds them now
    /// (after the config's `[keys]`); a hint whose actions have no key is left out.
    pub(crate) fn hints(&self, items: &[(&[Action], Text)]) -> String {
        items
            .iter()
            .filter_map(|(actions, what)| {
                // Short enough for a footer: two keys of one action, one key of each of several.
                let per_action = if actions.len() > 1 { 1 } else { 2 };
                let keys: Vec<String> = actions
                    .iter()
                    .flat_map(|a| self.keymap.keys(*a).iter().take(per_action))
                    .map(super::app::keymap::Key::label)
                    .collect();
                (!keys.is_empty()).then(|| format!("{} {}", keys.join("/"), self.t(what)))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The smallest window that shows anything but a "too small" note.
pub(crate) const MIN_WIDTH: u16 = 20;
pub(crate) const MIN_HEIGHT: u16 = 5;

pub fn render(frame: &mut Frame, ctx: &Ctx) {
    render_mapped(frame, ctx);
}

/// Draws the frame and says where things are on it (for the mouse).
pub fn render_mapped(frame: &mut Frame, ctx: &Ctx) -> HitMap {
    let hits = render_layers(frame, ctx);
    wide::blank_under_wide(frame.buffer_mut());
    hits
}

/// The screen's layers, drawn bottom to top.
fn render_layers(frame: &mut Frame, ctx: &Ctx) -> HitMap {
    let mut hits = HitMap::default();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let note = Text::new("窗口太小", "window too small");
        let line = Line::from(text::cut(ctx.t(&note), area.width.into()));
        frame.render_widget(Paragraph::new(line), area);
        return hits;
    }
    if let Some(present) = ctx.model.presenting() {
        present::render(frame, area, ctx, present.page);
        return hits;
    }
    let header_rows = header::height(area);
    let [top, body, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(header_rows),
        Constraint::Min(1),
        Constraint::Length(footer::height(ctx, area.width)),
    ]));
    header::render(frame, top, ctx, &mut hits);
    match ctx.model.view {
        View::Detail => {
            detail::render(frame, body, ctx);
            hits.add(area_of(body), Target::Scroll);
        }
        View::Leaderboard => {
            hits.add(area_of(body), Target::Scroll);
            leaderboard::render(frame, body, ctx, &mut hits);
        }
        View::Standup => standup::render(frame, body, ctx),
        View::Wall => wall::render(frame, body, ctx),
        View::Ledger => ledger::render(frame, body, ctx),
        View::Review => review::render(frame, body, ctx),
        View::Conflicts => {
            board::render(frame, body, ctx, &mut hits);
            conflicts::render(frame, body, ctx);
        }
        View::Board | View::Help => {
            board::render(frame, body, ctx, &mut hits);
        }
    }
    footer::render(frame, bottom, ctx);
    if ctx.model.view == View::Help {
        let popup = popup_area(body, help::MAX_WIDTH, 40);
        help::render(frame, popup, ctx);
        hits.add(area_of(popup), Target::Scroll);
    }
    if let Some(form) = ctx.model.form() {
        form::render_form(frame, body, ctx, form);
    } else if let Some(picker) = ctx.model.picker() {
        form::render_picker(frame, body, ctx, picker);
    } else if let Some(pick) = ctx.model.export_pick() {
        export::render(frame, body, ctx, pick);
    }
    hits
}

/// A ratatui rectangle as the app's [`Area`].
pub(crate) fn area_of(rect: Rect) -> Area {
    Area {
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
    }
}

/// Clears the cells a pop-up covers. A wide (Chinese) character just left of it would still
/// cover its first column on the terminal (and hide its border there), so it is blanked too.
pub(crate) fn clear_popup(frame: &mut Frame, area: Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        let cell = &mut buffer[(left, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub(crate) fn popup_area(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A focused frame titled `title` (already padded with its spaces), cut to fit `area`.
pub(crate) fn titled_block<'a>(ctx: &Ctx, title: &str, area: Rect) -> ratatui::widgets::Block<'a> {
    ratatui::widgets::Block::bordered()
        .border_set(ctx.theme.glyphs.border)
        .border_style(ctx.theme.border(true))
        .title(ratatui::text::Line::styled(
            text::cut(title, area.width.saturating_sub(2).into()),
            ctx.theme.title(true),
        ))
}
