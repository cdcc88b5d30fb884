//! Forms and lists drawn over the board: fields with a real cursor (so input methods place
//! their window there), pickers under id fields, the error in place, and the find/filter list.

use chrono::{Datelike, Weekday};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::text::{cut, fit, inert, width};
use crate::app::form::{Form, echo, suggestions};
use crate::app::input::TextInput;
use crate::app::model::{Picker, PickerMode};
use crate::app::picker::{results, title};
use crate::app::verbs::Purpose;
use crate::i18n::{Lang, Text};

const SUGGESTIONS: usize = 5;

pub(super) fn frame_block<'a>(ctx: &Ctx, title: &str, area: Rect) -> Block<'a> {
    super::titled_block(ctx, &format!(" {title} "), area)
}

/// Draws an input line at `area` and puts the terminal cursor in it; `style` for the text
/// (reversed while an untouched value waits to be replaced by typing). Being edited, the line
/// scrolls to keep the cursor in sight; otherwise it shows its start (cut with `…`).
fn input_line(frame: &mut Frame, area: Rect, input: &TextInput, focused: bool, style: Style) {
    let width = usize::from(area.width.saturating_sub(1)).max(1);
    let (shown, col) = if focused {
        input.view(width)
    } else {
        (super::text::cut(input.text(), width), 0)
    };
    frame.render_widget(Paragraph::new(Line::styled(inert(&shown), style)), area);
    if focused {
        let x = area.x
            + u16::try_from(col)
                .unwrap_or(0)
                .min(area.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

pub(crate) fn render_form(frame: &mut Frame, area: Rect, ctx: &Ctx, form: &Form<Purpose>) {
    let notes = form.notes.len() as u16;
    let lines_needed = if let Purpose::BackScheduleReview { proposals, .. } = &form.purpose {
        proposals.len() as u16 + 2 + notes
    } else {
        form.fields.len() as u16 + 2 + SUGGESTIONS as u16 + notes
    };
    let area = super::popup_area(area, 72, lines_needed + 2);
    super::clear_popup(frame, area);
    let block = frame_block(ctx, ctx.t(&form.title), area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    if let Purpose::BackScheduleReview { proposals, .. } = &form.purpose {
        let mut lines: Vec<Line> = proposals
            .iter()
            .map(|m| Line::from(format!("{}  {}", m.due, inert(&m.title))))
            .collect();
        lines.extend(note_lines(ctx, form, inner));
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    // Notes sit just above the hint line.
    let first_note = inner.height.saturating_sub(1 + notes);
    for (k, line) in note_lines(ctx, form, inner).enumerate() {
        let y = inner.y + first_note + k as u16;
        frame.render_widget(Paragraph::new(line), Rect::new(inner.x, y, inner.width, 1));
    }
    let label_width = form
        .fields
        .iter()
        .map(|f| width(ctx.t(&f.label)))
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width) / 2);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let fields_bottom = bottom.saturating_sub(notes);
    for i in 0..form.fields.len() {
        if y >= fields_bottom {
            break;
        }
        let row = Rect::new(inner.x, y, inner.width, fields_bottom - y);
        y += render_field(frame, row, ctx, form, i, label_width);
    }
    frame.render_widget(
        Paragraph::new(hint(ctx, form, inner.width)),
        Rect::new(inner.x, bottom - 1, inner.width, 1),
    );
}

/// The form's warnings, each on a line, cut to the width.
fn note_lines<'a>(
    ctx: &'a Ctx,
    form: &'a Form<Purpose>,
    inner: Rect,
) -> impl Iterator<Item = Line<'a>> {
    form.notes.iter().map(move |note| {
        let text = cut(ctx.t(note), inner.width.into());
        Line::styled(text, ctx.theme.warning())
    })
}

/// Field `i` at the top of `area`: its label, its input (with the full date a short one
/// stands for) and, focused, its suggestions below while they fit. Returns the lines used.
fn render_field(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    form: &Form<Purpose>,
    i: usize,
    label_width: usize,
) -> u16 {
    let Some(field) = form.fields.get(i) else {
        return 0;
    };
    let (x, y) = (area.x, area.y);
    let focused = i == form.focus;
    let label_style = if focused {
        ctx.theme.key()
    } else {
        Style::new()
    };
    let label = Span::styled(fit(ctx.t(&field.label), label_width), label_style);
    let row = Rect::new(x, y, area.width, 1);
    frame.render_widget(Paragraph::new(Line::from(vec![label, Span::raw(" ")])), row);
    let input_area = Rect::new(
        x + label_width as u16 + 1,
        y,
        area.width.saturating_sub(label_width as u16 + 1),
        1,
    );
    let style = if field.fresh && focused {
        ctx.theme.selected()
    } else {
        Style::new()
    };
    input_line(frame, input_area, &field.input, focused, style);
    // A date written `+3`, `12-10` or `周五`: the full date it stands for, beside it.
    if let Some(date) = echo(field, form.today) {
        let day = weekday(date.weekday(), ctx.model.lang);
        let text = format!("{} {date} {day} ", ctx.theme.glyphs.arrow);
        let used = width(field.input.text()) + 2;
        if used + width(&text) <= usize::from(input_area.width) {
            frame.render_widget(
                Paragraph::new(Line::styled(text, ctx.theme.info()).right_aligned()),
                input_area,
            );
        }
    }
    if !focused {
        return 1;
    }
    let room = usize::from(area.height.saturating_sub(1));
    let picks = suggestions(ctx.model.campaign(), field, SUGGESTIONS);
    let shown = picks.len().min(room);
    for (n, (_, line)) in picks.into_iter().enumerate().take(shown) {
        let style = if n == form.pick {
            ctx.theme.selected()
        } else {
            ctx.theme.dim()
        };
        let text = cut(
            &format!("  {}", inert(ctx.t(&line))),
            usize::from(input_area.width),
        );
        frame.render_widget(
            Paragraph::new(Line::styled(text, style)),
            Rect::new(input_area.x, y + 1 + n as u16, input_area.width, 1),
        );
    }
    1 + shown as u16
}

/// The bottom line: the error a check found, else the keys.
fn hint<'a>(ctx: &'a Ctx, form: &Form<Purpose>, width: u16) -> Line<'a> {
    match &form.error {
        Some((_, why)) => Line::styled(cut(ctx.t(why), width.into()), ctx.theme.error()),
        None => {
            let keys = Text::new(
                "Enter 保存 · Tab 下一项 · Esc 取消",
                "Enter saves · Tab next field · Esc cancels",
            );
            Line::styled(cut(ctx.t(&keys), width.into()), ctx.theme.dim())
        }
    }
}

