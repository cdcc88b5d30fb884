//! `[[commitments]]` (pledges) and `[[reviews]]` (published leaderboards).

use chrono::NaiveDate;

use super::entry::Entry;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use crate::domain::model::REVIEW_KINDS;
use crate::domain::{Commitment, RankedUnit, Review};
use crate::i18n::Text;
use crate::tr;

const COMMITMENT_KEYS: &[&str] = &[
    "unit",
    "made_on",
    "text",
    "due",
    "kept",
    "by",
    "task",
    "kept_on",
    "broken_on",
    "log",
];
const REVIEW_KEYS: &[&str] = &[
    "checkpoint",
    "date",
    "kind",
    "overall_rate",
    "red_flag",
    "yellow_card",
    "units",
    "red",
    "yellow",
    "note",
    "by",
    "published_on",
];
const REVIEW_UNIT_KEYS: &[&str] = &["unit", "rank", "done", "due", "rate", "red_tasks"];

pub(crate) fn read_commitments(
    root: &Entry,
    f: &mut Findings,
    ids: &mut Ids,
    today: NaiveDate,
) -> Vec<Commitment> {
    let tables = root.tables(f, "commitments");
    let mut out = Vec::with_capacity(tables.len());
    for (n, (table, span)) in tables.into_iter().enumerate() {
        let subject = Text::new(
            format!("第 {} 条承诺", n + 1),
            format!("commitment #{}", n + 1),
        );
        let e = Entry::new(table, span, subject, COMMITMENT_KEYS);
        let unit = e.str(f, "unit", true);
        let made_on = e.date(f, "made_on", true);
        let text = e.str(f, "text", true);
        let due = e.date(f, "due", true);
        let kept = e.bool(f, "kept", true);
        let by = e.str(f, "by", false);
        let task = e.str(f, "task", false);
        let kept_on = e.date(f, "kept_on", false);
        let broken_on = e.date(f, "broken_on", false);
        let log = super::task_parts::read_log(&e, f, ids);
        for (key, kind, value) in [
            ("unit", IdKind::Unit, &unit),
            ("by", IdKind::Person, &by),
            ("task", IdKind::Task, &task),
        ] {
            if let Some(v) = value {
                ids.refer(kind, v, e.value_span(key), &e.subject, key);
            }
        }
        if let Some(d) = kept_on.filter(|d| *d > today) {
            f.warn(
                e.value_span("kept_on"),
                Some(&e.subject),
                tr!(
                    "`kept_on` = {d} 在今天之后",
                    "`kept_on` = {d} is in the future"
                ),
                None,
            );
        }
        e.finish(f);
        if let (Some(unit), Some(made_on), Some(text), Some(due), Some(kept)) =
            (unit, made_on, text, due, kept)
        {
            out.push(Commitment {
                unit,
                made_on,
                text,
                due,
                kept,
                by,
                task,
                kept_on,
                broken_on,
                log,
            });
        }
    }
    out
}

