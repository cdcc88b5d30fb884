//! Pledges (承诺践诺) due or overdue, as report lines.

use super::Ctx;
use crate::domain::pledge::pledges_due;

/// One line per pledge to check: `承诺 逾期待查 溪口镇:… (11-15前,T08)`.
pub(super) fn due_lines(x: &Ctx) -> Vec<String> {
    pledges_due(x.c, x.today)
        .into_iter()
        .map(|(i, state)| pledge_line(x, i, state))
        .collect()
}

pub(super) fn pledge_line(x: &Ctx, i: usize, state: crate::domain::pledge::PledgeState) -> String {
    let p = &x.c.commitments[i];
    let sep = x.t(",", ", ");
    let task = p
        .task
        .as_deref()
        .map(|t| format!("{sep}{t}"))
        .unwrap_or_default();
    format!(
        "{} #{} {} {}:{}({} {}{task})",
        x.t("承诺", "pledge"),
        i + 1,
        state.text().get(x.lang),
        x.unit(Some(&p.unit)),
        p.text,
        x.t("期限", "due"),
        p.due
    )
}
