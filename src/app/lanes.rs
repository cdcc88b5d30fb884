//! How the board is cut into columns (by status, or swimlanes by category, lead unit or
//! sponsor); which tasks a filter keeps is [`Filter`]'s (shared with `bairi report`).

use std::collections::HashMap;

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
    pub(crate) fn next(self) -> Lanes {
        match self {
            Lanes::Status => Lanes::Category,
            Lanes::Category => Lanes::LeadUnit,
            Lanes::LeadUnit => Lanes::Sponsor,
            Lanes::Sponsor => Lanes::Status,
        }
    }

    pub(crate) fn label(self) -> Text {
        match self {
            Lanes::Status => Text::new("按状态", "by status"),
            Lanes::Category => Text::new("按分类", "by category"),
            Lanes::LeadUnit => Text::new("按牵头单位", "by lead unit"),
            Lanes::Sponsor => Text::new("按包保领导", "by sponsor"),
        }
    }
}

pub use crate::domain::filter::Filter;

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
pub(crate) fn columns(
    campaign: &Campaign,
    lanes: Lanes,
    keep: impl Fn(usize) -> bool,
) -> Vec<Column> {
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
