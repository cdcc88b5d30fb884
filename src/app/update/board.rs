//! The board's own keys: moving between cards and columns, moving a card along the statuses,
//! and deleting one once confirmed.

use super::*;

pub(super) fn board(model: &mut Model, action: Action) -> Vec<Effect> {
    let columns = model.derived.columns.len();
    let len = model
        .derived
        .columns
        .get(model.column)
        .map_or(0, |c| c.tasks.len());
    let Some(row) = model.rows.get_mut(model.column) else {
        return Vec::new();
    };
    match action {
        Action::Up => *row = row.saturating_sub(1),
        Action::Down => *row = (*row + 1).min(len.saturating_sub(1)),
        Action::First => *row = 0,
        Action::Last => *row = len.saturating_sub(1),
        Action::Left => model.column = model.column.saturating_sub(1),
        Action::Right => model.column = (model.column + 1).min(columns.saturating_sub(1)),
        Action::Open => {
            super::detail::open_detail(model, View::Board);
        }
        Action::Tick => return tick_next(model),
        Action::Resolve => return resolve_from_board(model),
        Action::Edit => {
            if let Some(task) = selected_task(model) {
                verbs::open(model, Purpose::EditTask { task });
            }
        }
        Action::Delete => {
            if let Some(index) = model.selected() {
                model.mode = Mode::ConfirmDelete(index);
            }
        }
        Action::Search | Action::Filter => {
            let mode = if action == Action::Search {
                PickerMode::Search
            } else {
                PickerMode::Filter
            };
            model.mode = Mode::Picker(Picker::new(mode));
        }
        Action::ClearFilter => {
            if model.filter.take().is_some() {
                model.refresh();
                model.say(Tone::Info, Text::new("已清除筛选", "filter cleared"));
            }
        }
        Action::SwitchView => {
            model.lanes = model.lanes.next();
            let selected = model.selected();
            model.column = 0;
            model.rows.clear();
            model.refresh();
            if let Some(index) = selected {
                model.select_task(index);
            }
            let label = model.lanes.label();
            model.say(Tone::Info, label);
        }
        Action::Quit => return super::quit(model),
        Action::Point(spot) => choose::point(model, spot),
        Action::Sort => return choose::cycle_sort(model),
        other => return common(model, other),
    }
    Vec::new()
}

/// Moves the selected card one status along, if the sign-off rules allow it.
pub(super) fn move_card(model: &mut Model, forward: bool) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        return Vec::new();
    };
    let task = &model.campaign().tasks[index];
    let target = if forward {
        task.status.next()
    } else {
        task.status.previous()
    };
    let Some(target) = target else {
        let text = if forward {
            Text::new("已是最后一个状态", "already in the last status")
        } else {
            Text::new("已是第一个状态", "already in the first status")
        };
        model.say(Tone::Warning, text);
        return Vec::new();
    };
    set_card_status(model, index, target)
}

/// Sets task `index`'s status to `target` in one edit (one history line), the sign-off
/// rules applying; the card stays selected in its new column.
pub(super) fn set_card_status(
    model: &mut Model,
    index: usize,
    target: crate::domain::Status,
) -> Vec<Effect> {
    let Some(task) = model.campaign().tasks.get(index) else {
        return Vec::new();
    };
    let id = task.id.clone();
    let (today, by) = (model.today, model.author.clone());
    let change = Edit::Status {
        task: id.clone(),
        status: target,
    };
    let result = edit(model, change);
    if let (true, Some(i)) = (result.is_ok(), model.campaign().task_index(&id)) {
        if model.lanes == crate::app::lanes::Lanes::Status {
            model.column = target.index();
        }
        model.select_task(i);
    }
    let label = target.label(model.lang);
    let said = if target == crate::domain::Status::Done {
        let campaign = model.campaign();
        let by = by.as_deref().map_or("—".to_owned(), |p| {
            campaign.person(p).map_or(p.to_owned(), |x| x.name.clone())
        });
        tr!(
            "已销号 {id}(签收:{by},{today})",
            "{id} crossed off (signed off by {by}, {today})"
        )
    } else {
        tr!("{id} → {label}", "{id} → {label}")
    };
    done(model, result, said)
}

pub(super) fn confirm_delete(model: &mut Model, action: Action, index: usize) -> Vec<Effect> {
    if !super::deleting(model, action) {
        return Vec::new();
    }
    let Some(id) = model.campaign().tasks.get(index).map(|t| t.id.clone()) else {
        return Vec::new();
    };
    let result = edit(model, Edit::DeleteTask { task: id.clone() });
    done(model, result, tr!("已删除 {id}", "{id} deleted"))
}