/// A status the sign-off rules forbid, in the status chooser: drawn dimmed.
fn forbidden(ctx: &Ctx, picker: &Picker, choice: &crate::app::picker::Choice) -> bool {
    match (picker.mode, choice) {
        (PickerMode::Status(index), crate::app::picker::Choice::Status(status)) => {
            crate::app::status_choices::forbidden(ctx.model, index, *status).is_some()
        }
        _ => false,
    }
}

pub(crate) fn render_picker(frame: &mut Frame, area: Rect, ctx: &Ctx, picker: &Picker) {
    let area = super::popup_area(area, 72, 16);
    super::clear_popup(frame, area);
    let block = frame_block(ctx, title(picker.mode, ctx.model.lang), area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 || inner.width < 4 {
        return;
    }
    let prompt = Rect::new(inner.x, inner.y, inner.width, 1);
    let mark = match picker.mode {
        PickerMode::Jump => ":",
        PickerMode::Author | PickerMode::Status(_) => ">",
        PickerMode::Search | PickerMode::Filter => "/",
    };
    frame.render_widget(Paragraph::new(Line::styled(mark, ctx.theme.key())), prompt);
    input_line(
        frame,
        Rect::new(inner.x + 2, inner.y, inner.width.saturating_sub(2), 1),
        &picker.input,
        true,
        Style::new(),
    );
    let rows = usize::from(inner.height - 1);
    let found = results(ctx.model, usize::MAX);
    let offset = picker.pick.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = found
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(n, (choice, label))| {
            let style = if n == picker.pick {
                ctx.theme.selected()
            } else if forbidden(ctx, picker, choice) {
                ctx.theme.dim()
            } else {
                Style::new()
            };
            Line::styled(fit(&inert(label), inner.width.into()), style)
        })
        .collect();
    let list = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    if lines.is_empty() {
        let none = Text::new("(没有匹配)", "(nothing matches)");
        frame.render_widget(
            Paragraph::new(Line::styled(ctx.t(&none).to_owned(), ctx.theme.dim())),
            list,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
    // More below than fits: said on the bottom border, as the columns say it.
    let below = found.len().saturating_sub(offset + rows);
    if below > 0 && area.height > 2 && area.width > 4 {
        let more = crate::tr!("↓还有{below}项", "↓{below} more");
        let border = Rect::new(area.x + 1, area.y + area.height - 1, area.width - 2, 1);
        frame.render_widget(
            Paragraph::new(Line::styled(ctx.t(&more).to_owned(), ctx.theme.key()).right_aligned()),
            border,
        );
    }
}

/// `周四` / `Thu`.
fn weekday(day: Weekday, lang: Lang) -> &'static str {
    let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = day.num_days_from_monday() as usize;
    match lang {
        Lang::Zh => zh[i % 7],
        Lang::En => en[i % 7],
    }
}
