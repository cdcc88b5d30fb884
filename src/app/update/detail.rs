//! The detail view's keys, and the board keys that act on a task's milestones and problems.

use super::{Effect, common, done};
use crate::app::action::Action;
use crate::app::model::{Model, Tone, View};
use crate::app::state::mode::Mode;
use crate::app::verbs::{self, Purpose, edit};
use crate::app::{detail_doc, detail_items};
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::store::file::MilestoneRef;
use crate::tr;

pub(super) fn detail(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        model.view = model.detail_from;
        return Vec::new();
    };
    let rows = detail_doc::document(model, index);
    let last = rows.len().saturating_sub(1);
    let task = model.campaign().tasks[index].id.clone();
    model.detail_row = model.detail_row.min(last);
    let item = rows.get(model.detail_row).and_then(|r| r.item);
    match (action, item) {
        (Action::Close | Action::Quit | Action::Open, _) => close(model),
        (Action::Down, _) => model.detail_row = (model.detail_row + 1).min(last),
        (Action::Up, _) => model.detail_row = model.detail_row.saturating_sub(1),
        (Action::PageDown, _) => model.detail_row = (model.detail_row + detail_doc::PAGE).min(last),
        (Action::PageUp, _) => model.detail_row = model.detail_row.saturating_sub(detail_doc::PAGE),
        (Action::First, _) => model.detail_row = 0,
        (Action::Last, _) => model.detail_row = last,
        (Action::Tick, Some(detail_items::Item::Milestone(n))) => {
            let now_done = !model.campaign().tasks[index].milestones[n].done;
            let tick = Edit::Milestone {
                task: task.clone(),
                milestone: MilestoneRef::Index(n),
                done: now_done,
            };
            let result = edit(model, tick);
            let title = model.campaign().tasks[index].milestones[n].title.clone();
            let msg = if now_done {
                tr!("已勾选 {task}:{title}", "ticked {task}: {title}")
            } else {
                tr!("已取消勾选 {task}:{title}", "unticked {task}: {title}")
            };
            return done(model, result, msg);
        }
        (Action::Resolve, Some(detail_items::Item::Problem(p))) => {
            let problem = &model.campaign().tasks[index].problems[p];
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
            verbs::open(model, Purpose::EditMilestone { task, index: n });
        }
        (Action::Edit, _) => verbs::open(model, Purpose::EditTask { task }),
        (Action::Delete, Some(detail_items::Item::Milestone(n))) => {
            model.mode = Mode::ConfirmDeleteMilestone {
                task: index,
                index: n,
            };
        }
        (Action::Delete, Some(detail_items::Item::Problem(_))) => model.say(
            Tone::Warning,
            Text::new(
                "问题不能删除:按 r 记为已解决(写明处理结果)",
                "a problem is not deleted: r records it resolved (with what was done)",
            ),
        ),
        (Action::Tick | Action::Resolve | Action::Delete, _) => model.say(
            Tone::Warning,
            Text::new(
                "先用 ↑↓ 把光标移到一个节点或问题上",
                "move the cursor to a milestone or problem with ↑↓ first",
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
    let task = &model.campaign().tasks[index];
    let Some(next) = crate::domain::task_facts::next_milestone(task) else {
        model.say(
            Tone::Warning,
            Text::new("没有未完成的节点", "no milestone left to tick"),
        );
        return Vec::new();
    };
    let (id, mid, title) = (task.id.clone(), next.id.clone(), next.title.clone());
    let tick = Edit::Milestone {
        task: id.clone(),
        milestone: MilestoneRef::Id(mid),
        done: true,
    };
    let result = edit(model, tick);
    done(
        model,
        result,
        tr!("已勾选 {id}:{title}", "ticked {id}: {title}"),
    )
}

/// `r` on the board: the only open problem, or the detail view to choose one.
pub(super) fn resolve_from_board(model: &mut Model) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        return Vec::new();
    };
    let task = &model.campaign().tasks[index];
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
            let first = detail_items::Item::Problem(*first);
            let from = model.view;
            open_detail(model, from);
            model.detail_row = detail_doc::document(model, index)
                .iter()
                .position(|r| r.item == Some(first))
                .unwrap_or(0);
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

/// Esc in the details: back to where they were opened from.
fn close(model: &mut Model) {
    model.view = match model.detail_from {
        View::Detail => View::Board,
        from => from,
    };
}

/// Opens the selected task's details with the cursor on its first milestone or problem;
/// Esc goes back to `from`.
pub(super) fn open_detail(model: &mut Model, from: View) {
    let Some(index) = model.selected() else {
        return;
    };
    let rows = detail_doc::document(model, index);
    model.detail_row = detail_doc::first_item_row(&rows);
    model.detail_from = from;
    model.view = View::Detail;
}

/// The answer to "delete milestone …?": `y` deletes it (undoable), any other key keeps it.
pub(super) fn confirm_delete_milestone(
    model: &mut Model,
    action: Action,
    task: usize,
    index: usize,
) -> Vec<Effect> {
    if !super::deleting(model, action) {
        return Vec::new();
    }
    let Some(id) = model.campaign().tasks.get(task).map(|t| t.id.clone()) else {
        return Vec::new();
    };
    let delete = Edit::DeleteMilestone {
        task: id.clone(),
        index,
    };
    let result = edit(model, delete);
    model.detail_row = model.detail_row.saturating_sub(1);
    done(
        model,
        result,
        tr!("{id} 节点已删除", "{id}: milestone deleted"),
    )
}
