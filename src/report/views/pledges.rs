//! Pledges (承诺践诺) due or overdue, as report lines.

use super::Ctx;
use crate::domain::pledge::{pledge_line, pledges_due, pledges_open};

/// One line per pledge to check: `承诺#1 逾期待查 溪口镇:…(期限 2026-11-15,T08)`.
pub(super) fn due_lines(x: &Ctx) -> Vec<String> {
    pledges_due(x.c, x.today)
        .into_iter()
        .map(|(i, state)| pledge_line(x.c, i, state).get(x.lang).to_owned())
        .collect()
}

/// One line per pledge not yet checked, due or not (the leaderboard's briefing: a pledge made
/// at a review shows until it is checked).
pub(super) fn open_lines(x: &Ctx) -> Vec<String> {
    pledges_open(x.c, x.today)
        .into_iter()
        .map(|(i, state)| pledge_line(x.c, i, state).get(x.lang).to_owned())
        .collect()
}
