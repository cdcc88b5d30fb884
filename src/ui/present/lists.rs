//! The list pages: a slice of the leaderboard's rows, or of the red tasks with their reasons.
//! On a large screen a page fills it: its rows are spaced out (up to two blank lines between)
//! and the block is centred, so the hall reads it from across the room.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
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

/// The widest a list page is drawn: wider, its columns would drift apart.
const MAX_WIDTH: u16 = 120;

/// Blank lines between rows, at most two: as many as let `rows` rows (each `tall` lines) and
/// `fixed` other lines fill `height`.
fn spacing(height: usize, fixed: usize, rows: usize, tall: usize) -> usize {
    let free = height.saturating_sub(fixed + rows * tall);
    (free / rows.max(1)).min(2)
}

/// `lines` centred in `area`, across (at most [`MAX_WIDTH`] wide) and down.
fn centred(area: Rect, lines: usize) -> Rect {
    let height = u16::try_from(lines).unwrap_or(area.height).min(area.height);
    let [across] =
        area.layout(&Layout::horizontal([Constraint::Max(MAX_WIDTH)]).flex(Flex::Center));
    let [block] = across.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    block
}

/// `line` followed by `gap` blank lines.
fn spaced(line: Line<'static>, gap: usize) -> impl Iterator<Item = Line<'static>> {
    std::iter::once(line).chain(std::iter::repeat_n(Line::raw(""), gap))
}

/// Leaderboard rows `from..to`, with the checkpoint, the campaign-wide rate and the legend.
pub(super) fn units(frame: &mut Frame, area: Rect, ctx: &Ctx, from: usize, to: usize) {
    let model = ctx.model;
    // An empty board still has its "nothing due" line.
    let rows = to.saturating_sub(from).max(1);
    // Title, campaign rate, column heading and legend, each followed by the same spacing.
    let gap = spacing(usize::from(area.height), 4, rows + 4, 1);
    let area = centred(area, (rows + 4) * (1 + gap) - gap);
    let moment = chosen(model);
    let (board, published) = shown(model);
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
    let w = usize::from(area.width);
    let head = [
        Line::styled(cut(&title, w), ctx.theme.title(true)),
        Line::styled(cut(ctx.t(&overall), w), ctx.theme.header()),
        Line::styled(cut(ctx.t(&column_head()), w), ctx.theme.dim()),
    ];
    let mut lines: Vec<Line> = head.into_iter().flat_map(|l| spaced(l, gap)).collect();
    for u in board.units.iter().take(to).skip(from) {
        lines.extend(spaced(unit_row(ctx, &board, u, false, area.width), gap));
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
    let all = red_tasks(ctx);
    let total = all.len();
    let room = usize::from(area.height).saturating_sub(1).max(1);
    let tall = |i: usize| (1 + model.derived.lights[i].reasons.len()).min(room);
    let shown_lines: usize = all.iter().take(to).skip(from).map(|&i| tall(i)).sum();
    let tasks = to.saturating_sub(from);
    let gap = spacing(usize::from(area.height), 1 + shown_lines, tasks, 0);
    let area = centred(area, 1 + shown_lines + tasks * gap);
    let w = usize::from(area.width);
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
    for &i in all.iter().take(to).skip(from) {
        lines.extend(std::iter::repeat_n(Line::raw(""), gap));
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
