//! The chat-group briefing (工作简报): the campaign today as plain numbered text, ready to
//! paste — the headline, the latest published ⚑/▮ units, the red tasks and the pledges due.

use chrono::NaiveDate;

use super::money::money;
use super::plain::{line, section};
use crate::domain::Campaign;
use crate::domain::countdown::{next_checkpoint, phase, phase_text};
use crate::domain::leaderboard::{Leaderboard, rank_text, rate, unit_tally};
use crate::domain::light::{TaskLight, task_light};
use crate::domain::pledge::{pledge_line_numbered, pledges_due};
use crate::domain::task_facts::blocking_count;
use crate::domain::{RateMode, Review};
use crate::i18n::{Lang, Text};
use crate::tr;

/// `2026年11月22日` / `22 Nov 2026`.
fn long_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => d.format("%Y年%-m月%-d日").to_string(),
        Lang::En => d.format("%-d %b %Y").to_string(),
    }
}

/// `11月23日` / `23 Nov`.
fn short_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => d.format("%-m月%-d日").to_string(),
        Lang::En => d.format("%-d %b").to_string(),
    }
}

fn unit_name(c: &Campaign, id: &str) -> String {
    c.unit(id).map_or(id.to_owned(), |u| u.name.clone())
}

/// Units by name, a tied one with its shared rank (the leaderboard's tie rule):
/// `县经信局、县住建局(并列1)` / `A (1 tied), B (1 tied)`.
fn named(c: &Campaign, board: &Leaderboard, ids: &[String], lang: Lang) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            let name = unit_name(c, id);
            match board.units.iter().find(|u| &u.unit == id) {
                Some(u) if crate::domain::leaderboard::is_tied(&board.units, u.rank) => {
                    let rank = rank_text(&board.units, u.rank);
                    match lang {
                        Lang::Zh => format!("{name}({})", rank.zh),
                        Lang::En => format!("{name} ({})", rank.en),
                    }
                }
                _ => name,
            }
        })
        .collect();
    let none = Text::new("无", "none").get(lang).to_owned();
    if names.is_empty() {
        none
    } else {
        names.join(Text::new("、", ", ").get(lang))
    }
}

fn headline(c: &Campaign, today: NaiveDate, lang: Lang) -> Vec<String> {
    let info = &c.info;
    let mut when = phase_text(&phase(info, today), info.total_days(), lang);
    if let Some(next) = next_checkpoint(info, today) {
        let (n, date) = (next.number, short_date(next.date, lang));
        let wait = match next.days_until {
            0 => tr!("就在今天", "today"),
            1 => tr!("还有1天", "in 1 day"),
            d => tr!("还有{d}天", "in {d} days"),
        };
        let wait = wait.get(lang);
        let next = tr!(
            ";下一攻坚节点:第{n}节点({date}),{wait}",
            "; next checkpoint: {n} ({date}), {wait}"
        );
        when.push_str(next.get(lang));
    }
    let lights: Vec<TaskLight> = c
        .tasks
        .iter()
        .map(|t| task_light(t, &c.rules.light, today).light)
        .collect();
    let count = |l: TaskLight| lights.iter().filter(|x| **x == l).count();
    let (r, y, g, d, n) = (
        count(TaskLight::Red),
        count(TaskLight::Yellow),
        count(TaskLight::Green),
        count(TaskLight::Done),
        c.tasks.len(),
    );
    let tally = unit_tally(c, today, RateMode::Cumulative, None);
    let (done, due) = tally
        .iter()
        .fold((0, 0), |(a, b), t| (a + t.done, b + t.due));
    // Nothing due yet is no rate at all (the contract's "—"), not 100%.
    let pct = if due == 0 {
        "—".to_owned()
    } else {
        format!("{}%", rate(done, due).round())
    };
    let k = blocking_count(&c.tasks);
    let mut lines = vec![
        when,
        tr!(
            "红灯{r}项、黄灯{y}项、绿灯{g}项、已销号{d}项,共{n}项",
            "{r} red, {y} yellow, {g} green, {d} crossed off, of {n} tasks"
        )
        .get(lang)
        .to_owned(),
        tr!(
            "节点完成率{done}/{due}({pct})",
            "milestone rate {done}/{due} ({pct})"
        )
        .get(lang)
        .to_owned(),
        tr!("堵点 {k} 个", "blocking problems (堵点): {k}")
            .get(lang)
            .to_owned(),
    ];
    let invested: Vec<f64> = c.tasks.iter().filter_map(|t| t.investment).collect();
    if !invested.is_empty() {
        let sum = money(invested.iter().sum(), &c.info.investment_unit, lang);
        lines.push(
            tr!("总投资 {sum}", "total investment {sum}")
                .get(lang)
                .to_owned(),
        );
    }
    lines
}

fn review_kind(review: &Review, lang: Lang) -> String {
    match (review.kind.as_str(), lang) {
        ("竞赛", Lang::En) => "biweekly contest".to_owned(),
        ("督评", Lang::En) => "monthly review".to_owned(),
        (kind, _) => line(kind),
    }
}

