//! The detail view's keys, and the board keys that act on a task's milestones and problems.

use super::{Effect, common, done};
use crate::app::action::Action;
use crate::app::detail_items;
use crate::app::model::{Model, Tone, View};
use crate::app::verbs::{self, Purpose, edit};
use crate::i18n::Text;
use crate::store::file::MilestoneRef;
use crate::tr;

pub(super) fn detail(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        model.view = View::Board;
        return Vec::new();
    };
    let items = detail_items::items(&model.file.campaign.tasks[index]);
    let task = model.file.campaign.tasks[index].id.clone();
    let item = items.get(model.detail_item).copied();
    match (action, item) {
        (Action::Close | Action::Quit | Action::Open, _) => model.view = View::Board,
        (Action::Down, _) => {
            model.detail_item = (model.detail_item + 1).min(items.len().saturating_sub(1))
        }
        (Action::Up, _) => model.detail_item = model.detail_item.saturating_sub(1),
        (Action::First, _) => model.detail_item = 0,
        (Action::Last, _) => model.detail_item = items.len().saturating_sub(1),
        (Action::Tick, Some(detail_items::Item::Milestone(n))) => {
            let now_done = !model.file.campaign.tasks[index].milestones[n].done;
            let today = model.today;
            let result = edit(model, |f| {
                f.set_milestone_done(&task, MilestoneRef::Index(n), now_done, today)
            });
            let msg = if now_done {
                tr!("{task} 节点已勾选", "{task}: milestone ticked")
            } else {
                tr!("{task} 节点已取消勾选", "{task}: milestone unticked")
            };
            return done(model, result, msg);
        }
        (Action::Resolve, Some(detail_items::Item::Problem(p))) => {
            let problem = &model.file.campaign.tasks[index].problems[p];
            if problem.resolved {
                model.say(
                    Tone::Warning,
                    Text::new("这个问题已解决", "this problem is already resolved"),
                );
            } else {
                let problem = problem.id.clone();
                verbs::open(model, Purpose::Resolve { task, problem });
            }
        }
        (Action::Edit, Some(detail_items::Item::Milestone(n))) => {
            verbs::open(model, Purpose::EditMilestone { task, index: n })
        }
        (Action::Edit, _) => verbs::open(model, Purpose::EditTask { task }),
        (Action::Delete, Some(detail_items::Item::Milestone(n))) => {
            let result = edit(model, |f| f.delete_milestone(&task, n));
            model.detail_item = model.detail_item.saturating_sub(1);
            return done(
                model,
                result,
                tr!(
                    "{task} 节点已删除(u 撤销)",
                    "{task}: milestone deleted (u undoes)"
                ),
            );
        }
        (Action::Tick | Action::Resolve | Action::Delete, _) => model.say(
            Tone::Warning,
            Text::new(
                "先用 ↑↓ 选中一个节点或问题",
                "select a milestone or problem with ↑↓ first",
            ),
        ),
        (other, _) => return common(model, other),
    }
    Vec::new()
}

/// `x` on the board: ticks the next undone milestone (done_on = today).
pub(super) fn tick_next(model: &mut Model) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        return Vec::new();
    };
    let task = &model.file.campaign.tasks[index];
    let Some(next) = crate::domain::task_facts::next_milestone(task) else {
        model.say(
            Tone::Warning,
            Text::new("没有未完成的节点", "no milestone left to tick"),
        );
        return Vec::new();
    };
    let (id, mid, title) = (task.id.clone(), next.id.clone(), next.title.clone());
    let today = model.today;
    let result = edit(model, |f| {
        f.set_milestone_done(&id, MilestoneRef::Id(mid), true, today)
    });
    done(
        model,
        result,
        tr!("{id} 完成节点:{title}", "{id}: done — {title}"),
    )
}

/// `r` on the board: the only open problem, or the detail view to choose one.
pub(super) fn resolve_from_board(model: &mut Model) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        return Vec::new();
    };
    let task = &model.file.campaign.tasks[index];
    let open: Vec<usize> = (0..task.problems.len())
        .filter(|&p| !task.problems[p].resolved)
        .collect();
    match open.as_slice() {
        [] => model.say(
            Tone::Warning,
            Text::new("没有未解决的问题", "no open problem"),
        ),
        [p] => {
            let (task, problem) = (task.id.clone(), task.problems[*p].id.clone());
            verbs::open(model, Purpose::Resolve { task, problem });
        }
        [first, ..] => {
            let position = detail_items::items(task)
                .iter()
                .position(|i| *i == detail_items::Item::Problem(*first))
                .unwrap_or(0);
            model.view = View::Detail;
            model.detail_item = position;
            model.say(
                Tone::Info,
                Text::new(
                    "有多个问题:选中后按 r",
                    "several problems: select one, then press r",
                ),
            );
        }
    }
    Vec::new()
}
