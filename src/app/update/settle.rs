//! Settling conflicting edits: `m` keeps mine, `t` takes theirs, for a merge on save and
//! for the `[[conflicts]]` a git merge left in the file, one record at a time (↑↓ choose;
//! `M`/`T` settle them all).

use super::*;
use crate::app::model::Offer;
use crate::store::merge::Keep;

/// What a key on the conflict list asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Answer {
    /// `m`/`t`: the highlighted one; `M`/`T`: all of them.
    Keep {
        keep: Keep,
        all: bool,
    },
    Move(bool),
    /// Esc: not now.
    Later,
    Wait,
}

pub(super) fn answer(action: Action) -> Answer {
    match action {
        Action::Type('m') => Answer::Keep {
            keep: Keep::Mine,
            all: false,
        },
        Action::Type('t') => Answer::Keep {
            keep: Keep::Theirs,
            all: false,
        },
        Action::Type('M') => Answer::Keep {
            keep: Keep::Mine,
            all: true,
        },
        Action::Type('T') => Answer::Keep {
            keep: Keep::Theirs,
            all: true,
        },
        Action::Field(FieldKey::Down) | Action::Type('j') => Answer::Move(true),
        Action::Field(FieldKey::Up) | Action::Type('k') => Answer::Move(false),
        Action::Field(FieldKey::Cancel) | Action::Close | Action::Quit => Answer::Later,
        _ => Answer::Wait,
    }
}

/// Whether record `n` holds the reader's own value: its `by` names the reader and its
/// `kept_by` does not (the merge ran on the other laptop). "Mine" is then the record.
pub(crate) fn reader_recorded(model: &Model, n: usize) -> bool {
    let Some(record) = model.campaign().conflicts.get(n) else {
        return false;
    };
    let mut me: Vec<&str> = model.me.iter().map(String::as_str).collect();
    if let Some(author) = model.author.as_deref() {
        me.push(author);
        if let Some(p) = model.campaign().people.iter().find(|p| p.id == author) {
            me.push(p.name.as_str());
        }
    }
    let is_me = |who: &Option<String>| {
        who.as_deref()
            .is_some_and(|w| me.iter().any(|m| m.trim() == w.trim()))
    };
    is_me(&record.by) && !is_me(&record.kept_by)
}

/// The reader's "mine"/"theirs" as the record's: swapped where the record holds the reader's
/// own value.
fn as_recorded(model: &Model, n: usize, keep: Keep) -> Keep {
    match (reader_recorded(model, n), keep) {
        (false, keep) => keep,
        (true, Keep::Mine) => Keep::Theirs,
        (true, Keep::Theirs) => Keep::Mine,
    }
}

/// The list of a save's conflicts: any `m`/`t` (or `M`/`T`) settles them all, as the save
/// merges the whole file; Esc leaves the edits unsaved for now.
pub(super) fn settle(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.conflicts_recorded {
        return settle_recorded(model, action);
    }
    match answer(action) {
        Answer::Keep { keep, .. } => {
            model.view = View::Board;
            model.conflicts.clear();
            vec![Effect::SaveKeeping(keep)]
        }
        Answer::Move(down) => {
            pick(model, down);
            Vec::new()
        }
        Answer::Later => {
            model.view = View::Board;
            let left = Text::new("修改尚未保存", "the edits are not saved yet");
            model.say_offering(Tone::Warning, left, Some(Offer::Save));
            Vec::new()
        }
        Answer::Wait => Vec::new(),
    }
}

fn pick(model: &mut Model, down: bool) {
    let last = model.conflicts.len().saturating_sub(1);
    model.conflict_pick = if down {
        (model.conflict_pick + 1).min(last)
    } else {
        model.conflict_pick.saturating_sub(1)
    };
}

/// The file's `[[conflicts]]`: `m` keeps my value, `t` takes theirs, for the highlighted
/// record (`M`/`T` for all); the record goes and the file is saved. Esc asks again next time.
pub(super) fn settle_recorded(model: &mut Model, action: Action) -> Vec<Effect> {
    let (keep, all) = match answer(action) {
        Answer::Keep { keep, all } => (keep, all),
        Answer::Move(down) => {
            pick(model, down);
            return Vec::new();
        }
        Answer::Later => {
            model.view = View::Board;
            let left = Text::new(
                "冲突记录仍在文件中(bairi check 列出)",
                "the conflict records stay in the file (bairi check lists them)",
            );
            model.say(Tone::Warning, left);
            return Vec::new();
        }
        Answer::Wait => return Vec::new(),
    };
    let n = model.conflicts.len();
    let chosen: Vec<usize> = if all {
        (0..n).collect()
    } else {
        vec![model.conflict_pick.min(n.saturating_sub(1))]
    };
    let each: Vec<(usize, Keep)> = chosen
        .into_iter()
        .map(|i| (i, as_recorded(model, i, keep)))
        .collect();
    match edit(model, Edit::SettleConflicts(each)) {
        Ok((_, effects)) => {
            model.conflicts = crate::store::merge::recorded::list(model.store.text());
            let left = model.conflicts.len();
            if left == 0 {
                model.view = View::Board;
                model.conflicts_recorded = false;
                model.conflict_pick = 0;
                model.say(Tone::Info, Text::new("冲突已处理", "conflicts settled"));
            } else {
                model.conflict_pick = model.conflict_pick.min(left - 1);
                model.say(
                    Tone::Info,
                    tr!("已处理 1 处,还有 {left} 处", "settled one; {left} left"),
                );
            }
            effects
        }
        Err(why) => {
            model.say(Tone::Error, why);
            Vec::new()
        }
    }
}
