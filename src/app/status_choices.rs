//! The status chooser's lines: each status with its label, the current one marked and a
//! forbidden one with the reason the sign-off rules give. Read by the picker and the form.

use crate::app::model::Model;
use crate::app::state::mode::Choice;
use crate::domain::Status;
use crate::i18n::{Lang, Text};

/// Why task `index` may not take `status` under the sign-off rules, or `None` when it may.
pub(crate) fn forbidden(model: &Model, index: usize, status: Status) -> Option<Text> {
    let task = model.campaign().tasks.get(index)?;
    let undone = task.milestones.iter().filter(|m| !m.done).count();
    let open = task.problems.iter().filter(|p| !p.resolved).count();
    status
        .may_hold(undone, open)
        .err()
        .map(|block| block.refusal(&task.id))
}

/// The statuses matching what was typed (key, Chinese or English label), each with its
/// label; the current one says so, a forbidden one gives the reason.
pub(crate) fn lines(model: &Model, index: usize, query: &str) -> Vec<(Choice, String)> {
    let Some(task) = model.campaign().tasks.get(index) else {
        return Vec::new();
    };
    Status::ALL
        .into_iter()
        .filter(|s| {
            query.is_empty()
                || [s.key(), s.label(Lang::Zh), s.label(Lang::En)]
                    .iter()
                    .any(|w| w.to_lowercase().contains(query))
        })
        .map(|s| {
            let label = s.label(model.lang);
            let line = if s == task.status {
                let now = Text::new("当前", "current");
                format!("● {label}({})", now.get(model.lang))
            } else if let Some(why) = forbidden(model, index, s) {
                format!("✗ {label} — {}", why.get(model.lang))
            } else {
                format!("  {label}")
            };
            (Choice::Status(s), line)
        })
        .collect()
}
