//! `update`: the only place state changes. No I/O: saving and quitting come back as effects.

use super::action::Action;
use super::form::FieldKey;
use super::model::{Mode, Model, Picker, PickerMode, Tone, View};
use super::picker;
use super::verbs::{self, Purpose, edit};
use crate::store::edit::apply::Edit;

mod board;
mod choose;
mod detail;
mod leaderboard;
mod ledger;
mod msgs;
mod pledge;
pub(crate) mod queue;
mod review;
pub(crate) mod settle;
mod standup;
pub(crate) mod status;
mod store;
mod typing;
mod undo;
mod wall;

use crate::i18n::Text;
use crate::tr;
use board::{board, confirm_delete, move_card};
use detail::{detail, resolve_from_board, tick_next};
use settle::settle;
use typing::form_input;
use undo::undo;

pub use super::effect::Effect;
pub use msgs::update;

/// A new key clears the last message (typing, and a resize, keep it).
fn before_keys(model: &mut Model, first: Action) {
    if !matches!(
        first,
        Action::Resize | Action::Redraw | Action::Type(_) | Action::Field(_)
    ) {
        model.message = None;
    }
}

/// Applies one action (the day is the model's `today`).
fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Clock => {
            if model.presenting().is_none() {
                return Vec::new();
            }
        }
        Action::Resize => return Vec::new(),
        Action::Redraw => return vec![Effect::Redraw],
        Action::Point(_) => {}
        _ => {
            if model
                .lanes_held
                .is_some_and(|hold| hold.anchor_while(model.column).is_none())
            {
                model.lanes_held = None;
            }
            let rows = &model.rows;
            model.cards_held.retain(|(column, hold)| {
                rows.get(*column)
                    .is_some_and(|&row| hold.anchor_while(row).is_some())
            });
        }
    }
    if let Mode::Present(present) = &mut model.mode {
        return presenting(present, action);
    }
    if model.who().is_some_and(super::who::WhoAsk::asking_to_save) {
        return super::who::answer(model, action, apply);
    }
    if super::who::must_ask(model, action) {
        super::who::start(model, action);
        return Vec::new();
    }
    match *model.mode() {
        Mode::Browse | Mode::Present(_) => {}
        Mode::Form(_) => return form_input(model, action),
        Mode::Picker(_) | Mode::Who(_) => {
            let status = model.picker().and_then(|picker| match picker.mode {
                PickerMode::Status(index) => Some(index),
                _ => None,
            });
            if let (Some(index), Action::Field(FieldKey::Submit)) = (status, action) {
                return status::submit(model, index);
            }
            picker::input(model, action);
            return Vec::new();
        }
        Mode::Export(_) => return super::export::input(model, action),
        Mode::ConfirmQuit => return confirm_quit(model, action),
        Mode::ConfirmDelete(index) => return confirm_delete(model, action, index),
        Mode::ConfirmDeleteMilestone { task, index } => {
            return detail::confirm_delete_milestone(model, action, task, index);
        }
    }
    match model.view {
        View::Help => {
            match action {
                Action::Close | Action::Quit | Action::Help => model.view = View::Board,
                Action::Down => model.help_scroll += 1,
                Action::Up => model.help_scroll = model.help_scroll.saturating_sub(1),
                Action::PageDown => model.help_scroll += 10,
                Action::PageUp => model.help_scroll = model.help_scroll.saturating_sub(10),
                Action::First => model.help_scroll = 0,
                _ => {}
            }
            Vec::new()
        }
        View::Detail => detail(model, action),
        View::Leaderboard => leaderboard::leaderboard(model, action),
        View::Standup => standup::standup(model, action),
        View::Wall => wall::wall(model, action),
        View::Ledger => ledger::ledger(model, action),
        View::Conflicts => settle(model, action),
        View::Review => review::review(model, action),
        View::Board if action == Action::Close && model.sync_running => store::cancel_sync(model),
        View::Board => board(model, action),
    }
}

