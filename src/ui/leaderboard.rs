//! The leaderboard (擂台榜): units ranked at a checkpoint (or now), ⚑ red flag and ▮ yellow
//! card, the campaign-wide rate, and a unit's red tasks on demand.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::text::{cut, fit, inert};
use crate::app::action::Action;
use crate::app::hits::{HitMap, Spot, Target};
use crate::app::leaderboard_view::{chosen, moments, shown};
use crate::domain::leaderboard::{Leaderboard, RankedUnit, rank_text, tie_rule};
use crate::domain::light::TaskLight;
use crate::i18n::Text;
use crate::tr;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, hits: &mut HitMap) {
    let model = ctx.model;
    let (board, published) = shown(model);
    let block = bordered(ctx, published, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut rows = Rows::of(ctx, &board, inner.width);
    rows.notes(ctx, &board, width);
    let legend = legend(ctx, &board, width);
    // The legend stays on the last line; the rows scroll above it.
    let height = usize::from(inner.height).saturating_sub(1).max(1);
    let (scroll, last) = scroll(ctx, height, rows.lines.len(), rows.open_list);
    let below = last.saturating_sub(scroll + height);
    let mut shown: Vec<Line> = rows.lines.into_iter().skip(scroll).take(height).collect();
    if below > 0
        && let Some(last) = shown.last_mut()
    {
        let below = below + 1;
        let down = ctx.theme.glyphs.down;
        let page = ctx.hints(&[(&[Action::PageDown], Text::new("翻页", "pages"))]);
        let more = tr!(
            "  {down}还有{below}行 · {page}",
            "  {down}{below} more lines · {page}"
        );
        *last = Line::styled(cut(ctx.t(&more), width), ctx.theme.dim());
    }
    for (line, unit) in rows.unit_lines {
        if let Some(at) = line.checked_sub(scroll).filter(|at| *at < shown.len()) {
            let row = Rect::new(inner.x, inner.y + at as u16, inner.width, 1);
            hits.add(super::area_of(row), Target::Spot(Spot::Unit(unit)));
        }
    }
    while shown.len() < height {
        shown.push(Line::raw(""));
    }
    shown.push(legend);
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The frame, titled with the moment shown (`‹ 第2节点 09-14 › 2/3`) and whether it is
/// published.
fn bordered(ctx: &Ctx, published: bool, width: u16) -> Block<'static> {
    let model = ctx.model;
    let campaign = model.campaign();
    let moment = chosen(model);
    let all = moments(campaign, model.today);
    let g = &ctx.theme.glyphs;
    let when = match moment.checkpoint {
        Some(n) => {
            let date = moment.date.format("%m-%d");
            tr!("第{n}节点 {date}", "checkpoint {n} {date}")
        }
        None => Text::new("现在", "now"),
    };
    let publication = moment
        .checkpoint
        .and_then(|n| campaign.publication(u32::try_from(n).unwrap_or(u32::MAX)));
    let state = if published {
        match publication {
            Some(p) => {
                let (zh, en) = (p.zh, p.en);
                tr!("已发布(冻结)· {zh}", "published (frozen) · {en}")
            }
            None => Text::new("已发布(冻结)", "published (frozen)"),
        }
    } else if moment.checkpoint.is_some() {
        Text::new(
            "未发布(按规则计算,P 发布)",
            "not published (computed; P publishes)",
        )
    } else {
        Text::new("按今天计算", "as of today")
    };
    let position = all.iter().position(|m| *m == moment).unwrap_or(0) + 1;
    let title = format!(
        " {} {} {} {} {position}/{}  {}  ",
        ctx.t(&Text::new("擂台榜", "Leaderboard")),
        g.prev,
        ctx.t(&when),
        g.next,
        all.len(),
        ctx.t(&state)
    );
    Block::bordered()
        .border_set(g.border)
        .border_style(ctx.theme.border(true))
        .title(Line::styled(
            cut(&title, width.saturating_sub(2).into()),
            ctx.theme.title(true),
        ))
}

/// The lines above the legend, and where the units' rows and the open list are among them.
struct Rows {
    lines: Vec<Line<'static>>,
    /// (line, unit) of each unit's row, for the mouse.
    unit_lines: Vec<(usize, usize)>,
    /// The open unit's red tasks: from its row to the end of its list.
    open_list: Option<(usize, usize)>,
}

impl Rows {
    /// The campaign-wide rate, the column heads, and a row for each unit (the open one
    /// followed by its red tasks).
    fn of(ctx: &Ctx, board: &Leaderboard, inner_width: u16) -> Rows {
        let model = ctx.model;
        let width = usize::from(inner_width);
        let (done, due) = (board.done, board.due);
        let rate = board.rate().round();
        let overall = tr!(
            "全县节点完成率 {done}/{due}({rate}%)",
            "Campaign-wide milestone rate {done}/{due} ({rate}%)"
        );
        let mut rows = Rows {
            lines: vec![
                Line::styled(cut(ctx.t(&overall), width), ctx.theme.header()),
                Line::styled(cut(ctx.t(&column_head()), width), ctx.theme.dim()),
            ],
            unit_lines: Vec::with_capacity(board.units.len()),
            open_list: None,
        };
        for (i, u) in board.units.iter().enumerate() {
            let selected = i == model.leaderboard.unit;
            rows.unit_lines.push((rows.lines.len(), i));
            rows.lines
                .push(unit_row(ctx, board, u, selected, inner_width));
            if selected && model.leaderboard.open {
                let from = rows.lines.len() - 1;
                rows.lines.extend(red_list(ctx, board, &u.unit, width));
                rows.open_list = Some((from, rows.lines.len()));
            }
        }
        if board.units.is_empty() {
            let none = Text::new("  (还没有到期的节点)", "  (no milestone due yet)");
            rows.lines
                .push(Line::styled(ctx.t(&none).to_owned(), ctx.theme.dim()));
        }
        rows
    }

    /// Below the units: how ties are broken, the pledges due, and the pledge keys.
    fn notes(&mut self, ctx: &Ctx, board: &Leaderboard, width: usize) {
        let campaign = ctx.model.campaign();
        let (flag, card) = marks(ctx);
        self.lines.push(Line::styled(
            cut(ctx.t(&tie_rule(flag, card)), width),
            ctx.theme.dim(),
        ));
        for (style, text) in super::pledges::due_rows(ctx) {
            self.lines.push(Line::styled(cut(&text, width), style));
        }
        let mut pledge_keys = super::pledges::keys_hint(ctx);
        let marked = board
            .units
            .iter()
            .any(|u| crate::domain::ledger::has_open_pledge(campaign, &u.unit));
        if marked {
            // What the `诺` beside a unit means.
            let legend = Text::new("诺 = 有待查的承诺", "pledge = a pledge still to be checked");
            pledge_keys = format!("{pledge_keys} · {}", ctx.t(&legend));
        }
        self.lines
            .push(Line::styled(cut(&pledge_keys, width), ctx.theme.dim()));
    }
}

/// A unit's red tasks, one a line.
fn red_list(ctx: &Ctx, board: &Leaderboard, unit: &str, width: usize) -> Vec<Line<'static>> {
    let campaign = ctx.model.campaign();
    let reds: Vec<&str> = board
        .red
        .iter()
        .filter(|id| campaign.task(id).and_then(|t| t.lead_unit.as_deref()) == Some(unit))
        .map(String::as_str)
        .collect();
    if reds.is_empty() {
        let none = Text::new("      (没有红灯任务)", "      (no red tasks)");
        return vec![Line::styled(ctx.t(&none).to_owned(), ctx.theme.dim())];
    }
    reds.into_iter()
        .map(|id| {
            let title = campaign
                .task(id)
                .map_or(String::new(), |t| inert(t.display_title()));
            let line = format!("      {} {id} {title}", ctx.theme.glyphs.light);
            Line::styled(cut(&line, width), ctx.theme.light(TaskLight::Red))
        })
        .collect()
}

