//! The leaderboard report (擂台榜): ranks with ties (并列), the ⚑ and ▮ units named, the red
//! list one task per line.

use super::Ctx;
use crate::domain::countdown::past_checkpoints;
use crate::domain::leaderboard::{Leaderboard, leaderboard_at, rank_text, tie_rule};
use crate::i18n::Text;
use crate::report::doc::{Doc, Section, Table};
use crate::tr;

/// The leaderboard at checkpoint `n` (default: the latest past one; "now" before the first),
/// and whether it is a published review.
pub(super) fn chosen_board(
    x: &Ctx,
    checkpoint: Option<usize>,
) -> Result<(Leaderboard, bool), Text> {
    let past = past_checkpoints(&x.c.info, x.today);
    let chosen = match checkpoint {
        Some(n) => Some(past.iter().find(|(k, _)| *k == n).copied().ok_or_else(|| {
            tr!(
                "第{n}节点还没到,或没有这个节点",
                "checkpoint {n} has not passed yet, or does not exist"
            )
        })?),
        None => past.last().copied(),
    };
    Ok(match chosen {
        Some((n, date)) => match x.c.review(n as u32) {
            Some(r) => (Leaderboard::from_review(r), true),
            None => (leaderboard_at(x.c, Some(n), date), false),
        },
        None => (leaderboard_at(x.c, None, x.today), false),
    })
}

/// Units by name, a tied one with its shared rank: `城建局、交通局(并列1)`.
pub(super) fn named(x: &Ctx, board: &Leaderboard, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            let name = x.unit(Some(id));
            match board.units.iter().find(|u| &u.unit == id) {
                Some(u) if crate::domain::leaderboard::is_tied(&board.units, u.rank) => {
                    format!("{name}({})", rank_text(&board.units, u.rank).get(x.lang))
                }
                _ => name,
            }
        })
        .collect::<Vec<_>>()
        .join(x.t("、", ", ").as_str())
}

/// The red list, one task per line: id, title, lead unit.
pub(super) fn red_lines(x: &Ctx, board: &Leaderboard) -> Vec<String> {
    board
        .red
        .iter()
        .map(|id| match x.c.task(id) {
            Some(t) => format!(
                "{} {id} {}({})",
                x.t("红灯", "red"),
                t.title,
                x.unit(t.lead_unit.as_deref())
            ),
            None => format!("{} {id}", x.t("红灯", "red")),
        })
        .collect()
}

pub(super) fn leaderboard(x: &Ctx, checkpoint: Option<usize>) -> Result<Doc, Text> {
    let (board, published) = chosen_board(x, checkpoint)?;
    let header: Vec<String> = [
        ("名次", "Rank"),
        ("标记", "Mark"),
        ("单位", "Unit"),
        ("完成", "Done"),
        ("应完成", "Due"),
        ("完成率", "Rate"),
        ("红灯任务", "Red tasks"),
    ]
    .iter()
    .map(|(z, e)| x.t(z, e))
    .collect();
    let rows: Vec<Vec<String>> = board
        .units
        .iter()
        .map(|u| {
            let mark = if board.red_flag.contains(&u.unit) {
                "⚑"
            } else if board.yellow_card.contains(&u.unit) {
                "▮"
            } else {
                ""
            };
            vec![
                rank_text(&board.units, u.rank).get(x.lang).to_owned(),
                mark.to_owned(),
                x.unit(Some(&u.unit)),
                u.done.to_string(),
                u.due.to_string(),
                format!("{:.0}%", u.rate),
                u.red_tasks.to_string(),
            ]
        })
        .collect();
    let (done, due, r) = (board.done, board.due, board.rate().round());
    let when = match board.checkpoint {
        Some(n) => tr!("第{n}节点", "checkpoint {n}"),
        None => Text::new("今天", "today"),
    };
    let state = if published {
        x.t("已发布", "published")
    } else {
        x.t("未发布(按规则计算)", "not published (computed)")
    };
    let caption = format!("{} {} · {state}", when.get(x.lang), board.date);
    let mut lines = vec![
        caption.clone(),
        tr!(
            "全县节点完成率 {done}/{due}({r}%)",
            "campaign-wide milestone rate {done}/{due} ({r}%)"
        )
        .get(x.lang)
        .to_owned(),
    ];
    if !board.red_flag.is_empty() {
        let names = named(x, &board, &board.red_flag);
        lines.push(format!("⚑ {}:{names}", x.t("红旗单位", "red flag")));
    }
    if !board.yellow_card.is_empty() {
        let names = named(x, &board, &board.yellow_card);
        lines.push(format!("▮ {}:{names}", x.t("黄牌席", "yellow-card bench")));
    }
    lines.push(tie_rule("⚑", "▮").get(x.lang).to_owned());
    lines.extend(red_lines(x, &board));
    lines.extend(super::pledges::open_lines(x));
    let table = Table { header, rows };
    Ok(Doc {
        sections: vec![Section {
            heading: when.get(x.lang).to_owned(),
            lines,
            table: Some(table.clone()),
        }],
        main: table,
        caption,
        ..Doc::default()
    })
}
