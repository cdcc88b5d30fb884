//! Pledges (承诺践诺): kept, broken, or open — and when open, due soon or overdue.

use chrono::NaiveDate;

use super::model::{Campaign, Commitment};

/// Where a pledge stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PledgeState {
    Kept,
    Broken,
    /// Open, due before today.
    Overdue,
    /// Open, due today or within `warn_days`.
    DueSoon,
    /// Open, due later.
    Open,
}

impl PledgeState {
    /// Open and due soon or overdue: to be checked at the next review.
    pub(crate) fn is_due(self) -> bool {
        matches!(self, PledgeState::Overdue | PledgeState::DueSoon)
    }

    pub(crate) fn text(self) -> crate::i18n::Text {
        let (zh, en) = match self {
            PledgeState::Kept => ("已践诺", "kept"),
            PledgeState::Broken => ("未践诺", "broken"),
            PledgeState::Overdue => ("逾期待查", "overdue"),
            PledgeState::DueSoon => ("临期待查", "due"),
            PledgeState::Open => ("未到期", "open"),
        };
        crate::i18n::Text::new(zh, en)
    }
}

pub(crate) fn pledge_state(c: &Commitment, today: NaiveDate, warn_days: i64) -> PledgeState {
    if c.kept {
        PledgeState::Kept
    } else if c.broken_on.is_some() {
        PledgeState::Broken
    } else if c.due < today {
        PledgeState::Overdue
    } else if (c.due - today).num_days() <= warn_days {
        PledgeState::DueSoon
    } else {
        PledgeState::Open
    }
}

/// Pledges to check (due soon or overdue), as (index in `commitments`, state), by due date.
pub(crate) fn pledges_due(campaign: &Campaign, today: NaiveDate) -> Vec<(usize, PledgeState)> {
    pledges_where(campaign, today, PledgeState::is_due)
}

/// Pledges not yet checked (due later, due soon or overdue), as [`pledges_due`] gives them:
/// a pledge shows from the day it is made until it is checked.
pub(crate) fn pledges_open(campaign: &Campaign, today: NaiveDate) -> Vec<(usize, PledgeState)> {
    pledges_where(campaign, today, |s| s == PledgeState::Open || s.is_due())
}

/// The pledges whose state `keep` takes, by due date (then file order).
fn pledges_where(
    campaign: &Campaign,
    today: NaiveDate,
    keep: impl Fn(PledgeState) -> bool,
) -> Vec<(usize, PledgeState)> {
    let warn = campaign.rules.light.warn_days;
    let mut out: Vec<(usize, PledgeState)> = campaign
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| (i, pledge_state(c, today, warn)))
        .filter(|(_, s)| keep(*s))
        .collect();
    out.sort_by_key(|(i, _)| (campaign.commitments[*i].due, *i));
    out
}

/// One line for pledge `i`: `承诺#1 逾期待查 溪口镇:…(期限 2026-11-15,T08)`.
pub(crate) fn pledge_line(campaign: &Campaign, i: usize, state: PledgeState) -> crate::i18n::Text {
    pledge_line_numbered(campaign, i, state, "#")
}

/// [`pledge_line`] with `mark` between the word and the number (`#`, or `""` for plain text).
pub(crate) fn pledge_line_numbered(
    campaign: &Campaign,
    i: usize,
    state: PledgeState,
    mark: &str,
) -> crate::i18n::Text {
    let Some(p) = campaign.commitments.get(i) else {
        return crate::i18n::Text::new("", "");
    };
    let n = i + 1;
    let unit = campaign
        .unit(&p.unit)
        .map_or(p.unit.as_str(), |u| u.name.as_str());
    let text = crate::sanitize::inert(&p.text);
    let due = p.due;
    let (zh_task, en_task) = p
        .task
        .as_deref()
        .map_or((String::new(), String::new()), |t| {
            (format!(",{t}"), format!(", {t}"))
        });
    let state = state.text();
    crate::i18n::Text::new(
        format!(
            "承诺{mark}{n} {} {unit}:{text}(期限 {due}{zh_task})",
            state.zh
        ),
        format!(
            "pledge {mark}{n} {} {unit}: {text} (due {due}{en_task})",
            state.en
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_support::{campaign, date};

    fn pledge(due: &str, kept: bool, broken: Option<&str>) -> Commitment {
        Commitment {
            unit: "a".into(),
            made_on: date("2026-09-01"),
            text: "t".into(),
            due: date(due),
            kept,
            by: None,
            task: None,
            kept_on: None,
            broken_on: broken.map(date),
            log: Vec::new(),
        }
    }

    #[test]
    fn states_on_a_day() {
        let today = date("2026-09-14");
        let s = |c: &Commitment| pledge_state(c, today, 3);
        assert_eq!(s(&pledge("2026-09-13", false, None)), PledgeState::Overdue);
        assert_eq!(s(&pledge("2026-09-14", false, None)), PledgeState::DueSoon);
        assert_eq!(s(&pledge("2026-09-17", false, None)), PledgeState::DueSoon);
        assert_eq!(s(&pledge("2026-09-18", false, None)), PledgeState::Open);
        assert_eq!(s(&pledge("2026-09-01", true, None)), PledgeState::Kept);
        let broken = pledge("2026-09-01", false, Some("2026-09-10"));
        assert_eq!(s(&broken), PledgeState::Broken);
    }

    #[test]
    fn due_pledges_in_due_order_without_checked_ones() {
        let mut c = campaign(vec![], &["a"]);
        c.commitments = vec![
            pledge("2026-09-16", false, None),
            pledge("2026-09-01", true, None),
            pledge("2026-09-10", false, None),
            pledge("2026-09-30", false, None),
            pledge("2026-09-02", false, Some("2026-09-05")),
        ];
        let due = pledges_due(&c, date("2026-09-14"));
        assert_eq!(due, [(2, PledgeState::Overdue), (0, PledgeState::DueSoon)]);
        let open = pledges_open(&c, date("2026-09-14"));
        assert_eq!(
            open,
            [
                (2, PledgeState::Overdue),
                (0, PledgeState::DueSoon),
                (3, PledgeState::Open)
            ]
        );
    }
}
