//! The ledger (台账, view 5): pledges (承诺践诺), then follow-up orders (督办), one line each
//! with unit, task, text, made on, due, state and who recorded it; late rows in red.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::text::{fit, inert, width};
use crate::app::action::Action;
use crate::app::ledger_view::shown;
use crate::domain::ledger::{LedgerState, Row};
use crate::domain::light::TaskLight;
use crate::i18n::Text;
use crate::tr;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let l = shown(model);
    let order = ctx.t(&model.ledger.order.text()).to_owned();
    let title = ctx
        .t(&tr!(" 台账 · {order} ", " Ledger · {order} "))
        .to_owned();
    let block = super::titled_block(ctx, &title, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let selected = model.ledger.row.min(l.len().saturating_sub(1));
    let mut lines: Vec<Line> = vec![Line::styled(fit(&heading(ctx), w), ctx.theme.dim())];
    let mut at_selected = 0;
    let mut n = 0;
    let (np, no) = (l.pledges.len(), l.orders.len());
    let sections = [
        (tr!("承诺践诺 {np}", "Pledges {np}"), &l.pledges),
        (tr!("督办事项 {no}", "Follow-up orders {no}"), &l.orders),
    ];
    for (heading, rows) in sections {
        lines.push(Line::styled(
            fit(ctx.t(&heading), w),
            ctx.theme.header().add_modifier(Modifier::BOLD),
        ));
        if rows.is_empty() {
            let none = ctx.t(&Text::new("  (无)", "  (none)")).to_owned();
            lines.push(Line::styled(none, ctx.theme.dim()));
        }
        for r in rows {
            if n == selected {
                at_selected = lines.len();
            }
            lines.push(row_line(ctx, r, n == selected, w));
            n += 1;
        }
    }
    let hint = ctx.hints(&[
        (&[Action::Down], Text::new("选择", "choose")),
        (&[Action::Open], Text::new("任务详情", "task details")),
        (&[Action::Sort], Text::new("排序", "order")),
        (
            &[Action::CheckPledge],
            Text::new("核查承诺", "check a pledge"),
        ),
        (&[Action::Resolve], Text::new("办结督办", "close an order")),
    ]);
    let room = usize::from(inner.height).saturating_sub(1);
    let top = (at_selected + 1).saturating_sub(room);
    let mut shown_lines: Vec<Line> = lines.into_iter().skip(top).take(room).collect();
    // The keys on the last line of the frame.
    shown_lines.resize(room, Line::default());
    shown_lines.push(Line::styled(fit(&hint, w), ctx.theme.dim()));
    frame.render_widget(Paragraph::new(shown_lines), inner);
}

/// The width of the state column: the longest state in the interface language.
fn state_width(ctx: &Ctx) -> usize {
    if ctx.model.lang == crate::i18n::Lang::Zh {
        8
    } else {
        18
    }
}

/// The column names over the rows, in the rows' widths.
fn heading(ctx: &Ctx) -> String {
    let t = |zh: &'static str, en: &'static str| ctx.t(&Text::new(zh, en)).to_owned();
    format!(
        "  {} {} {} {} {} {} · {}",
        fit(&t("单位", "Unit"), 12),
        fit(&t("任务", "Task"), 4),
        fit(&t("提出", "Made"), 5),
        fit(&t("期限", "Due"), 5),
        fit(&t("状态", "State"), state_width(ctx)),
        t("内容", "Text"),
        t("记录人", "recorded by"),
    )
}

fn row_line(ctx: &Ctx, r: &Row, selected: bool, w: usize) -> Line<'static> {
    let campaign = ctx.model.campaign();
    let unit = r
        .unit
        .as_deref()
        .map(|u| campaign.unit(u).map_or(u.to_owned(), |x| x.name.clone()))
        .unwrap_or_default();
    let by =
        r.by.as_deref()
            .map(|p| campaign.person(p).map_or(p.to_owned(), |x| x.name.clone()))
            .unwrap_or_default();
    let due = r
        .due
        .map(|d| d.format("%m-%d").to_string())
        .unwrap_or_default();
    let state = ctx.t(&r.state.text()).to_owned();
    let base = if selected {
        ctx.theme.selected()
    } else {
        Style::new()
    };
    let state_style = match r.state {
        s if s.is_late() => ctx.theme.light(TaskLight::Red),
        LedgerState::Broken => ctx.theme.light(TaskLight::Red),
        LedgerState::Pending | LedgerState::Handling => ctx.theme.light(TaskLight::Yellow),
        _ => ctx.theme.light(TaskLight::Green),
    }
    .patch(base);
    let mark = if selected {
        ctx.theme.glyphs.selected
    } else {
        " "
    };
    let head = format!(
        "{mark} {} {:<4} {} ",
        fit(&inert(&unit), 12),
        inert(r.task.as_deref().unwrap_or("")),
        r.made.format("%m-%d"),
    );
    let due = format!("{due:<5} ");
    let state_cell = fit(&state, state_width(ctx));
    let tail = format!(" {}", inert(&by));
    let used = width(&head) + width(&due) + width(&state_cell) + width(&tail) + 1;
    let text = fit(&inert(&r.text), w.saturating_sub(used).max(4));
    let spans = vec![
        Span::styled(head, base),
        Span::styled(due, base),
        Span::styled(state_cell, state_style),
        Span::styled(format!(" {text}"), base),
        Span::styled(tail, ctx.theme.dim().patch(base)),
    ];
    super::header::fit_spans(spans, u16::try_from(w).unwrap_or(u16::MAX))
}
