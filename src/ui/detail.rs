//! The detail view of one task: the full title (wrapped) and the light pinned at the top, and
//! below them the task's document (`app::detail_doc`) scrolled to the cursor: the reasons, the
//! Five Ones, target, deadline, every milestone, problem and note, and the task's history.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::card::light_label;
use super::text::{cut, inert, wrap};
use crate::app::action::Action;
use crate::app::detail_doc::{Row, RowKind, document};
use crate::domain::follow_up::FollowUp;
use crate::domain::light::TaskLight;
use crate::domain::milestone::MilestoneState;
use crate::i18n::Text;
use crate::tr;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let Some(index) = model.selected() else {
        return;
    };
    let task = &model.campaign().tasks[index];
    let rows = document(model, index);
    let cursor = model.detail_row.min(rows.len().saturating_sub(1));
    let block = Block::bordered()
        .border_set(ctx.theme.glyphs.border)
        .border_style(ctx.theme.border(true))
        .title(Line::styled(
            cut(
                &format!(" {} ", task.id),
                area.width.saturating_sub(2).into(),
            ),
            ctx.theme.title(true),
        ));
    let inner = block.inner(area);
    let width = usize::from(inner.width);

    // Pinned: the whole title, then the light and the status.
    let mut pinned: Vec<Line> = wrap(&inert(&task.title), width)
        .into_iter()
        .map(|l| Line::styled(l, ctx.theme.title(true).add_modifier(Modifier::BOLD)))
        .collect();
    if let Some(verdict) = model.derived.lights.get(index) {
        let lang = model.lang;
        let status = task.status.label(lang);
        let light = light_label(
            verdict.light,
            verdict.overridden,
            lang,
            true,
            &ctx.theme.glyphs,
        );
        let text = tr!("{light} · 状态:{status}", "{light} · status: {status}");
        for piece in wrap(ctx.t(&text), width) {
            pinned.push(Line::styled(piece, ctx.theme.light(verdict.light)));
        }
    }
    // On a short screen the pinned lines leave at least three rows for the document.
    let pinned_rows = pinned
        .len()
        .min(usize::from(inner.height).saturating_sub(3).max(1));
    pinned.truncate(pinned_rows);

    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    for (i, row) in rows.iter().enumerate() {
        let selected = i == cursor;
        if selected {
            cursor_line = lines.len();
        }
        let (style, text) = styled(ctx, index, row, selected);
        let indent = if matches!(row.kind, RowKind::Heading) {
            ""
        } else {
            "    "
        };
        // Continuation lines of a wrapped row are indented under its text.
        let pieces = wrap(&text, width);
        let (first, rest) = pieces
            .split_first()
            .map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
        lines.push(Line::styled(first.to_owned(), style));
        let narrower = width.saturating_sub(indent.len()).max(1);
        for piece in wrap(&rest.concat(), narrower)
            .into_iter()
            .filter(|_| !rest.is_empty())
        {
            lines.push(Line::styled(cut(&format!("{indent}{piece}"), width), style));
        }
    }
    let [top, body] = inner.layout(&Layout::vertical([
        Constraint::Length(u16::try_from(pinned_rows).unwrap_or(u16::MAX)),
        Constraint::Min(1),
    ]));
    let height = usize::from(body.height);
    let scroll = scroll_for(cursor_line, lines.len(), height);
    let above = scroll;
    let below = lines.len().saturating_sub(scroll + height);
    let g = &ctx.theme.glyphs;
    let mut more = String::new();
    if above > 0 {
        more.push_str(&format!(" {}{above} ", g.up));
    }
    if below > 0 {
        more.push_str(&format!(" {}{below} ", g.down));
    }
    let block = if more.is_empty() {
        block
    } else {
        block.title_bottom(Line::styled(more, ctx.theme.dim()).right_aligned())
    };
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(pinned), top);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), body);
}

/// The first line shown: the top of the document while the cursor is above its last few
/// visible lines, else just enough to keep the cursor two lines above the bottom; never past
/// the end. A pure function of the cursor, so `g` always shows the top and `G` the end.
pub(crate) fn scroll_for(cursor_line: usize, total: usize, height: usize) -> usize {
    let margin = (height / 4).min(2);
    let max = total.saturating_sub(height);
    (cursor_line + margin + 1).saturating_sub(height).min(max)
}

/// A row's style and text: its mark by kind, the cursor's `▶` and reverse video.
fn styled(ctx: &Ctx, index: usize, row: &Row, selected: bool) -> (Style, String) {
    let theme = ctx.theme;
    let g = &theme.glyphs;
    let light = ctx
        .model
        .derived
        .lights
        .get(index)
        .map_or(TaskLight::Green, |v| v.light);
    let (style, text) = match &row.kind {
        RowKind::FollowUp(state) => {
            let mark = super::card::follow_up_mark(*state, ctx.model.lang, g);
            let order = if *state == FollowUp::Due {
                let keys = ctx.hints(&[(
                    &[Action::FollowUp],
                    Text::new("下达督办", "issue the order"),
                )]);
                if keys.is_empty() {
                    keys
                } else {
                    format!(" · {keys}")
                }
            } else {
                String::new()
            };
            let style = theme.light(TaskLight::Red);
            let style = if *state == FollowUp::Due {
                style.add_modifier(Modifier::BOLD)
            } else {
                style
            };
            (style, format!("  {mark} {}{order}", row.text))
        }
        RowKind::Reason => (theme.light(light), format!("  · {}", row.text)),
        RowKind::Heading => (theme.header(), row.text.clone()),
        RowKind::Plain => (Style::new(), row.text.clone()),
        RowKind::Milestone(state) => {
            let (mark, style) = match state {
                MilestoneState::Done { .. } => (g.done, theme.dim()),
                MilestoneState::Overdue { .. } => (g.overdue, theme.light(TaskLight::Red)),
                MilestoneState::DueSoon { .. } => (g.soon, theme.light(TaskLight::Yellow)),
                MilestoneState::Upcoming { .. } => (g.upcoming, Style::new()),
            };
            (style, format!("  {mark} {}", row.text))
        }
        RowKind::OpenProblem => (theme.warning(), format!("  {} {}", g.problem, row.text)),
        RowKind::ResolvedProblem { result } => {
            let result = result
                .as_deref()
                .map_or(String::new(), |r| format!(" {} {r}", g.arrow));
            (theme.dim(), format!("  {} {}{result}", g.done, row.text))
        }
        RowKind::Note => (Style::new(), format!("  {}", row.text)),
        RowKind::History => (theme.dim(), format!("  {}", row.text)),
    };
    if !selected {
        return (style, text);
    }
    // The cursor replaces the first column with ▶ (headings get it in front).
    let rest = match text.strip_prefix(' ') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    (
        style.patch(theme.selected()),
        format!("{}{rest}", g.selected),
    )
}

#[cfg(test)]
mod tests {
    use super::scroll_for;

    #[test]
    fn the_top_shows_until_the_cursor_nears_the_bottom() {
        assert_eq!(scroll_for(0, 40, 10), 0);
        assert_eq!(scroll_for(7, 40, 10), 0);
        assert_eq!(scroll_for(8, 40, 10), 1);
        assert_eq!(scroll_for(39, 40, 10), 30);
        assert_eq!(scroll_for(5, 4, 10), 0);
    }
}
