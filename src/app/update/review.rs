//! Keys of the review meeting (`R`): Enter acts on the item under the cursor (publish,
//! record a pledge, check one, issue a follow-up order) or, past the last item, goes to the
//! next step; Space/↓ skips an item, → skips the rest of the step; `y` / `N` mark a pledge
//! kept / broken; Esc leaves the flow, keeping everything done so far. Esc in a form the flow
//! opened skips that item.

use super::{Effect, done};
use crate::app::action::Action;
use crate::app::form::Kind;
use crate::app::input::TextInput;
use crate::app::model::{Model, Tone, View};
use crate::app::review::{Item, Outcome, ReviewFlow, Step};
use crate::app::verbs::{self, Purpose, edit};
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

/// `R`: starts the flow at its first step, or goes back to one that was interrupted (a save
/// that asked about conflicts took the screen).
pub(super) fn start(model: &mut Model) -> Vec<Effect> {
    if model.review.is_some() && model.view != View::Review {
        model.view = View::Review;
        return Vec::new();
    }
    let from = match model.view {
        View::Review => model.review.as_ref().map_or(View::Board, |r| r.from),
        View::Detail | View::Leaderboard | View::Standup | View::Wall | View::Ledger => model.view,
        _ => View::Board,
    };
    model.review = Some(ReviewFlow::new(model.campaign(), model.today, from));
    model.view = View::Review;
    Vec::new()
}

pub(super) fn review(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(flow) = model.review.as_mut() else {
        model.view = View::Board;
        return Vec::new();
    };
    let len = flow.items.len();
    match action {
        Action::Close | Action::Quit => leave(model),
        Action::Down => {
            if flow.current().is_some_and(|(_, o)| *o == Outcome::Open) {
                flow.settle(Outcome::Skipped);
            } else {
                flow.pos = (flow.pos + 1).min(len);
            }
        }
        Action::Up => flow.pos = flow.pos.saturating_sub(1),
        Action::First => flow.pos = 0,
        Action::Right => return next_step(model),
        Action::Open => match flow.current().cloned() {
            None => return next_step(model),
            Some((_, Outcome::Done | Outcome::Kept | Outcome::Broken)) => {
                flow.pos = flow.first_open(flow.pos + 1);
            }
            Some((item, _)) => act(model, item),
        },
        Action::Yes | Action::No => {
            if let Some((Item::Pledge(index), _)) = flow.current().cloned() {
                return check(model, index, action == Action::Yes);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Esc: back where the flow was started; what was recorded stays.
fn leave(model: &mut Model) {
    let from = model.review.take().map_or(View::Board, |r| r.from);
    model.view = from;
    model.say(
        Tone::Info,
        Text::new(
            "已退出督评会流程(已完成的都已保留)",
            "left the review meeting (what was done is kept)",
        ),
    );
}

/// The next step; after the briefing, the end of the flow.
fn next_step(model: &mut Model) -> Vec<Effect> {
    let Some(flow) = model.review.as_mut() else {
        return Vec::new();
    };
    if flow.step == Step::Briefing && flow.briefing.is_none() {
        return write_briefing(model);
    }
    let Some(step) = flow.step.next() else {
        let from = flow.from;
        model.review = None;
        model.view = from;
        return Vec::new();
    };
    flow.enter(
        step,
        &model.store.campaign,
        model.today,
        &model.derived.follow_ups,
    );
    if step != Step::Briefing {
        return Vec::new();
    }
    write_briefing(model)
}

/// The briefing beside the campaign; the shell's write clears `briefing` if it fails.
fn write_briefing(model: &mut Model) -> Vec<Effect> {
    let path = briefing_path(model);
    let text = briefing_text(model);
    if let Some(flow) = model.review.as_mut() {
        flow.briefing = Some(path.clone());
    }
    vec![Effect::Export(path, text.into_bytes())]
}

/// Enter on an open (or skipped) item: its form, marked with the step.
fn act(model: &mut Model, item: Item) {
    let purpose = match item {
        Item::Publish(checkpoint) => Purpose::Publish { checkpoint },
        Item::Unit(unit) => Purpose::Pledge { unit },
        Item::Pledge(index) => Purpose::CheckPledge { index },
        Item::Task(task) => {
            if let Some(index) = model.campaign().task_index(&task) {
                model.select_task(index);
            }
            Purpose::FollowUp { task }
        }
    };
    let publishing = matches!(purpose, Purpose::Publish { .. });
    verbs::open(model, purpose);
    let Some(step) = model.review.as_mut().map(|flow| {
        flow.awaiting = true;
        flow.step
    }) else {
        return;
    };
    let Some(form) = model.form_mut() else {
        return;
    };
    let indicator = step.indicator();
    form.title = Text::new(
        format!("{} · {}", indicator.zh, form.title.zh),
        format!("{} · {}", indicator.en, form.title.en),
    );
    // The flow is the monthly review (督评会): its checkpoint is published as one.
    if publishing
        && let Some(kind) = form
            .fields
            .iter_mut()
            .find(|f| matches!(f.kind, Kind::Choice(_)) && f.key == "kind")
    {
        kind.input = TextInput::new("督评");
    }
}

/// `y` / `N` on a pledge due: kept or broken, at once.
fn check(model: &mut Model, index: usize, kept: bool) -> Vec<Effect> {
    let n = index + 1;
    let result = edit(model, Edit::CheckPledge { number: n, kept });
    let ok = result.is_ok();
    let said = if kept {
        tr!("第{n}条承诺:已践诺", "pledge {n}: kept")
    } else {
        tr!("第{n}条承诺:未践诺", "pledge {n}: broken")
    };
    let effects = done(model, result, said);
    if ok && let Some(flow) = model.review.as_mut() {
        flow.settle(if kept { Outcome::Kept } else { Outcome::Broken });
    }
    effects
}

/// A form the flow opened has closed: saved, the item is done; cancelled, it is skipped.
pub(super) fn form_closed(model: &mut Model, saved: bool) {
    let Some(flow) = model.review.as_mut().filter(|f| f.awaiting) else {
        return;
    };
    flow.awaiting = false;
    let outcome = match (saved, flow.current()) {
        (false, _) => Outcome::Skipped,
        (true, Some((Item::Pledge(i), _))) => {
            let kept = model
                .store
                .campaign
                .commitments
                .get(*i)
                .is_some_and(|c| c.kept);
            if kept { Outcome::Kept } else { Outcome::Broken }
        }
        (true, _) => Outcome::Done,
    };
    flow.settle(outcome);
}

/// `STEM-briefing-DATE.txt` beside the campaign file.
fn briefing_path(model: &Model) -> std::path::PathBuf {
    let path = &model.store.path;
    let stem = path
        .file_stem()
        .map_or_else(|| "campaign".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-briefing-{}.txt", model.today))
}

/// The briefing's text: the chat-group briefing of the campaign today.
fn briefing_text(model: &Model) -> String {
    crate::report::text::briefing(model.campaign(), model.today, model.lang)
}
