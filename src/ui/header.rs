//! The header: campaign, day and live countdown, next checkpoint, counts by light.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::text::{cut, inert, width};
use crate::app::action::Action;
use crate::app::hits::{HitMap, Target};
use crate::app::model::View;
use crate::app::sort::Sort;
use crate::domain::countdown::{Phase, clock_part, next_checkpoint, phase, phase_text, remaining};
use crate::domain::light::TaskLight;
use crate::i18n::Text;
use crate::tr;

/// Two rows when there is room, one on short windows.
pub(crate) fn height(area: Rect) -> u16 {
    if area.height >= 12 { 2 } else { 1 }
}

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, hits: &mut HitMap) {
    let model = ctx.model;
    let info = &model.campaign().info;
    let lang = model.lang;
    let today = model.today;
    let current = phase(info, today);
    let mut countdown = phase_text(&current, info.total_days(), lang);
    let running = matches!(current, Phase::Running { .. } | Phase::LastDay { .. });
    let left = remaining(info, ctx.now).filter(|_| running && !model.today_pinned);
    if let Some(left) = left {
        let (h, m, s) = clock_part(left.rest_of_today);
        countdown.push_str(&format!(" {h:02}:{m:02}:{s:02}"));
    }
    let name = inert(&info.short);
    let d = &model.derived;
    // The second line, shortened in English until its tags fit: level 1 shortens the counts
    // (`●R2 ●Y3 ●G7 ✓1`), level 2 the checkpoint too (`CP6 11-23 tmrw`).
    let built = |level: u8| second_line(ctx, level);
    let (mut second, after_counts) = (0..=2)
        .map(built)
        .find(|(spans, _)| spans.iter().map(Span::width).sum::<usize>() <= usize::from(area.width))
        .unwrap_or_else(|| built(2));
    let read_only = model.store().read_only.then(|| {
        let banner = Text::new("[只读] ", "[read-only] ");
        Span::styled(banner.get(lang).to_owned(), ctx.theme.error())
    });
    let mut first: Vec<Span> = read_only.into_iter().collect();
    first.extend([
        Span::styled(name, ctx.theme.title(true)),
        Span::raw("  "),
        Span::styled(countdown, ctx.theme.header()),
    ]);
    // The 堵点 count stands beside the lights when the line still has room for it whole (the
    // cards say 堵 either way).
    if d.blocking > 0 {
        let n = d.blocking;
        let text = tr!(" 堵点{n}", " BLK {n}");
        let text = text.get(lang).to_owned();
        let used: usize = second.iter().map(Span::width).sum();
        if used + width(&text) <= usize::from(area.width) {
            let style = ctx
                .theme
                .light(TaskLight::Yellow)
                .add_modifier(Modifier::BOLD);
            second.insert(after_counts, Span::styled(text, style));
        }
    }
    if area.height >= 2 {
        let [a, b] = area.layout(&ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Length(1),
        ]));
        let used: usize = first.iter().map(|s| width(&s.content)).sum();
        frame.render_widget(Paragraph::new(fit_spans(first, a.width)), a);
        tabs(frame, a, used, ctx, hits);
        frame.render_widget(Paragraph::new(fit_spans(second, b.width)), b);
    } else {
        first.push(Span::raw("  "));
        first.extend(second);
        frame.render_widget(Paragraph::new(fit_spans(first, area.width)), area);
    }
}

/// The header's second line at shortening `level` (0: as is; 1: English counts short; 2: the
/// English checkpoint short too), without the 堵点 count; and where the counts end.
fn second_line(ctx: &Ctx, level: u8) -> (Vec<Span<'static>>, usize) {
    let lang = ctx.model.lang;
    let mut second: Vec<Span<'static>> = Vec::new();
    if let Some(c) = checkpoint(ctx, level) {
        second.push(Span::raw(ctx.t(&c).to_owned()));
        second.push(Span::raw("  "));
    }
    for (i, (text, style)) in light_counts(ctx, level).into_iter().enumerate() {
        if i > 0 {
            second.push(Span::raw(" "));
        }
        second.push(Span::styled(text.get(lang).to_owned(), style));
    }
    let after_counts = second.len();
    second.extend(states(ctx));
    (second, after_counts)
}