/// The last line: how many units have the flag and the card, and the keys.
fn legend(ctx: &Ctx, board: &Leaderboard, width: usize) -> Line<'static> {
    let (flag, card) = marks(ctx);
    let (f, c) = (board.red_flag.len(), board.yellow_card.len());
    let keys = ctx.hints(&[
        (
            &[Action::Left, Action::Right],
            Text::new("选节点", "checkpoint"),
        ),
        (&[Action::Open], Text::new("看红灯任务", "red tasks")),
        (&[Action::ShowBoard], Text::new("回看板", "board")),
    ]);
    let legend = tr!(
        "{flag} 红旗单位 {f} 个 · {card} 黄牌席 {c} 个 · {keys}",
        "{flag} red flag: {f} · {card} yellow card: {c} · {keys}"
    );
    Line::styled(cut(ctx.t(&legend), width), ctx.theme.dim())
}

/// The first line shown, and the end of what "more" speaks of: the selected row stays on
/// screen and above the last row, which says what is below; with a unit's red tasks open,
/// as much of the list as fits with its unit (PgDn pages through the rest), and "more"
/// speaks of that list only.
fn scroll(
    ctx: &Ctx,
    height: usize,
    total: usize,
    open_list: Option<(usize, usize)>,
) -> (usize, usize) {
    let view = &ctx.model.leaderboard;
    let selected_line = view.unit + 2;
    let base = selected_line.saturating_sub(height.saturating_sub(2));
    let mut scroll = (base + view.scroll)
        .min(total.saturating_sub(height).max(base))
        .min(selected_line);
    if let Some((from, to)) = open_list {
        scroll = base;
        let end = to.saturating_sub(height);
        scroll = scroll.max(from.min(end));
        scroll = (scroll + view.scroll).min(end.max(scroll));
    }
    let last = open_list.map_or(total, |(_, to)| to);
    (scroll, last)
}

