//! The review ledger (台账): every pledge (承诺践诺) and every follow-up order (督办), one row
//! each, with its state on a day. Pure: a function of (campaign, today).

use chrono::NaiveDate;

use super::follow_up::is_order;
use super::model::Campaign;
use super::pledge::{PledgeState, pledge_state};
use crate::i18n::Text;

/// Where a row of the ledger stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LedgerState {
    /// A pledge not yet checked, due today or later (待查).
    Pending,
    /// A pledge checked and kept (已践诺).
    Kept,
    /// A pledge checked and broken (未践诺).
    Broken,
    /// A pledge past its due date and not checked (逾期未查).
    Lapsed,
    /// An order being dealt with (办理中).
    Handling,
    /// An order resolved (已办结).
    Closed,
    /// An order past its fix-by date and not resolved (逾期).
    Overdue,
}

impl LedgerState {
    pub(crate) fn text(self) -> Text {
        let (zh, en) = match self {
            LedgerState::Pending => ("待查", "to check"),
            LedgerState::Kept => ("已践诺", "kept"),
            LedgerState::Broken => ("未践诺", "broken"),
            LedgerState::Lapsed => ("逾期未查", "overdue, unchecked"),
            LedgerState::Handling => ("办理中", "in hand"),
            LedgerState::Closed => ("已办结", "closed"),
            LedgerState::Overdue => ("逾期", "overdue"),
        };
        Text::new(zh, en)
    }

    /// Late: a pledge unchecked past its date, an order open past its date.
    pub(crate) fn is_late(self) -> bool {
        matches!(self, LedgerState::Lapsed | LedgerState::Overdue)
    }

    /// Settled: nothing more to do.
    pub(crate) fn is_settled(self) -> bool {
        matches!(
            self,
            LedgerState::Kept | LedgerState::Broken | LedgerState::Closed
        )
    }
}

/// What a row stands for, as indices into the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// `commitments[index]`.
    Pledge(usize),
    /// `tasks[task].problems[problem]`, a problem of kind 督办.
    Order { task: usize, problem: usize },
}

/// One row of the ledger (ids, not names: the views look names up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub(crate) entry: Entry,
    /// The unit (pledges: the pledging unit; orders: the owner, else the task's lead unit).
    pub(crate) unit: Option<String>,
    /// The task id, if any.
    pub(crate) task: Option<String>,
    pub(crate) text: String,
    /// Made (pledges) or issued (orders) on.
    pub(crate) made: NaiveDate,
    pub(crate) due: Option<NaiveDate>,
    pub(crate) state: LedgerState,
    /// Who recorded it (pledges: `by`; orders: the coordinator), a person id.
    pub(crate) by: Option<String>,
}

/// The order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LedgerOrder {
    /// By due date (none last), then by the day made.
    #[default]
    Due,
    /// By unit (in the file's order of units), then by due date.
    Unit,
}

impl LedgerOrder {
    pub(crate) fn next(self) -> Self {
        match self {
            LedgerOrder::Due => LedgerOrder::Unit,
            LedgerOrder::Unit => LedgerOrder::Due,
        }
    }

    pub(crate) fn text(self) -> Text {
        match self {
            LedgerOrder::Due => Text::new("按期限", "by due date"),
            LedgerOrder::Unit => Text::new("按单位", "by unit"),
        }
    }
}

/// The two sections: pledges and follow-up orders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub(crate) pledges: Vec<Row>,
    pub(crate) orders: Vec<Row>,
}

impl Ledger {
    /// Pledges first, then orders: the rows as the board lists them.
    pub(crate) fn rows(&self) -> impl Iterator<Item = &Row> {
        self.pledges.iter().chain(&self.orders)
    }

