//! The list pages: a slice of the leaderboard's rows, or of the red tasks with their reasons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::red_tasks;
use crate::app::leaderboard_view::{chosen, shown};
use crate::domain::light::TaskLight;
use crate::i18n::Text;
use crate::tr;
use crate::ui::Ctx;
use crate::ui::leaderboard::{column_head, marks, unit_row};
use crate::ui::text::{cut, inert};

/// Leaderboard rows `from..to`, with the checkpoint, the campaign-wide rate and the legend.
pub(super) fn units(frame: &mut Frame, area: Rect, ctx: &Ctx, from: usize, to: usize) {
    let model = ctx.model;
    let moment = chosen(model);
    let (board, published) = shown(model);
    let w = usize::from(area.width);
    let when = match moment.checkpoint {
        Some(n) => {
            let date = moment.date.format("%m-%d");
            let state = if published {
                Text::new("已发布", "published")
            } else {
                Text::new("未发布", "not published")
            };
            let state = ctx.t(&state);
            tr!(
                "第{n}节点 {date}({state})",
                "checkpoint {n} {date} ({state})"
            )
        }
        None => Text::new("按今天计算", "as of today"),
    };
    let total = board.units.len();
    let range = if total == 0 {
        String::new()
    } else {
        let first = from + 1;
        ctx.t(&tr!(
            " · 第{first}–{to}名,共{total}个单位",
            " · rows {first}–{to} of {total} units"
        ))
        .to_owned()
    };
    let title = format!(
        "{} · {}{range}",
        ctx.t(&Text::new("擂台榜", "Leaderboard")),
        ctx.t(&when)
    );
    let (done, due) = (board.done, board.due);
    let rate = board.rate().round();
    let overall = tr!(
        "全县节点完成率 {done}/{due}({rate}%)",
        "Campaign-wide milestone rate {done}/{due} ({rate}%)"
    );
    let mut lines = vec![
        Line::styled(cut(&title, w), ctx.theme.title(true)),
        Line::styled(cut(ctx.t(&overall), w), ctx.theme.header()),
        Line::styled(cut(ctx.t(&column_head()), w), ctx.theme.dim()),
    ];
    for u in board.units.iter().take(to).skip(from) {
        lines.push(unit_row(ctx, &board, u, false, area.width));
    }
    if total == 0 {
        let none = Text::new("  (还没有到期的节点)", "  (no milestone due yet)");
        lines.push(Line::styled(ctx.t(&none).to_owned(), ctx.theme.dim()));
    }
    let (flag, card) = marks(ctx);
    let (f, c) = (board.red_flag.len(), board.yellow_card.len());
    let legend = tr!(
        "{flag} 红旗单位 {f} 个 · {card} 黄牌席 {c} 个",
        "{flag} red flag: {f} · {card} yellow card: {c}"
    );
    lines.push(Line::styled(cut(ctx.t(&legend), w), ctx.theme.dim()));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Red tasks `from..to`: each with its lead unit and the reasons for its light.
pub(super) fn reds(frame: &mut Frame, area: Rect, ctx: &Ctx, from: usize, to: usize) {
    let model = ctx.model;
    let campaign = model.campaign();
    let w = usize::from(area.width);
    let all = red_tasks(ctx);
    let total = all.len();
    let title = if total == 0 {
        Text::new("红灯任务", "Red tasks")
    } else {
        let first = from + 1;
        tr!(
            "红灯任务 · 第{first}–{to}项,共{total}项",
            "Red tasks · {first}–{to} of {total}"
        )
    };
    let mut lines = vec![Line::styled(cut(ctx.t(&title), w), ctx.theme.title(true))];
    let room = usize::from(area.height).saturating_sub(1).max(1);
    for &i in all.iter().take(to).skip(from) {
        let t = &campaign.tasks[i];
        let verdict = &model.derived.lights[i];
        let unit = t
            .lead_unit
            .as_deref()
            .and_then(|u| campaign.unit(u))
            .map_or(String::new(), |u| u.name.clone());
        let head = format!("{} {} {}  {unit}", ctx.theme.glyphs.light, t.id, t.title);
        lines.push(Line::styled(
            cut(&inert(&head), w),
            ctx.theme.light(TaskLight::Red),
        ));
        // A task with more reasons than the page holds shows the ones that fit.
        for reason in verdict.reasons.iter().take(room.saturating_sub(1)) {
            lines.push(Line::raw(cut(
                &inert(&format!("    {}", reason.text(t).get(model.lang))),
                w,
            )));
        }
    }
    if total == 0 {
        lines.push(Line::raw(
            ctx.t(&Text::new("(没有红灯任务)", "(no red tasks)"))
                .to_owned(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