/// The latest published review: its heading and the ⚑ and ▮ units.
fn flags(c: &Campaign, lang: Lang) -> (String, Vec<String>) {
    let Some(review) = c.reviews.iter().max_by_key(|r| r.checkpoint) else {
        return (
            tr!("擂台榜", "Leaderboard").get(lang).to_owned(),
            vec![
                tr!("尚未发布擂台榜", "no leaderboard published yet")
                    .get(lang)
                    .to_owned(),
            ],
        );
    };
    let board = Leaderboard::from_review(review);
    let (n, date, kind) = (
        review.checkpoint,
        short_date(review.date, lang),
        review_kind(review, lang),
    );
    let pct = board.rate().round();
    // Who published it and when, where the review says.
    let (by_zh, by_en) = c
        .publication(n)
        .map_or((String::new(), String::new()), |p| {
            (format!(",{}", p.zh), format!(", {}", p.en))
        });
    let heading = tr!(
        "擂台榜(第{n}节点,{date}{kind}{by_zh},全县节点完成率{pct}%)",
        "Leaderboard (checkpoint {n}, {date} {kind}{by_en}, campaign-wide rate {pct}%)"
    );
    let flag = named(c, &board, &board.red_flag, lang);
    let card = named(c, &board, &board.yellow_card, lang);
    let lines = vec![
        tr!("⚑ 红旗单位:{flag}", "⚑ red flag: {flag}")
            .get(lang)
            .to_owned(),
        tr!("▮ 黄牌席:{card}", "▮ yellow-card bench: {card}")
            .get(lang)
            .to_owned(),
    ];
    (heading.get(lang).to_owned(), lines)
}

/// The red tasks today, one a line: id, title, lead unit, reasons.
fn red_tasks(c: &Campaign, today: NaiveDate, lang: Lang) -> Vec<String> {
    c.tasks
        .iter()
        .filter_map(|t| {
            let verdict = task_light(t, &c.rules.light, today);
            (verdict.light == TaskLight::Red).then(|| {
                let reasons = verdict
                    .reasons
                    .iter()
                    .map(|r| r.text(t).get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(Text::new(";", "; ").get(lang));
                let unit = t.lead_unit.as_deref().map_or_else(
                    || Text::new("未定", "none").get(lang).to_owned(),
                    |u| unit_name(c, u),
                );
                let (id, title) = (&t.id, &t.title);
                tr!(
                    "{id} {title}(牵头单位:{unit}):{reasons}",
                    "{id} {title} (lead unit: {unit}): {reasons}"
                )
                .get(lang)
                .to_owned()
            })
        })
        .collect()
}

/// The tasks red at each of the last three published reviews, one a line: whether a
/// follow-up order (督办) was issued, to which unit and by when.
fn follow_ups(c: &Campaign, lang: Lang) -> Vec<String> {
    use crate::domain::follow_up::{FollowUp, latest_review_date, order_for, states};
    let since = latest_review_date(c);
    c.tasks
        .iter()
        .zip(states(c))
        .filter_map(|(t, state)| {
            let (id, title) = (&t.id, &t.title);
            let line = match (state?, order_for(t, since)) {
                (FollowUp::Issued, Some(order)) => {
                    let unit = order
                        .owner
                        .as_deref()
                        .or(t.lead_unit.as_deref())
                        .map_or_else(String::new, |u| unit_name(c, u));
                    let due = order.due.map_or_else(String::new, |d| short_date(d, lang));
                    tr!(
                        "{id} {title}:已下达督办,责任单位{unit},限{due}前整改到位",
                        "{id} {title}: follow-up order issued to {unit}, to be put right by {due}"
                    )
                }
                _ => tr!(
                    "{id} {title}:连续三次红灯,尚未下达督办",
                    "{id} {title}: red at three reviews in a row, no follow-up order yet"
                ),
            };
            Some(line.get(lang).to_owned())
        })
        .collect()
}

/// The briefing of `campaign` on `today`, in `lang`: plain text with 一、/(一) numbering
/// (1. / (1) in English) and no Markdown marks, ready to paste into a chat group.
pub fn briefing(campaign: &Campaign, today: NaiveDate, lang: Lang) -> String {
    let c = &*campaign.as_of(today);
    let title = tr!("工作简报", "Briefing");
    let mut out = format!(
        "{} {}\n{}\n\n",
        line(&c.info.name),
        title.get(lang),
        long_date(today, lang)
    );
    let (board_heading, board_lines) = flags(c, lang);
    let reds = red_tasks(c, today, lang);
    let pledges: Vec<String> = pledges_due(c, today)
        .into_iter()
        .map(|(i, state)| pledge_line_numbered(c, i, state, "").get(lang).to_owned())
        .collect();
    let orders = follow_ups(c, lang);
    let none = || vec![Text::new("无", "none").get(lang).to_owned()];
    let n_red = reds.len();
    let parts = [
        (tr!("总体情况", "Overview"), headline(c, today, lang)),
        (Text::same(board_heading), board_lines),
        (
            tr!("红灯任务({n_red}项)", "Red tasks ({n_red})"),
            if reds.is_empty() { none() } else { reds },
        ),
        (
            tr!("承诺到期待查", "Pledges due"),
            if pledges.is_empty() { none() } else { pledges },
        ),
        (
            tr!("督办事项", "Follow-up orders"),
            if orders.is_empty() { none() } else { orders },
        ),
    ];
    for (n, (heading, items)) in parts.iter().enumerate() {
        section(&mut out, n + 1, heading.get(lang), items, lang);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