    pub(crate) fn len(&self) -> usize {
        self.pledges.len() + self.orders.len()
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Row> {
        self.rows().nth(i)
    }
}

/// A pledge's ledger state on `today`.
pub(crate) fn pledge_ledger_state(state: PledgeState) -> LedgerState {
    match state {
        PledgeState::Kept => LedgerState::Kept,
        PledgeState::Broken => LedgerState::Broken,
        PledgeState::Overdue => LedgerState::Lapsed,
        PledgeState::DueSoon | PledgeState::Open => LedgerState::Pending,
    }
}

/// The ledger as of `today`, in `order`.
pub(crate) fn ledger(campaign: &Campaign, today: NaiveDate, order: LedgerOrder) -> Ledger {
    let warn = campaign.rules.light.warn_days;
    let mut pledges: Vec<Row> = campaign
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| Row {
            entry: Entry::Pledge(i),
            unit: Some(c.unit.clone()),
            task: c.task.clone(),
            text: c.text.clone(),
            made: c.made_on,
            due: Some(c.due),
            state: pledge_ledger_state(pledge_state(c, today, warn)),
            by: c.by.clone(),
        })
        .collect();
    let mut orders = Vec::new();
    for (ti, t) in campaign.tasks.iter().enumerate() {
        for (pi, p) in t.problems.iter().enumerate().filter(|(_, p)| is_order(p)) {
            let state = if p.resolved {
                LedgerState::Closed
            } else if p.due.is_some_and(|d| d < today) {
                LedgerState::Overdue
            } else {
                LedgerState::Handling
            };
            orders.push(Row {
                entry: Entry::Order {
                    task: ti,
                    problem: pi,
                },
                unit: p.owner.clone().or_else(|| t.lead_unit.clone()),
                task: Some(t.id.clone()),
                text: p.text.clone(),
                made: p.raised,
                due: p.due,
                state,
                by: p.coordinator.clone(),
            });
        }
    }
    sort(campaign, &mut pledges, order);
    sort(campaign, &mut orders, order);
    Ledger { pledges, orders }
}

/// Sorts stably: rows with the same key keep the file's order.
fn sort(campaign: &Campaign, rows: &mut [Row], order: LedgerOrder) {
    let unit_rank = |u: &Option<String>| {
        u.as_deref()
            .and_then(|u| campaign.units.iter().position(|x| x.id == u))
            .unwrap_or(usize::MAX)
    };
    let due = |r: &Row| (r.due.is_none(), r.due, r.made);
    match order {
        LedgerOrder::Due => rows.sort_by_key(due),
        LedgerOrder::Unit => rows.sort_by_key(|r| (unit_rank(&r.unit), due(r))),
    }
}

/// Per unit id: whether it has a pledge not yet checked (待查 or 逾期未查).
pub(crate) fn has_open_pledge(campaign: &Campaign, unit: &str) -> bool {
    campaign
        .commitments
        .iter()
        .any(|c| c.unit == unit && !c.kept && c.broken_on.is_none())
}

