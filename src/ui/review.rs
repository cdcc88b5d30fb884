//! The review meeting's screen: the step indicator (`第2步/共5步 · 黄牌承诺`), the five steps
//! with the current one marked, what the step is about, its items with what became of each,
//! and the step's keys from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::card::follow_up_mark;
use super::text::{cut, inert, wrap};
use crate::app::action::Action;
use crate::app::review::{Item, Outcome, ReviewFlow, Step};
use crate::domain::follow_up::FollowUp;
use crate::domain::light::TaskLight;
use crate::domain::pledge::{pledge_line, pledge_state};
use crate::i18n::Text;
use crate::tr;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let Some(flow) = ctx.model.review.as_ref() else {
        return;
    };
    let title = Text::new(
        format!(" 督评会 · {} ", flow.step.indicator().zh),
        format!(" Review meeting · {} ", flow.step.indicator().en),
    );
    let block = super::titled_block(ctx, ctx.t(&title), area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);

    let mut top: Vec<Line> = vec![steps_line(ctx, flow, width)];
    for (style, text) in about(ctx, flow) {
        for piece in wrap(&text, width) {
            top.push(Line::styled(piece, style));
        }
    }
    let mut body: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    for (i, (item, outcome)) in flow.items.iter().enumerate() {
        let selected = i == flow.pos;
        if selected {
            cursor_line = body.len();
        }
        let (style, text) = item_row(ctx, flow, item, *outcome);
        let g = &ctx.theme.glyphs;
        let marker = if selected { g.selected } else { " " };
        let style = if selected {
            style.patch(ctx.theme.selected())
        } else {
            style
        };
        for (n, piece) in wrap(&text, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 { marker } else { " " };
            body.push(Line::styled(format!("{lead} {piece}"), style));
        }
    }
    if flow.pos >= flow.items.len() {
        cursor_line = body.len();
        body.push(Line::styled(
            cut(ctx.t(&through(ctx, flow)), width),
            ctx.theme.key().add_modifier(Modifier::BOLD),
        ));
    }
    let keys = super::standup::pack_hints(&hints(ctx, flow), width);
    let keys: Vec<Line> = keys
        .into_iter()
        .take((height / 6).max(1))
        .map(|k| Line::styled(cut(&k, width), ctx.theme.dim()))
        .collect();
    top.truncate(height.saturating_sub(keys.len() + 1).max(1));
    let room = height.saturating_sub(top.len() + keys.len() + 1);
    let scroll = super::detail::scroll_for(cursor_line, body.len(), room);
    let mut lines = top;
    lines.push(Line::raw(""));
    lines.extend(body.into_iter().skip(scroll).take(room));
    while lines.len() + keys.len() < height {
        lines.push(Line::raw(""));
    }
    lines.extend(keys);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `1 发布擂台榜 › 2 黄牌承诺 › …`, the current step reversed, the ones done dim.
fn steps_line(ctx: &Ctx, flow: &ReviewFlow, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    for step in Step::ALL {
        if step.number() > 1 {
            spans.push(Span::styled(" › ", ctx.theme.dim()));
        }
        let style = match step.number().cmp(&flow.step.number()) {
            std::cmp::Ordering::Less => ctx.theme.dim(),
            std::cmp::Ordering::Equal => ctx.theme.selected().add_modifier(Modifier::BOLD),
            std::cmp::Ordering::Greater => Style::new(),
        };
        spans.push(Span::styled(
            format!("{} {}", step.number(), ctx.t(&step.label())),
            style,
        ));
    }
    super::header::fit_spans(spans, u16::try_from(width).unwrap_or(u16::MAX))
}

