//! Pledge keys on the leaderboard: `c` records a pledge for the chosen unit, `K` checks its
//! due pledge (kept or broken).

use super::Effect;
use crate::app::leaderboard_view::shown;
use crate::app::model::{Model, Tone, View};
use crate::app::verbs::{self, Purpose};
use crate::domain::pledge::pledges_due;
use crate::i18n::Text;

/// The unit chosen on the leaderboard, if the leaderboard is on screen.
fn chosen_unit(model: &mut Model) -> Option<String> {
    if model.view != View::Leaderboard {
        model.say(
            Tone::Warning,
            Text::new(
                "请先打开擂台榜(3),选一个单位",
                "open the leaderboard (3) and choose a unit first",
            ),
        );
        return None;
    }
    let unit = shown(model)
        .0
        .units
        .get(model.leaderboard.unit)
        .map(|u| u.unit.clone());
    if unit.is_none() {
        model.say(
            Tone::Warning,
            Text::new("擂台榜上还没有单位", "no unit on the leaderboard yet"),
        );
    }
    unit
}

pub(super) fn pledge(model: &mut Model) -> Vec<Effect> {
    if let Some(unit) = chosen_unit(model) {
        verbs::open(model, Purpose::Pledge { unit });
    }
    Vec::new()
}

pub(super) fn check_pledge(model: &mut Model) -> Vec<Effect> {
    let Some(unit) = chosen_unit(model) else {
        return Vec::new();
    };
    let campaign = model.campaign();
    let due = pledges_due(campaign, model.today);
    let mine = due
        .iter()
        .find(|(i, _)| campaign.commitments[*i].unit == unit)
        .map(|(i, _)| *i);
    match mine {
        Some(index) => verbs::open(model, Purpose::CheckPledge { index }),
        None => {
            let n = due.len();
            model.say(
                Tone::Info,
                crate::tr!(
                    "这个单位没有到期待查的承诺(全部待查 {n} 条)",
                    "this unit has no pledge due (pledges due in all: {n})"
                ),
            );
        }
    }
    Vec::new()
}
