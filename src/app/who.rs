//! "Who are you?": with no `author` in the config, the first edit asks for a person of the
//! file's `[[people]]`, then whether to keep the choice in the config; the edit waits.

use super::action::Action;
use super::effect::Effect;
use super::form::FieldKey;
use super::model::{Mode, Model, Picker, PickerMode, Tone, View};
pub(crate) use super::state::mode::WhoAsk;
use crate::i18n::Text;
use crate::tr;

/// Keys that would record a person or change the file.
fn edits(action: Action) -> bool {
    matches!(
        action,
        Action::MoveNext
            | Action::MovePrevious
            | Action::SetStatus
            | Action::Note
            | Action::Tick
            | Action::Problem
            | Action::Resolve
            | Action::Progress
            | Action::Priority
            | Action::Override
            | Action::AddTask
            | Action::Edit
            | Action::Delete
            | Action::AddMilestone
            | Action::BackSchedule
            | Action::SortMilestones
            | Action::Publish
            | Action::Pledge
            | Action::CheckPledge
    )
}

/// Whether `action` must wait for a name first.
pub(crate) fn must_ask(model: &Model, action: Action) -> bool {
    if !model.ask_author
        || model.author.is_some()
        || model.store.read_only
        || model.campaign().people.is_empty()
    {
        return false;
    }
    match model.mode() {
        Mode::Form(_) => return action == Action::Field(FieldKey::Submit),
        Mode::Browse => {}
        // A list, a question, the export menu, the hall screen: nothing there edits.
        _ => return false,
    }
    match model.view {
        View::Board | View::Detail | View::Standup | View::Leaderboard | View::Wall => {
            edits(action)
        }
        View::Conflicts => {
            model.conflicts_recorded && matches!(action, Action::Type('m' | 't' | 'M' | 'T'))
        }
        _ => false,
    }
}

/// Puts `action` aside (with an open form) and opens the list of people.
pub(crate) fn start(model: &mut Model, action: Action) {
    let form = model.take_form();
    model.mode = Mode::Who(Box::new(WhoAsk {
        action,
        view: model.view,
        form,
        list: Picker::new(PickerMode::Author),
        chosen: None,
    }));
}

/// The list gave a person: record as them from now on, and ask about the config.
pub(crate) fn chosen(model: &mut Model, id: String) {
    model.author = Some(id.clone());
    if let Some(ask) = model.who_mut() {
        ask.chosen = Some(id);
    }
}

/// Esc in the list: the edit is dropped and nothing is recorded.
pub(crate) fn cancelled(model: &mut Model) {
    if let Some(ask) = take(model) {
        back_to(model, ask.form);
    }
    model.say(
        Tone::Warning,
        Text::new(
            "已取消:不选名字就不记录任何修改",
            "cancelled: nothing is recorded without a name",
        ),
    );
}

/// `y` keeps the author in the config file, anything else for this session only; then the
/// edit that waited goes ahead.
pub(crate) fn answer(
    model: &mut Model,
    action: Action,
    replay: impl FnOnce(&mut Model, Action) -> Vec<Effect>,
) -> Vec<Effect> {
    let Some(ask) = take(model) else {
        return Vec::new();
    };
    let id = ask.chosen.clone().unwrap_or_default();
    let mut effects = Vec::new();
    if action == Action::Yes {
        effects.push(Effect::SaveSetting("author", id.clone()));
    } else {
        model.say(
            Tone::Info,
            tr!(
                "本次以 {id} 署名(未写入配置)",
                "recording as {id} for this session (not saved in the config)"
            ),
        );
    }
    model.view = ask.view;
    back_to(model, ask.form);
    effects.extend(replay(model, ask.action));
    effects
}

/// The question is over: the edit that waited, taken out of the mode.
fn take(model: &mut Model) -> Option<WhoAsk> {
    model.who()?;
    match std::mem::replace(&mut model.mode, Mode::Browse) {
        Mode::Who(ask) => Some(*ask),
        _ => None,
    }
}

/// The keys go back to the form put aside, or to the view.
fn back_to(model: &mut Model, form: Option<super::form::Form<super::verbs::Purpose>>) {
    match form {
        Some(form) => model.open_form(form),
        None => model.browse(),
    }
}

/// Whom the footer asks about keeping as `author`: (name, id), once a person is chosen.
pub(crate) fn question(model: &Model) -> Option<(String, String)> {
    let ask = model.who()?;
    let id = ask.chosen.as_deref()?;
    let name = model.campaign().person(id).map_or(id, |p| p.name.as_str());
    Some((name.to_owned(), id.to_owned()))
}

/// The people to choose from, narrowed by what was typed (name, id, unit, title).
pub(crate) fn people(model: &Model, query: &str) -> Vec<(String, String)> {
    let campaign = model.campaign();
    campaign
        .people
        .iter()
        .map(|p| {
            let unit = p
                .unit
                .as_deref()
                .map_or("", |u| campaign.unit(u).map_or(u, |x| x.name.as_str()));
            let title = p.title.as_deref().unwrap_or("");
            let parts = [p.name.as_str(), p.id.as_str(), unit, title];
            let line = parts
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            (p, line)
        })
        .filter(|(_, line)| query.is_empty() || line.to_lowercase().contains(query))
        .map(|(p, line)| (p.id.clone(), line))
        .collect()
}