/// What the step is about, and its note.
fn about(ctx: &Ctx, flow: &ReviewFlow) -> Vec<(Style, String)> {
    let model = ctx.model;
    let campaign = model.campaign();
    let (_, card) = super::leaderboard::marks(ctx);
    let checkpoint = flow.checkpoint.map(|(n, d)| (n, d.format("%m-%d")));
    let text = match (flow.step, checkpoint) {
        (Step::Publish, Some((n, date))) => tr!(
            "本次督评:第{n}节点({date})的擂台榜",
            "This review: the leaderboard of checkpoint {n} ({date})"
        ),
        // The note says no unit is on the bench.
        (Step::Pledges, Some(_)) if flow.items.is_empty() => Text::same(""),
        (Step::Pledges, Some((n, _))) => {
            let count = flow.items.len();
            tr!(
                "第{n}节点黄牌席({card}):{count} 个单位,逐个记录承诺",
                "Checkpoint {n} yellow-card bench ({card}): {count} units, one pledge each"
            )
        }
        (Step::Checks, _) => {
            let count = flow.items.len();
            tr!(
                "到期待查的承诺 {count} 条:逐条核查践诺情况",
                "Pledges due: {count}; mark each kept or broken"
            )
        }
        (Step::FollowUps, _) => {
            let numbers = crate::domain::follow_up::last_reviews(campaign);
            let list = |sep: &str| {
                numbers
                    .map(|l| l.map(|n| n.to_string()).join(sep))
                    .unwrap_or_default()
            };
            let (zh, en) = (list("、"), list(", "));
            let count = flow.items.len();
            Text::new(
                format!("最近三次擂台榜(第{zh}节点)都亮红灯的任务 {count} 个:逐个下达督办"),
                format!("Tasks red at the last three reviews ({en}): {count}; one order each"),
            )
        }
        (Step::Briefing, _) => match &flow.briefing {
            Some(path) => {
                let shown = inert(&path.display().to_string());
                tr!("简报已写入:{shown}", "Briefing written to {shown}")
            }
            None => Text::new("简报", "Briefing"),
        },
        (_, None) => Text::same(""),
    };
    let mut out = Vec::new();
    if !ctx.t(&text).is_empty() {
        out.push((ctx.theme.header(), ctx.t(&text).to_owned()));
    }
    if let Some(note) = &flow.note {
        out.push((ctx.theme.info(), ctx.t(note).to_owned()));
    }
    out
}

/// One item: its outcome mark, what it is and, once done, what was recorded.
fn item_row(ctx: &Ctx, flow: &ReviewFlow, item: &Item, outcome: Outcome) -> (Style, String) {
    let g = &ctx.theme.glyphs;
    let mark = match outcome {
        Outcome::Open => g.upcoming,
        Outcome::Done | Outcome::Kept => g.done,
        Outcome::Broken => g.overdue,
        Outcome::Skipped => "—",
    };
    let text = match item {
        Item::Publish(n) => publish_text(ctx, *n, outcome),
        Item::Unit(unit) => unit_text(ctx, flow, unit, outcome),
        Item::Pledge(i) => pledge_text(ctx, *i, outcome),
        Item::Task(id) => task_text(ctx, id, outcome),
    };
    let style = match outcome {
        Outcome::Open => match item {
            Item::Task(_) => ctx.theme.light(TaskLight::Red),
            _ => Style::new(),
        },
        Outcome::Broken => ctx.theme.light(TaskLight::Red),
        _ => ctx.theme.dim(),
    };
    (style, format!("{mark} {}", ctx.t(&text)))
}

/// `(跳过)`, after an item passed over.
fn skipped() -> Text {
    Text::new("(跳过)", " (skipped)")
}

/// Publishing checkpoint `n`'s leaderboard, and whether it was.
fn publish_text(ctx: &Ctx, n: usize, outcome: Outcome) -> Text {
    let state = match outcome {
        Outcome::Done => Text::new("(已发布)", " (published)"),
        Outcome::Skipped => Text::new("(未发布)", " (not published)"),
        _ => Text::same(""),
    };
    let state = ctx.t(&state).to_owned();
    tr!(
        "发布第{n}节点擂台榜{state}",
        "publish checkpoint {n}{state}"
    )
}

/// A yellow-card unit with its rank and rate, and the pledge it made or still has open.
fn unit_text(ctx: &Ctx, flow: &ReviewFlow, unit: &str, outcome: Outcome) -> Text {
    let model = ctx.model;
    let campaign = model.campaign();
    let g = &ctx.theme.glyphs;
    let skipped = skipped();
    let name = campaign
        .unit(unit)
        .map_or(unit.to_owned(), |u| inert(&u.name));
    let standing = flow
        .board(campaign)
        .and_then(|b| b.units.iter().find(|u| u.unit == *unit).cloned())
        .map(|u| (u.rank, u.rate.round()));
    let (zh, en) = standing.map_or((String::new(), String::new()), |(rank, rate)| {
        (
            format!(" 第{rank}名 {rate}%"),
            format!(" rank {rank}, {rate}%"),
        )
    });
    let pledged = (outcome == Outcome::Done)
        .then(|| {
            campaign.commitments.iter().rev().find(|c| {
                c.unit == unit
                    && (c.made_on == model.today
                        || (!c.kept && c.broken_on.is_none() && c.due >= model.today))
            })
        })
        .flatten()
        .map(|c| (inert(&c.text), c.made_on == model.today, c.due));
    let after = match (outcome, pledged) {
        (_, Some((t, true, _))) => (
            format!(" {} 承诺:{t}", g.arrow),
            format!(" {} pledged: {t}", g.arrow),
        ),
        (_, Some((t, false, due))) => (
            format!(" {} 已有承诺待查:{t}(期限 {due})", g.arrow),
            format!(" {} open pledge: {t} (due {due})", g.arrow),
        ),
        (Outcome::Skipped, None) => (skipped.zh.clone(), skipped.en.clone()),
        _ => (String::new(), String::new()),
    };
    Text::new(
        format!("{name}{zh}{}", after.0),
        format!("{name}{en}{}", after.1),
    )
}

