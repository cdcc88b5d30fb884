//! A task, unit, person or category read the way the board's forms read it (one resolver,
//! [`super::lookup`]): its id, a short id (`T4`, `4`), or its name; an unknown one is refused
//! with the choices listed, one a line. Used by the command line and by report filters.

use crate::domain::Campaign;
use crate::domain::lookup::{Found, by_id_or_name};
use crate::i18n::Text;
use crate::sanitize::inert;
use crate::tr;

/// What a typed word names: a task, a unit or a person.
#[derive(Clone, Copy)]
pub(crate) enum What {
    Task,
    Unit,
    Person,
    Category,
}

impl What {
    fn word(self) -> Text {
        match self {
            What::Task => Text::new("任务", "task"),
            What::Unit => Text::new("单位", "unit"),
            What::Person => Text::new("人员", "person"),
            What::Category => Text::new("分类", "category"),
        }
    }

    /// `(id, name)` of every task, unit or person.
    fn all(self, campaign: &Campaign) -> Vec<(&str, &str)> {
        match self {
            What::Task => campaign
                .tasks
                .iter()
                .map(|t| (t.id.as_str(), t.title.as_str()))
                .collect(),
            What::Unit => campaign
                .units
                .iter()
                .map(|u| (u.id.as_str(), u.name.as_str()))
                .collect(),
            What::Person => campaign
                .people
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str()))
                .collect(),
            What::Category => campaign
                .categories
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str()))
                .collect(),
        }
    }
}

/// The id `typed` names, or why not (with the choices, for units and people).
pub(crate) fn resolve(campaign: &Campaign, what: What, typed: &str) -> Result<String, Text> {
    let all = what.all(campaign);
    let entries: Vec<(&str, Vec<&str>)> = all.iter().map(|(id, n)| (*id, vec![*n])).collect();
    let word = what.word();
    let shown = inert(typed);
    match by_id_or_name(&entries, typed) {
        Found::One(i) => Ok(all[i].0.to_owned()),
        Found::Many(ids) => {
            let ids = inert(&ids.join("、"));
            Err(tr!(
                "`{shown}` 可指 {ids},请写出完整编号",
                "`{shown}` could be {ids}; write the whole id"
            ))
        }
        Found::None => {
            let (zh, en) = (word.zh, word.en);
            let mut text = tr!(
                "没有{zh} {shown}(可写编号或名称)",
                "there is no {en} {shown} (write its id or name)"
            );
            if !matches!(what, What::Task) && !all.is_empty() {
                text.zh.push_str(",可选:");
                text.en.push_str("; one of:");
                for (id, name) in &all {
                    let line = format!("\n  {:<12} {}", inert(id), inert(name));
                    text.zh.push_str(&line);
                    text.en.push_str(&line);
                }
            }
            Err(text)
        }
    }
}
