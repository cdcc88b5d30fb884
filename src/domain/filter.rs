//! Which tasks a filter keeps: one criterion (a light, a category, a lead unit, a sponsor,
//! overdue, a blocking problem) or several that must all hold. The board's `f` and
//! `bairi report --unit/--sponsor/--light/--category/--overdue` both use it.

use chrono::NaiveDate;

use crate::domain::light::{LightVerdict, TaskLight};
use crate::domain::task_facts::{is_overdue, open_blocking};
use crate::domain::{Campaign, Task};
use crate::i18n::Text;

/// What the board (and a report) shows only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Light(TaskLight),
    Category(String),
    LeadUnit(String),
    Sponsor(String),
    Overdue,
    /// Tasks with an open blocking problem (堵点).
    Blocking,
    /// Tasks every one of these keeps (two or more, each of its own kind).
    All(Vec<Filter>),
}

impl Filter {
    pub(crate) fn keeps(&self, task: &Task, verdict: &LightVerdict, today: NaiveDate) -> bool {
        match self {
            Filter::Light(l) => verdict.light == *l,
            Filter::Category(c) => &task.category == c,
            Filter::LeadUnit(u) => task.lead_unit.as_ref() == Some(u),
            Filter::Sponsor(p) => task.leader.as_ref() == Some(p),
            Filter::Overdue => is_overdue(task, today),
            Filter::Blocking => open_blocking(task).next().is_some(),
            Filter::All(all) => all.iter().all(|f| f.keeps(task, verdict, today)),
        }
    }

    /// `红灯`, `分类:重点项目`, `牵头:县住建局`...
    pub(crate) fn label(&self, campaign: &Campaign) -> Text {
        match self {
            Filter::Light(l @ (TaskLight::Red | TaskLight::Yellow | TaskLight::Green)) => l.word(),
            Filter::Light(TaskLight::Done) => Text::new("已销号", "crossed off"),
            Filter::Overdue => Text::new("已超时限", "overdue"),
            Filter::Blocking => Text::new("有堵点", "blocking problem (堵点)"),
            Filter::Category(id) => {
                let c = campaign.category(id);
                let zh = c.map_or(id.clone(), |c| c.name.clone());
                let en = c.map_or(id.clone(), |c| {
                    c.en.clone().unwrap_or_else(|| c.name.clone())
                });
                Text::new(format!("分类:{zh}"), format!("category: {en}"))
            }
            Filter::LeadUnit(id) => {
                let name = campaign.unit(id).map_or(id.clone(), |u| u.name.clone());
                Text::new(format!("牵头:{name}"), format!("lead unit: {name}"))
            }
            Filter::Sponsor(id) => {
                let name = campaign.person(id).map_or(id.clone(), |p| p.name.clone());
                Text::new(format!("包保:{name}"), format!("sponsor: {name}"))
            }
            Filter::All(all) => {
                let labels: Vec<Text> = all.iter().map(|f| f.label(campaign)).collect();
                let join = |pick: fn(&Text) -> &String| {
                    labels
                        .iter()
                        .map(pick)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" + ")
                };
                Text::new(join(|t| &t.zh), join(|t| &t.en))
            }
        }
    }

    /// Every filter that can be chosen, in menu order.
    pub(crate) fn all(campaign: &Campaign) -> Vec<Filter> {
        let mut out = vec![
            Filter::Light(TaskLight::Red),
            Filter::Light(TaskLight::Yellow),
            Filter::Light(TaskLight::Green),
            Filter::Overdue,
            Filter::Blocking,
        ];
        out.extend(
            campaign
                .categories
                .iter()
                .map(|c| Filter::Category(c.id.clone())),
        );
        out.extend(
            campaign
                .units
                .iter()
                .map(|u| Filter::LeadUnit(u.id.clone())),
        );
        let mut sponsors: Vec<&String> = campaign
            .tasks
            .iter()
            .filter_map(|t| t.leader.as_ref())
            .collect();
        sponsors.sort();
        sponsors.dedup();
        out.extend(sponsors.into_iter().map(|p| Filter::Sponsor(p.clone())));
        out
    }

    /// The criteria this filter is made of.
    pub(crate) fn parts(&self) -> Vec<&Filter> {
        match self {
            Filter::All(all) => all.iter().collect(),
            one => vec![one],
        }
    }

    /// Whether two criteria are of one kind (two lights, two categories…): a task has one
    /// of each, so the later replaces the earlier.
    fn same_kind(&self, other: &Filter) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// `current` with `added` joined to it: a criterion already there is taken off, one of
    /// the same kind replaced; `None` when nothing is left.
    pub(crate) fn combine(current: Option<Filter>, added: Filter) -> Option<Filter> {
        let mut parts: Vec<Filter> = match current {
            Some(Filter::All(all)) => all,
            Some(one) => vec![one],
            None => Vec::new(),
        };
        if parts.contains(&added) {
            parts.retain(|f| *f != added);
        } else {
            parts.retain(|f| !f.same_kind(&added));
            parts.push(added);
        }
        Filter::of(parts)
    }

    /// One filter of these criteria (every one must keep a task), or `None` for none.
    pub(crate) fn of(mut parts: Vec<Filter>) -> Option<Filter> {
        match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Filter::All(parts)),
        }
    }
}