/// Presentation mode: pages turn by themselves or with the arrows; `q` quits; edits are ignored.
/// `page` only counts: how many pages a cycle has depends on the screen, so the drawing takes
/// it modulo the pages of the screen it draws on (`ui::present::pages`).
fn presenting(present: &mut super::model::Present, action: Action) -> Vec<Effect> {
    match action {
        Action::Clock => {
            present.shown_for += 1;
            if present.shown_for >= present.seconds.max(1) {
                present.page = present.page.wrapping_add(1);
                present.shown_for = 0;
            }
        }
        Action::Right | Action::Down | Action::NextView => {
            present.page = present.page.wrapping_add(1);
            present.shown_for = 0;
        }
        Action::Left | Action::Up => {
            present.page = present.page.saturating_sub(1);
            present.shown_for = 0;
        }
        Action::First => {
            present.page = 0;
            present.shown_for = 0;
        }
        Action::Quit | Action::Close => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// The selected task's id, or a message that there is none.
pub(super) fn selected_task(model: &mut Model) -> Option<String> {
    let id = model.selected_id();
    if id.is_none() {
        model.say(
            Tone::Warning,
            Text::new("没有选中的任务", "no task is selected"),
        );
    }
    id
}

/// Actions that work the same on the board and in the detail view.
pub(super) fn common(model: &mut Model, action: Action) -> Vec<Effect> {
    let open_for = |model: &mut Model, make: fn(String) -> Purpose| {
        if let Some(task) = selected_task(model) {
            verbs::open(model, make(task));
        }
        Vec::new()
    };
    match action {
        Action::MoveNext => move_card(model, true),
        Action::MovePrevious => move_card(model, false),
        Action::SetStatus => status::open(model),
        Action::Note => open_for(model, |task| Purpose::Note { task }),
        Action::Problem => open_for(model, |task| Purpose::Problem { task }),
        Action::Progress => open_for(model, |task| Purpose::Progress { task }),
        Action::Priority => open_for(model, |task| Purpose::Priority { task }),
        Action::Override => open_for(model, |task| Purpose::Override { task }),
        Action::AddMilestone => open_for(model, |task| Purpose::AddMilestone { task }),
        Action::BackSchedule => open_for(model, |task| Purpose::BackSchedule { task }),
        Action::AddTask => {
            verbs::open(model, Purpose::AddTask);
            Vec::new()
        }
        Action::SortMilestones => match selected_task(model) {
            Some(task) => {
                let result = edit(model, Edit::SortMilestones { task: task.clone() });
                done(
                    model,
                    result,
                    tr!(
                        "{task} 节点已按日期排序",
                        "{task}: milestones in date order"
                    ),
                )
            }
            None => Vec::new(),
        },
        Action::ShowBoard => {
            model.view = View::Board;
            Vec::new()
        }
        Action::ShowLeaderboard => {
            model.view = View::Leaderboard;
            Vec::new()
        }
        Action::ShowStandup => {
            standup::show(model);
            Vec::new()
        }
        Action::ShowWall => {
            wall::start(model);
            Vec::new()
        }
        Action::ShowLedger => {
            ledger::show(model);
            Vec::new()
        }
        Action::NextView => {
            match model.view {
                View::Standup => model.view = View::Leaderboard,
                View::Leaderboard => wall::start(model),
                View::Wall => ledger::show(model),
                View::Ledger => model.view = View::Board,
                _ => standup::show(model),
            }
            Vec::new()
        }
        Action::Jump => {
            choose::open_jump(model);
            Vec::new()
        }
        Action::Publish => leaderboard::publish(model),
        Action::Pledge => pledge::pledge(model),
        Action::FollowUp => open_for(model, |task| Purpose::FollowUp { task }),
        Action::Review => review::start(model),
        Action::CheckPledge => pledge::check_pledge(model),
        Action::Export => super::export::open(model),
        Action::Sync => store::sync(model),
        Action::Undo => undo(model, true),
        Action::Redo => undo(model, false),
        Action::Save => save_now(model),
        Action::Help => {
            model.view = View::Help;
            model.help_scroll = 0;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Reports an edit's outcome in the status line, with the key that undoes it.
pub(super) fn done<T>(
    model: &mut Model,
    result: Result<(T, Vec<Effect>), Text>,
    ok: Text,
) -> Vec<Effect> {
    match result {
        Ok((_, effects)) => {
            model.say_undoable(ok);
            effects
        }
        Err(why) => {
            model.say(Tone::Warning, why);
            Vec::new()
        }
    }
}

fn save_now(model: &mut Model) -> Vec<Effect> {
    if model.store.dirty {
        vec![Effect::Save]
    } else {
        model.say(
            Tone::Info,
            Text::new("没有需要保存的修改", "nothing to save"),
        );
        Vec::new()
    }
}

fn quit(model: &mut Model) -> Vec<Effect> {
    if model.store.dirty {
        model.ask_to_quit();
        Vec::new()
    } else {
        vec![Effect::Quit]
    }
}

fn confirm_quit(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Yes => {
            vec![Effect::Quit]
        }
        Action::Save => {
            model.browse();
            vec![Effect::Save, Effect::Quit]
        }
        _ => {
            model.browse();
            Vec::new()
        }
    }
}

/// The answer to a "delete …?" question: the question closes; `y` goes ahead, any other key
/// keeps what was to go (and says so).
pub(super) fn deleting(model: &mut Model, action: Action) -> bool {
    model.browse();
    if action != Action::Yes {
        model.say(Tone::Info, Text::new("未删除", "not deleted"));
    }
    action == Action::Yes
}