/// `full` until the shortening level reaches `at`, then `brief`.
fn short(level: u8, full: Text, brief: Text, at: u8) -> Text {
    if level >= at { brief } else { full }
}

/// The next checkpoint and the days to it.
fn checkpoint(ctx: &Ctx, level: u8) -> Option<Text> {
    let model = ctx.model;
    let short = |full, brief, at| short(level, full, brief, at);
    next_checkpoint(&model.campaign().info, model.today).map(|c| {
        let (n, date, days) = (c.number, c.date.format("%m-%d"), c.days_until);
        match days {
            0 => short(
                tr!("第{n}节点 {date} 今天", "checkpoint {n} {date} today"),
                tr!("第{n}节点 {date} 今天", "CP{n} {date} today"),
                2,
            ),
            1 => short(
                tr!("第{n}节点 {date} 明天", "checkpoint {n} {date} tomorrow"),
                tr!("第{n}节点 {date} 明天", "CP{n} {date} tmrw"),
                2,
            ),
            _ => short(
                tr!(
                    "第{n}节点 {date} 还有{days}天",
                    "checkpoint {n} {date} in {days} days"
                ),
                tr!("第{n}节点 {date} 还有{days}天", "CP{n} {date} +{days}d"),
                2,
            ),
        }
    })
}

/// The tasks in each light, and crossed off.
fn light_counts(ctx: &Ctx, level: u8) -> [(Text, Style); 4] {
    let short = |full, brief, at| short(level, full, brief, at);
    let d = &ctx.model.derived;
    let (red, yellow, green, done) = (d.red, d.yellow, d.green, d.done);
    let (dot, tick) = (ctx.theme.glyphs.light, ctx.theme.glyphs.done);
    [
        (
            short(
                tr!("{dot}红{red}", "{dot}red {red}"),
                tr!("{dot}红{red}", "{dot}R{red}"),
                1,
            ),
            ctx.theme.light(TaskLight::Red),
        ),
        (
            short(
                tr!("{dot}黄{yellow}", "{dot}yellow {yellow}"),
                tr!("{dot}黄{yellow}", "{dot}Y{yellow}"),
                1,
            ),
            ctx.theme.light(TaskLight::Yellow),
        ),
        (
            short(
                tr!("{dot}绿{green}", "{dot}green {green}"),
                tr!("{dot}绿{green}", "{dot}G{green}"),
                1,
            ),
            ctx.theme.light(TaskLight::Green),
        ),
        (
            short(
                tr!("{tick}销号{done}", "{tick}done {done}"),
                tr!("{tick}销号{done}", "{tick}{done}"),
                1,
            ),
            ctx.theme.light(TaskLight::Done),
        ),
    ]
}

/// What the board is showing differently, and what is going on: the sort, the filter, who
/// else has the file open, the edits not yet synced, a sync running, the lanes.
fn states(ctx: &Ctx) -> Vec<Span<'static>> {
    let model = ctx.model;
    let lang = model.lang;
    let mut second: Vec<Span<'static>> = Vec::new();
    if model.sort != Sort::File {
        let label = model.sort.label();
        let (zh, en) = (&label.zh, &label.en);
        let shown = tr!("  [排序:{zh}]", "  [sort: {en}]");
        second.push(Span::styled(shown.get(lang).to_owned(), ctx.theme.key()));
    }
    if let Some(filter) = &model.filter {
        let label = filter.label(model.campaign());
        let (zh, en) = (&label.zh, &label.en);
        let clear = ctx.hints(&[(&[Action::ClearFilter], Text::new("清除", "clears"))]);
        let shown = tr!("  [筛选:{zh} · {clear}]", "  [filter: {en} · {clear}]");
        second.push(Span::styled(
            shown.get(lang).to_owned(),
            ctx.theme.warning(),
        ));
    }
    if !model.others.is_empty() {
        let who = model.others.join(", ");
        let shown = tr!("  [同时打开:{who}]", "  [also open: {who}]");
        second.push(Span::styled(shown.get(lang).to_owned(), ctx.theme.info()));
    }
    if let Some(n) = model
        .unsynced
        .map(crate::app::Unsynced::count)
        .filter(|n| *n > 0)
    {
        let shown = tr!("  [↑{n} 未同步]", "  [↑{n} unsynced]");
        second.push(Span::styled(
            shown.get(lang).to_owned(),
            ctx.theme.warning(),
        ));
    }
    if model.sync_running {
        let cancel = ctx.hints(&[(&[Action::Close], Text::new("取消", "cancels"))]);
        let shown = tr!("  [同步中… {cancel}]", "  [syncing… {cancel}]");
        second.push(Span::styled(shown.get(lang).to_owned(), ctx.theme.info()));
    }
    if model.lanes != crate::app::lanes::Lanes::Status {
        let label = model.lanes.label();
        second.push(Span::styled(
            format!("  [{}]", label.get(lang)),
            ctx.theme.key(),
        ));
    }
    second
}

