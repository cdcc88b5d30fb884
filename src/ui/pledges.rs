//! Pledges due or overdue (承诺践诺), as styled rows for the stand-up summary and the
//! leaderboard.

use ratatui::style::Style;

use super::Ctx;
use crate::domain::pledge::{PledgeState, pledge_line, pledges_due};
use crate::i18n::Text;
use crate::tr;

/// A heading and one row per pledge to check; nothing when none is due.
pub(crate) fn due_rows(ctx: &Ctx) -> Vec<(Style, String)> {
    let campaign = ctx.model.campaign();
    let due = pledges_due(campaign, ctx.model.today);
    if due.is_empty() {
        return Vec::new();
    }
    let n = due.len();
    let mut out = vec![(
        ctx.theme.key(),
        ctx.t(&tr!("待查承诺:{n} 条", "Pledges to check: {n}"))
            .to_owned(),
    )];
    for (i, state) in due {
        let style = match state {
            PledgeState::Overdue => ctx.theme.light(crate::domain::light::TaskLight::Red),
            _ => ctx.theme.light(crate::domain::light::TaskLight::Yellow),
        };
        out.push((
            style,
            format!("  {}", ctx.t(&pledge_line(campaign, i, state))),
        ));
    }
    out
}

/// The hint under the leaderboard's pledge rows.
pub(crate) fn keys_hint(ctx: &Ctx) -> String {
    use crate::app::action::Action;
    ctx.hints(&[
        (&[Action::Pledge], Text::new("记录承诺", "record a pledge")),
        (
            &[Action::CheckPledge],
            Text::new("核查承诺", "check a pledge"),
        ),
    ])
}
