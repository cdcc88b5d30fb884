//! Ranking units and its ties (并列): the order, shared ranks, and the seats at the lines.

use super::RankedUnit;

/// The ranking order without the id: rate (descending), red tasks (ascending), milestones due
/// (descending). Units equal here are tied (并列).
pub(super) fn standing(a: &RankedUnit, b: &RankedUnit) -> std::cmp::Ordering {
    b.rate
        .total_cmp(&a.rate)
        .then(a.red_tasks.cmp(&b.red_tasks))
        .then(b.due.cmp(&a.due))
}

/// Competition ranks (1, 2, 2, 4) over units already sorted by [`standing`].
pub(super) fn assign_ranks(units: &mut [RankedUnit]) {
    for i in 0..units.len() {
        units[i].rank = if i > 0 && standing(&units[i - 1], &units[i]).is_eq() {
            units[i - 1].rank
        } else {
            i as u32 + 1
        };
    }
}

/// ▮ The bottom `bottom` units below 100%, and every unit tied with the last of them, in rank
/// order: no seat is decided by an id.
pub(super) fn bench(units: &[RankedUnit], bottom: usize) -> Vec<String> {
    let below: Vec<&RankedUnit> = units.iter().filter(|u| u.done < u.due).collect();
    if bottom == 0 || below.is_empty() {
        return Vec::new();
    }
    let first = below.len().saturating_sub(bottom);
    let edge = below[first].rank;
    below
        .iter()
        .filter(|u| u.rank >= edge)
        .map(|u| u.unit.clone())
        .collect()
}

/// Whether `rank` is shared by more than one unit on `board` (shown as 并列 / "tied").
pub(crate) fn is_tied(units: &[RankedUnit], rank: u32) -> bool {
    units.iter().filter(|u| u.rank == rank).count() > 1
}

/// A unit's rank as shown: `3`, or `并列3` / `3 tied` when shared.
pub(crate) fn rank_text(units: &[RankedUnit], rank: u32) -> crate::i18n::Text {
    if is_tied(units, rank) {
        crate::tr!("并列{rank}", "{rank} tied")
    } else {
        crate::i18n::Text::new(rank.to_string(), rank.to_string())
    }
}

/// The bench stretched by a tie at its line, said once when publishing: `None` when the
/// yellow cards are no more than the rule's `bottom` seats.
pub(crate) fn bench_stretch(
    units: &[RankedUnit],
    card: &[String],
    bottom: usize,
) -> Option<crate::i18n::Text> {
    let n = card.len();
    if bottom == 0 || n <= bottom {
        return None;
    }
    let edge = units
        .iter()
        .filter(|u| card.contains(&u.unit))
        .map(|u| u.rank)
        .min()?;
    let tied = units
        .iter()
        .filter(|u| u.rank == edge && card.contains(&u.unit))
        .count();
    Some(crate::tr!(
        "▮ 黄牌席 {n} 个:规则 {bottom} 个,第{edge}名 {tied} 个单位并列",
        "▮ {n} yellow-card seats: the rule says {bottom}, {tied} units tied at rank {edge}"
    ))
}

/// The tie rule, for legends (fits 80 columns), with the glyphs in use for ⚑ and ▮.
pub(crate) fn tie_rule(flag: &str, card: &str) -> crate::i18n::Text {
    crate::tr!(
        "并列:完成率、红灯数、应完成数都相同则名次相同,线上并列者都得{flag}/{card}",
        "tied: equal rate, red tasks and due share a rank; all tied at a line get {flag}/{card}"
    )
}