pub(crate) fn read_reviews(root: &Entry, f: &mut Findings, ids: &mut Ids) -> Vec<Review> {
    let tables = root.tables(f, "reviews");
    let mut out = Vec::with_capacity(tables.len());
    let mut seen: Vec<i64> = Vec::with_capacity(tables.len());
    for (n, (table, span)) in tables.into_iter().enumerate() {
        let subject = Text::new(
            format!("第 {} 次擂台榜", n + 1),
            format!("review #{}", n + 1),
        );
        let mut e = Entry::new(table, span, subject, REVIEW_KEYS);
        let checkpoint = e.int_in(f, "checkpoint", true, 1, 10_000);
        if let Some(c) = checkpoint {
            e.subject = (Text::new(
                format!("第 {c} 节点擂台榜"),
                format!("review of checkpoint {c}"),
            ))
            .into();
        }
        if let Some(c) = checkpoint {
            if seen.contains(&c) {
                twice(&e, f, c);
            }
            seen.push(c);
        }
        let date = e.date(f, "date", true);
        let kind = e.str(f, "kind", true);
        if let Some(k) = kind.as_deref().filter(|k| !REVIEW_KINDS.contains(k)) {
            f.warn(
                e.value_span("kind"),
                Some(&e.subject),
                tr!(
                    "擂台榜类型 `{k}` 不是 竞赛 或 督评",
                    "review kind `{k}` is neither 竞赛 (biweekly contest) nor 督评 (monthly review)"
                ),
                Some(Text::new(
                    "写 kind = \"竞赛\"(两周一竞赛)或 kind = \"督评\"(一月一督评)",
                    "write kind = \"竞赛\" (biweekly contest) or kind = \"督评\" (monthly review)",
                )),
            );
        }
        let overall_rate = e.number(f, "overall_rate", true);
        let ref_list =
            |key: &'static str, kind: IdKind, f: &mut Findings, ids: &mut Ids| -> Vec<String> {
                e.str_list(f, key)
                    .into_iter()
                    .map(|(id, span)| {
                        ids.refer(kind, &id, span, &e.subject, key);
                        id
                    })
                    .collect()
            };
        let red_flag = ref_list("red_flag", IdKind::Unit, f, ids);
        let yellow_card = ref_list("yellow_card", IdKind::Unit, f, ids);
        let red = ref_list("red", IdKind::Task, f, ids);
        let yellow = ref_list("yellow", IdKind::Task, f, ids);
        let note = e.str(f, "note", false);
        let by = e.str(f, "by", false);
        if let Some(by) = &by {
            ids.refer(IdKind::Person, by, e.value_span("by"), &e.subject, "by");
        }
        let published_on = e.date(f, "published_on", false);
        let units = read_review_units(&e, f, ids);
        e.finish(f);
        if let (Some(checkpoint), Some(date), Some(kind), Some(overall_rate)) =
            (checkpoint, date, kind, overall_rate)
        {
            out.push(Review {
                checkpoint: checkpoint as u32,
                date,
                kind,
                overall_rate,
                red_flag,
                yellow_card,
                units,
                red,
                yellow,
                note,
                by,
                published_on,
            });
        }
    }
    out
}

/// A second review of checkpoint `c`: both are kept (two copies that both published it were
/// merged), the later one shows.
fn twice(e: &Entry, f: &mut Findings, c: i64) {
    f.warn(
        e.value_span("checkpoint"),
        Some(&e.subject),
        tr!(
            "第{c}节点有两次擂台榜(两份副本合并时都保留了;看板和报表显示后一次)",
            "two reviews of one checkpoint (kept both, as after two copies were merged; the board and reports show the later)"
        ),
        Some(Text::new(
            "若只应有一次,删去不要的那个 [[reviews]] 表",
            "if only one should stand, delete the other [[reviews]] table",
        )),
    );
}

fn read_review_units(review: &Entry, f: &mut Findings, ids: &mut Ids) -> Vec<RankedUnit> {
    let mut out = Vec::new();
    for (table, span) in review.tables(f, "units") {
        let e = Entry::new(table, span, review.subject.clone(), REVIEW_UNIT_KEYS);
        let unit = e.str(f, "unit", true);
        if let Some(u) = &unit {
            ids.refer(IdKind::Unit, u, e.value_span("unit"), &e.subject, "unit");
        }
        let count =
            |key: &str, f: &mut Findings| e.int_in(f, key, true, 0, 1_000_000).map(|n| n as u32);
        let rank = count("rank", f);
        let done = count("done", f);
        let due = count("due", f);
        let red_tasks = count("red_tasks", f);
        let rate = e.number(f, "rate", true);
        e.finish(f);
        if let (Some(unit), Some(rank), Some(done), Some(due), Some(rate), Some(red_tasks)) =
            (unit, rank, done, due, rate, red_tasks)
        {
            out.push(RankedUnit {
                unit,
                rank,
                done,
                due,
                rate,
                red_tasks,
            });
        }
    }
    out
}