/// The views as tabs at the right of the first line (`1看板 2站会 3擂台榜 4挂图 5台账`), the one
/// showing reversed; each is a place to click. Left out when the line has no room for them.
fn tabs(frame: &mut Frame, row: Rect, used: usize, ctx: &Ctx, hits: &mut HitMap) {
    let model = ctx.model;
    let current = match model.view {
        View::Standup => Action::ShowStandup,
        View::Leaderboard => Action::ShowLeaderboard,
        View::Wall => Action::ShowWall,
        View::Ledger => Action::ShowLedger,
        View::Detail => match model.detail_from {
            View::Standup => Action::ShowStandup,
            View::Wall => Action::ShowWall,
            View::Ledger => Action::ShowLedger,
            _ => Action::ShowBoard,
        },
        _ => Action::ShowBoard,
    };
    // Full names, else shorter English ones when the line has no room for them.
    let named = |short: bool| -> Vec<(Action, String)> {
        [
            (Action::ShowBoard, Text::new("看板", "Board")),
            (
                Action::ShowStandup,
                Text::new("站会", if short { "Stand" } else { "Stand-up" }),
            ),
            (
                Action::ShowLeaderboard,
                Text::new("擂台榜", if short { "Ranks" } else { "Leaders" }),
            ),
            (Action::ShowWall, Text::new("挂图", "Wall")),
            (Action::ShowLedger, Text::new("台账", "Ledger")),
        ]
        .into_iter()
        .map(|(action, name)| {
            let key = ctx
                .keymap
                .keys(action)
                .first()
                .map_or(String::new(), super::super::app::keymap::Key::label);
            (action, format!("{key}{}", name.get(model.lang)))
        })
        .collect()
    };
    let total_of = |tabs: &[(Action, String)]| {
        tabs.iter()
            .map(|(_, t)| width(t) + 1)
            .sum::<usize>()
            .saturating_sub(1)
    };
    let room = usize::from(row.width);
    let mut tabs = named(false);
    if used + 2 + total_of(&tabs) > room {
        tabs = named(true);
    }
    let total = total_of(&tabs);
    if used + 2 + total > room {
        return;
    }
    let mut x = row.x + (room - total) as u16;
    for (action, text) in tabs {
        let w = width(&text) as u16;
        let style = if action == current {
            ctx.theme.selected()
        } else {
            ctx.theme.key()
        };
        let place = Rect::new(x, row.y, w, 1);
        frame.render_widget(Paragraph::new(Line::styled(text, style)), place);
        hits.add(super::area_of(place), Target::Tab(action));
        x += w + 1;
    }
}

/// Cuts a line of spans to `max` columns by display width.
pub(crate) fn fit_spans(spans: Vec<Span<'_>>, max: u16) -> Line<'_> {
    let mut left = usize::from(max);
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        if left == 0 {
            break;
        }
        let w = width(&span.content);
        if w <= left {
            left -= w;
            out.push(span);
        } else {
            let style: Style = span.style;
            out.push(Span::styled(cut(&span.content, left), style));
            left = 0;
        }
    }
    Line::from(out)
}
