//! How the board is cut into columns (by status, or swimlanes by category, lead unit or
//! sponsor) and which tasks a filter keeps.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::light::{LightVerdict, TaskLight};
use crate::domain::task_facts::{is_overdue, open_blocking};
use crate::domain::{Campaign, Status, Task};
use crate::i18n::Text;

/// The board's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lanes {
    #[default]
    Status,
    Category,
    LeadUnit,
    /// By sponsor (包保领导, a task's `leader`).
    Sponsor,
}

impl Lanes {
    pub fn next(self) -> Lanes {
        match self {
            Lanes::Status => Lanes::Category,
            Lanes::Category => Lanes::LeadUnit,
            Lanes::LeadUnit => Lanes::Sponsor,
            Lanes::Sponsor => Lanes::Status,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Lanes::Status => Text::new("按状态", "by status"),
            Lanes::Category => Text::new("按分类", "by category"),
            Lanes::LeadUnit => Text::new("按牵头单位", "by lead unit"),
            Lanes::Sponsor => Text::new("按包保领导", "by sponsor"),
        }
    }
}

/// What the board shows only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Light(TaskLight),
    Category(String),
    LeadUnit(String),
    Sponsor(String),
    Overdue,
    /// Tasks with an open blocking problem (堵点).
    Blocking,
}

impl Filter {
    pub fn keeps(&self, task: &Task, verdict: &LightVerdict, today: NaiveDate) -> bool {
        match self {
            Filter::Light(l) => verdict.light == *l,
            Filter::Category(c) => &task.category == c,
            Filter::LeadUnit(u) => task.lead_unit.as_ref() == Some(u),
            Filter::Sponsor(p) => task.leader.as_ref() == Some(p),
            Filter::Overdue => is_overdue(task, today),
            Filter::Blocking => open_blocking(task).next().is_some(),
        }
    }

    /// `红灯`, `分类:重点项目`, `牵头:县住建局`...
    pub fn label(&self, campaign: &Campaign) -> Text {
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
        }
    }

    /// Every filter that can be chosen, in menu order.
    pub fn all(campaign: &Campaign) -> Vec<Filter> {
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
}

/// One column of the board.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: Text,
    /// Task indices, in file order.
    pub tasks: Vec<usize>,
}

/// Which column a task goes in.
type LaneOf<'c> = Box<dyn Fn(&Task) -> Option<usize> + 'c>;

/// The columns for `lanes`, keeping only the tasks `keep` accepts; one pass over the tasks.
pub fn columns(campaign: &Campaign, lanes: Lanes, keep: impl Fn(usize) -> bool) -> Vec<Column> {
    let column = |title: Text| Column {
        title,
        tasks: Vec::new(),
    };
    let (mut cols, lane): (Vec<Column>, LaneOf) = match lanes {
        Lanes::Status => (
            Status::ALL
                .iter()
                .map(|s| column(Text::new(s.zh(), s.en_label())))
                .collect(),
            Box::new(|t: &Task| Some(t.status.index())),
        ),
        Lanes::Category => {
            let at: HashMap<&str, usize> = campaign
                .categories
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), i))
                .collect();
            let cols = campaign
                .categories
                .iter()
                .map(|c| {
                    let en = c.en.clone().unwrap_or_else(|| c.name.clone());
                    column(Text::new(c.name.clone(), en))
                })
                .collect();
            (
                cols,
                Box::new(move |t: &Task| at.get(t.category.as_str()).copied()),
            )
        }
        Lanes::LeadUnit => {
            let at: HashMap<&str, usize> = campaign
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| (u.id.as_str(), i))
                .collect();
            let none = campaign.units.len();
            let mut cols: Vec<Column> = campaign
                .units
                .iter()
                .map(|u| {
                    column(Text::same(
                        u.short.clone().unwrap_or_else(|| u.name.clone()),
                    ))
                })
                .collect();
            cols.push(column(Text::new("(无牵头单位)", "(no lead unit)")));
            (
                cols,
                Box::new(move |t: &Task| match &t.lead_unit {
                    Some(u) => at.get(u.as_str()).copied(),
                    None => Some(none),
                }),
            )
        }
        Lanes::Sponsor => {
            // Only the people who sponsor a task, in the file's order of people.
            let sponsors: Vec<&crate::domain::Person> = campaign
                .people
                .iter()
                .filter(|p| {
                    campaign
                        .tasks
                        .iter()
                        .any(|t| t.leader.as_ref() == Some(&p.id))
                })
                .collect();
            let at: HashMap<&str, usize> = sponsors
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect();
            let none = sponsors.len();
            let mut cols: Vec<Column> = sponsors
                .iter()
                .map(|p| column(Text::same(p.name.clone())))
                .collect();
            cols.push(column(Text::new("(无包保领导)", "(no sponsor)")));
            (
                cols,
                Box::new(move |t: &Task| match &t.leader {
                    Some(p) => at.get(p.as_str()).copied().or(Some(none)),
                    None => Some(none),
                }),
            )
        }
    };
    for (i, task) in campaign.tasks.iter().enumerate() {
        if let Some(c) = lane(task).filter(|_| keep(i)) {
            cols[c].tasks.push(i);
        }
    }
    if matches!(lanes, Lanes::LeadUnit | Lanes::Sponsor)
        && cols.last().is_some_and(|c| c.tasks.is_empty())
    {
        cols.pop();
    }
    cols
}