/// A pledge due, as the pledge list says it.
fn pledge_text(ctx: &Ctx, i: usize, outcome: Outcome) -> Text {
    let model = ctx.model;
    let campaign = model.campaign();
    let skipped = skipped();
    let warn = campaign.rules.light.warn_days;
    let line = campaign.commitments.get(i).map_or_else(
        || Text::same(""),
        |c| pledge_line(campaign, i, pledge_state(c, model.today, warn)),
    );
    if outcome == Outcome::Skipped {
        Text::new(line.zh + &skipped.zh, line.en + &skipped.en)
    } else {
        line
    }
}

/// A task due a follow-up order, and the order once issued.
fn task_text(ctx: &Ctx, id: &str, outcome: Outcome) -> Text {
    let model = ctx.model;
    let campaign = model.campaign();
    let g = &ctx.theme.glyphs;
    let skipped = skipped();
    let index = campaign.task_index(id);
    let task = index.map(|i| &campaign.tasks[i]);
    let title = task.map_or(String::new(), |t| inert(&t.title));
    let state = index
        .and_then(|i| model.derived.follow_ups.get(i).copied().flatten())
        .unwrap_or(FollowUp::Due);
    let fu = follow_up_mark(state, model.lang, g);
    let order = task
        .and_then(|t| {
            t.problems
                .iter()
                .rev()
                .find(|p| crate::domain::follow_up::is_order(p))
        })
        .filter(|_| state == FollowUp::Issued)
        .map(|p| inert(&p.id));
    let (zh, en) = match (order, outcome) {
        (Some(p), _) => (
            format!(" {} 已下达 {p}", g.arrow),
            format!(" {} issued as {p}", g.arrow),
        ),
        (None, Outcome::Skipped) => (skipped.zh.clone(), skipped.en.clone()),
        _ => (String::new(), String::new()),
    };
    Text::new(
        format!("{fu} {id} {title}{zh}"),
        format!("{fu} {id} {title}{en}"),
    )
}

/// Past the last item: `本步完成 · Enter 下一步:核查承诺`.
fn through(ctx: &Ctx, flow: &ReviewFlow) -> Text {
    let enter = ctx.keymap.label(Action::Open);
    match flow.step.next() {
        Some(next) => {
            let label = next.label();
            Text::new(
                format!("本步完成 · {enter} 下一步:{}", label.zh),
                format!("step done · {enter} next: {}", label.en),
            )
        }
        None if flow.briefing.is_none() => Text::new(
            format!("简报未写入 · {enter} 重新写入"),
            format!("the briefing was not written · {enter} tries again"),
        ),
        None => Text::new(
            format!("督评会流程完成 · {enter} 结束"),
            format!("the review is done · {enter} ends it"),
        ),
    }
}

/// The step's keys, as the keymap binds them.
fn hints(ctx: &Ctx, flow: &ReviewFlow) -> String {
    let through = flow.pos >= flow.items.len();
    let act = match flow.step {
        _ if through && flow.step != Step::Briefing => Text::new("下一步", "next step"),
        Step::Publish => Text::new("发布", "publish"),
        Step::Pledges => Text::new("记录承诺", "record the pledge"),
        Step::Checks => Text::new("填写核查", "check in a form"),
        Step::FollowUps => Text::new("下达督办", "issue the order"),
        Step::Briefing => Text::new("结束", "finish"),
    };
    let mut items: Vec<(&[Action], Text)> = vec![(&[Action::Open], act)];
    if flow.step == Step::Checks {
        items.push((&[Action::Yes], Text::new("践诺", "kept")));
        items.push((&[Action::No], Text::new("未践诺", "broken")));
    }
    if flow.step != Step::Briefing {
        items.push((&[Action::Down], Text::new("跳过", "skip")));
        items.push((&[Action::Up], Text::new("上一项", "back")));
        items.push((&[Action::Right], Text::new("下一步", "next step")));
    }
    items.push((
        &[Action::Close],
        Text::new("退出流程(已完成的保留)", "leave (what is done stays)"),
    ));
    ctx.hints(&items)
}
