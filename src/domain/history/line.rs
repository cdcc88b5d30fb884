//! How an event is worded: the compact Chinese line the file keeps, its English reading,
//! and the line read back into its event.

use super::{Event, LIGHT, MILESTONE, PROBLEM, SIGN_OFF, STATUS};
use crate::domain::status::{Light, Status};
use crate::i18n::Text;

const TICK: &str = "勾选 ";
const UNTICK: &str = "取消勾选 ";
const CROSS_OFF: &str = "销号";
const REOPEN: &str = "重新打开";
const OLD_REOPEN: &str = "重新打开(撤销销号)";
const SET_LIGHT: &str = "亮灯 ";
const CLEAR_LIGHT: &str = "取消亮灯";
const UNTIL: &str = "至";
const RESOLVED: &str = " 解决";

impl Event {
    /// The line in both languages (user text, such as titles and reasons, as written).
    pub(crate) fn words(&self) -> Text {
        let moved = |a: Status, b: Status| {
            Text::new(
                format!("{}→{}", a.zh(), b.zh()),
                format!("{} → {}", a.en_label(), b.en_label()),
            )
        };
        match self {
            Event::Status { from, to } => moved(*from, *to),
            Event::Tick {
                done,
                milestone,
                title,
            } => {
                let (zh, en) = if *done {
                    (TICK, "ticked ")
                } else {
                    (UNTICK, "unticked ")
                };
                Text::new(
                    format!("{zh}{milestone} {title}"),
                    format!("{en}{milestone} {title}"),
                )
            }
            Event::CrossOff { from } => {
                let m = moved(*from, Status::Done);
                Text::new(
                    format!("{CROSS_OFF}({})", m.zh),
                    format!("crossed off ({})", m.en),
                )
            }
            Event::Reopen { to: None } => Text::new(OLD_REOPEN, "reopened (sign-off withdrawn)"),
            Event::Reopen { to: Some(to) } => {
                let m = moved(Status::Done, *to);
                Text::new(
                    format!("{REOPEN}({})", m.zh),
                    format!("reopened ({})", m.en),
                )
            }
            Event::LightSet {
                light,
                reason,
                until,
            } => {
                let (zh_until, en_until) = until.map_or((String::new(), String::new()), |d| {
                    (format!("{UNTIL}{d}"), format!(" until {d}"))
                });
                let en = light.label().en;
                Text::new(
                    format!("{SET_LIGHT}{}({reason}){zh_until}", light_zh(*light)),
                    format!("light set: {en} ({reason}){en_until}"),
                )
            }
            Event::LightCleared => Text::new(CLEAR_LIGHT, "light override removed"),
            Event::Resolved { problem, result } => {
                if result.is_empty() {
                    Text::new(
                        format!("{problem}{RESOLVED}"),
                        format!("{problem} resolved"),
                    )
                } else {
                    Text::new(
                        format!("{problem}{RESOLVED}:{result}"),
                        format!("{problem} resolved: {result}"),
                    )
                }
            }
        }
    }

    /// Reads a history line back; `None` when `kind` is not a history kind or the text is
    /// not one `bairi` writes (a person may write a note with such a kind by hand).
    pub(crate) fn parse(kind: &str, text: &str) -> Option<Event> {
        match kind {
            STATUS => {
                let (from, to) = transition(text)?;
                Some(Event::Status { from, to })
            }
            MILESTONE => {
                let (done, rest) = match text.strip_prefix(UNTICK) {
                    Some(rest) => (false, rest),
                    None => (true, text.strip_prefix(TICK)?),
                };
                let (milestone, title) = rest.split_once(' ').unwrap_or((rest, ""));
                Some(Event::Tick {
                    done,
                    milestone: milestone.to_owned(),
                    title: title.to_owned(),
                })
            }
            SIGN_OFF if text == OLD_REOPEN => Some(Event::Reopen { to: None }),
            SIGN_OFF => {
                if let Some(inner) = bracketed(text, CROSS_OFF) {
                    let (from, to) = transition(inner)?;
                    return (to == Status::Done).then_some(Event::CrossOff { from });
                }
                let (from, to) = transition(bracketed(text, REOPEN)?)?;
                (from == Status::Done).then_some(Event::Reopen { to: Some(to) })
            }
            LIGHT if text == CLEAR_LIGHT => Some(Event::LightCleared),
            LIGHT => {
                let rest = text.strip_prefix(SET_LIGHT)?;
                let (light, rest) = rest.split_once('(')?;
                let light = Light::parse(light)?;
                let (reason, until) = match rest.rsplit_once(&format!("){UNTIL}")) {
                    Some((reason, date)) => (reason, Some(date.parse().ok()?)),
                    None => (rest.strip_suffix(')')?, None),
                };
                Some(Event::LightSet {
                    light,
                    reason: reason.to_owned(),
                    until,
                })
            }
            PROBLEM => {
                let (problem, result) = match text.split_once(&format!("{RESOLVED}:")) {
                    Some((p, r)) => (p, r),
                    None => (text.strip_suffix(RESOLVED)?, ""),
                };
                (!problem.is_empty() && !problem.contains(' ')).then(|| Event::Resolved {
                    problem: problem.to_owned(),
                    result: result.to_owned(),
                })
            }
            _ => None,
        }
    }
}

fn light_zh(light: Light) -> &'static str {
    match light {
        Light::Red => "红",
        Light::Yellow => "黄",
        Light::Green => "绿",
    }
}

/// `推进中→受阻` as two statuses.
fn transition(text: &str) -> Option<(Status, Status)> {
    let (a, b) = text.split_once('→')?;
    Some((Status::parse(a)?, Status::parse(b)?))
}

/// The text inside `PREFIX(…)`.
fn bracketed<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?
        .strip_prefix('(')?
        .strip_suffix(')')
}
