//! Keys of the ledger (台账): rows up and down, `O` for the order, Enter for the task's
//! details, `K` checks a pledge and `r` resolves an order (the leaderboard's and the board's
//! paths).

use super::{Effect, common};
use crate::app::action::Action;
use crate::app::ledger_view::{selected, shown, task_index};
use crate::app::model::{Model, Tone, View};
use crate::app::verbs::{self, Purpose};
use crate::domain::ledger::{Entry, LedgerState};
use crate::i18n::Text;

pub(super) fn show(model: &mut Model) {
    model.view = View::Ledger;
}

pub(super) fn ledger(model: &mut Model, action: Action) -> Vec<Effect> {
    let len = shown(model).len();
    let last = len.saturating_sub(1);
    let row = &mut model.ledger.row;
    match action {
        Action::Down => *row = (*row + 1).min(last),
        Action::Up => *row = row.saturating_sub(1).min(last),
        Action::PageDown => *row = (*row + 10).min(last),
        Action::PageUp => *row = row.saturating_sub(10).min(last),
        Action::First => *row = 0,
        Action::Last => *row = last,
        Action::Sort => {
            model.ledger.order = model.ledger.order.next();
            model.say(Tone::Info, model.ledger.order.text());
        }
        Action::Open => open(model),
        Action::CheckPledge => check(model),
        Action::Resolve => resolve(model),
        Action::Close | Action::Quit | Action::ShowBoard => model.view = View::Board,
        other => {
            if let Some(index) = selected(model).and_then(|r| task_index(model, &r)) {
                model.select_task(index);
            }
            return common(model, other);
        }
    }
    Vec::new()
}

fn open(model: &mut Model) {
    match selected(model).and_then(|r| task_index(model, &r)) {
        Some(index) => {
            model.select_task(index);
            super::detail::open_detail(model, View::Ledger);
        }
        None => model.say(
            Tone::Info,
            Text::new("这一条没有关联任务", "this row names no task"),
        ),
    }
}

fn check(model: &mut Model) {
    match selected(model) {
        Some(r) if r.state.is_settled() => model.say(
            Tone::Info,
            Text::new("这条承诺已核查", "this pledge is already checked"),
        ),
        Some(r) => match r.entry {
            Entry::Pledge(index) => verbs::open(model, Purpose::CheckPledge { index }),
            Entry::Order { .. } => model.say(
                Tone::Info,
                Text::new(
                    "K 核查承诺;督办事项用 r 办结",
                    "K checks a pledge; r closes an order",
                ),
            ),
        },
        None => model.say(Tone::Info, Text::new("台账是空的", "the ledger is empty")),
    }
}

fn resolve(model: &mut Model) {
    let Some(r) = selected(model) else {
        model.say(Tone::Info, Text::new("台账是空的", "the ledger is empty"));
        return;
    };
    match r.entry {
        Entry::Order { .. } if r.state == LedgerState::Closed => model.say(
            Tone::Info,
            Text::new("这项督办已办结", "this order is already closed"),
        ),
        Entry::Order { task, problem } => {
            let campaign = model.campaign();
            let ids = campaign
                .tasks
                .get(task)
                .and_then(|t| Some((t.id.clone(), t.problems.get(problem)?.id.clone())));
            if let Some((task, problem)) = ids {
                verbs::open(model, Purpose::Resolve { task, problem });
            }
        }
        Entry::Pledge(_) => model.say(
            Tone::Info,
            Text::new(
                "r 办结督办;承诺用 K 核查",
                "r closes an order; K checks a pledge",
            ),
        ),
    }
}