/// The pledge of `unit` still running on `today` (not checked, due today or later), the
/// latest made: a yellow-card unit that has one is shown it at the review rather than asked
/// for another. A pledge past its date is checked at the review instead.
pub(crate) fn running_pledge(campaign: &Campaign, unit: &str, today: NaiveDate) -> Option<usize> {
    campaign
        .commitments
        .iter()
        .rposition(|c| c.unit == unit && !c.kept && c.broken_on.is_none() && c.due >= today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Commitment;
    use crate::domain::status::Status;
    use crate::domain::test_support::{campaign, date, problem, task};

    fn pledge(unit: &str, due: &str, kept: bool, broken: Option<&str>) -> Commitment {
        Commitment {
            unit: unit.into(),
            made_on: date("2026-09-01"),
            text: format!("诺{due}"),
            due: date(due),
            kept,
            by: Some("p1".into()),
            task: None,
            kept_on: kept.then(|| date("2026-09-10")),
            broken_on: broken.map(date),
            log: Vec::new(),
        }
    }

    fn order(id: &str, due: Option<&str>, resolved_on: Option<&str>) -> crate::domain::Problem {
        let mut p = problem(id, "2026-09-05", due, resolved_on);
        p.kind = Some(super::super::follow_up::KIND.to_owned());
        p.coordinator = Some("boss".into());
        p
    }

    fn sample() -> Campaign {
        let mut t1 = task("T1", "b", Status::InProgress, "2026-12-01", &[]);
        t1.problems = vec![
            order("T1-P1", Some("2026-09-13"), None),
            problem("T1-P2", "2026-09-02", None, None),
            order("T1-P3", Some("2026-09-20"), Some("2026-09-12")),
        ];
        let mut t2 = task("T2", "a", Status::InProgress, "2026-12-01", &[]);
        let mut owned = order("T2-P1", Some("2026-09-30"), None);
        owned.owner = Some("b".into());
        t2.problems = vec![owned, order("T2-P2", None, None)];
        let mut c = campaign(vec![t1, t2], &["a", "b"]);
        c.commitments = vec![
            pledge("b", "2026-09-20", false, None),
            pledge("a", "2026-09-13", false, None),
            pledge("a", "2026-09-12", true, None),
            pledge("b", "2026-09-11", false, Some("2026-09-12")),
            pledge("a", "2026-09-14", false, None),
        ];
        c
    }

    #[test]
    fn pledge_states_on_a_fixed_day() {
        let l = ledger(&sample(), date("2026-09-14"), LedgerOrder::Due);
        let got: Vec<(Entry, LedgerState)> = l.pledges.iter().map(|r| (r.entry, r.state)).collect();
        assert_eq!(
            got,
            [
                (Entry::Pledge(3), LedgerState::Broken),
                (Entry::Pledge(2), LedgerState::Kept),
                (Entry::Pledge(1), LedgerState::Lapsed),
                (Entry::Pledge(4), LedgerState::Pending),
                (Entry::Pledge(0), LedgerState::Pending),
            ]
        );
        assert_eq!(l.pledges[0].by.as_deref(), Some("p1"));
        assert_eq!(LedgerState::Lapsed.text().zh, "逾期未查");
    }

    #[test]
    fn orders_only_of_kind_督办_with_their_states() {
        let l = ledger(&sample(), date("2026-09-14"), LedgerOrder::Due);
        let got: Vec<(&str, LedgerState, Option<&str>)> = l
            .orders
            .iter()
            .map(|r| (r.text.as_str(), r.state, r.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("问题T1-P1", LedgerState::Overdue, Some("b")),
                ("问题T1-P3", LedgerState::Closed, Some("b")),
                ("问题T2-P1", LedgerState::Handling, Some("b")),
                ("问题T2-P2", LedgerState::Handling, Some("a")),
            ]
        );
        assert_eq!(l.orders[0].by.as_deref(), Some("boss"));
        assert_eq!(l.orders[0].task.as_deref(), Some("T1"));
        // The day before the fix-by date it is still in hand.
        let before = ledger(&sample(), date("2026-09-13"), LedgerOrder::Due);
        assert_eq!(before.orders[0].state, LedgerState::Handling);
    }

    #[test]
    fn by_unit_in_file_order_then_due() {
        let l = ledger(&sample(), date("2026-09-14"), LedgerOrder::Unit);
        let units: Vec<(&str, usize)> = l
            .pledges
            .iter()
            .map(|r| match r.entry {
                Entry::Pledge(i) => (r.unit.as_deref().unwrap_or(""), i),
                Entry::Order { .. } => ("", 99),
            })
            .collect();
        assert_eq!(units, [("a", 2), ("a", 1), ("a", 4), ("b", 3), ("b", 0)]);
        let orders: Vec<Option<&str>> = l.orders.iter().map(|r| r.unit.as_deref()).collect();
        assert_eq!(orders, [Some("a"), Some("b"), Some("b"), Some("b")]);
        assert_eq!(l.len(), 9);
        assert_eq!(l.get(5).map(|r| r.unit.as_deref()), Some(Some("a")));
    }

    #[test]
    fn open_pledge_per_unit() {
        let mut c = sample();
        assert!(has_open_pledge(&c, "a"));
        assert!(has_open_pledge(&c, "b"));
        // b's pledge #0 (due 09-20) runs until its day; a's #1 (due 09-13) has lapsed, #4 runs.
        assert_eq!(running_pledge(&c, "b", date("2026-09-20")), Some(0));
        assert_eq!(running_pledge(&c, "b", date("2026-09-21")), None);
        assert_eq!(running_pledge(&c, "a", date("2026-09-14")), Some(4));
        c.commitments.retain(|p| p.unit == "a");
        assert!(!has_open_pledge(&c, "b"));
    }
}