/// The red-flag and yellow-card glyphs (`⚑` `▮`, or `F` `#` in ASCII).
pub(super) fn marks(ctx: &Ctx) -> (&'static str, &'static str) {
    if ctx.theme.glyphs.light == "*" {
        ("F", "#")
    } else {
        ("⚑", "▮")
    }
}

/// The heading over the unit rows.
pub(super) fn column_head() -> Text {
    Text::new(
        "      名次  单位                  完成/应完成  完成率  红灯任务",
        "      Rank  Unit                  Done/due     Rate    Red tasks",
    )
}

/// One unit's row: the selection mark, ⚑/▮, rank, name, done/due, rate and red tasks.
pub(super) fn unit_row(
    ctx: &Ctx,
    board: &Leaderboard,
    u: &RankedUnit,
    selected: bool,
    width: u16,
) -> Line<'static> {
    let g = &ctx.theme.glyphs;
    let (flag, card) = marks(ctx);
    let name = ctx
        .model
        .campaign()
        .unit(&u.unit)
        .map_or(u.unit.clone(), |x| x.name.clone());
    let mark = if board.red_flag.contains(&u.unit) {
        flag
    } else if board.yellow_card.contains(&u.unit) {
        card
    } else {
        " "
    };
    let base = if selected {
        ctx.theme.selected()
    } else {
        Style::new()
    };
    let mark_style = if board.red_flag.contains(&u.unit) {
        ctx.theme.light(TaskLight::Red).patch(base)
    } else if board.yellow_card.contains(&u.unit) {
        ctx.theme.light(TaskLight::Yellow).patch(base)
    } else {
        base
    };
    let rank = rank_text(&board.units, u.rank);
    let rank = rank.get(ctx.model.lang);
    let pad = 7usize.saturating_sub(super::text::width(rank));
    let row = format!(
        " {}{rank}  {}  {:>5}/{:<5}  {:>4.0}%  {:>4}",
        " ".repeat(pad),
        fit(&inert(&name), 20),
        u.done,
        u.due,
        u.rate,
        u.red_tasks
    );
    let spans = vec![
        Span::styled(
            if selected {
                g.selected.to_owned()
            } else {
                " ".to_owned()
            },
            base.add_modifier(Modifier::BOLD),
        ),
        Span::styled(mark.to_owned(), mark_style),
        Span::styled(row, base),
    ];
    let mut spans = spans;
    if crate::domain::ledger::has_open_pledge(ctx.model.campaign(), &u.unit) {
        // A pledge still to be checked shows from the day it is made.
        let word = ctx.t(&Text::new("  诺", "  pledge")).to_owned();
        spans.push(Span::styled(word, ctx.theme.key().patch(base)));
    }
    super::header::fit_spans(spans, width)
}
