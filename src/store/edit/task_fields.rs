//! Editing a task's fields and milestones as the forms give them (`e`, `m`, `B`, `S`, `d` in
//! the details): each patches the task's text and lets it be read back (see `edit.rs`).

use chrono::NaiveDate;
use toml_edit::{InlineTable, Item, Table, Value};

use crate::domain::Task;
use crate::store::edit::date_value;
use crate::store::edit::patch;
use crate::store::file::{CampaignFile, Refusal};
use crate::tr;

/// The fields of a task as a form gives them; `None` removes an optional key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskFields {
    pub title: String,
    pub short: Option<String>,
    pub category: String,
    pub leader: Option<String>,
    pub lead_unit: Option<String>,
    pub owner: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub priority: Option<i64>,
    pub investment: Option<f64>,
    pub target: Option<String>,
    /// Written when given (a task added mid-campaign starts on the day it is added); `None`
    /// leaves the key as it is.
    pub start: Option<NaiveDate>,
    /// 配合单位, written when any are given; empty leaves the key as it is.
    pub co_units: Vec<String>,
}

impl TaskFields {
    pub fn of(task: &Task) -> TaskFields {
        TaskFields {
            title: task.title.clone(),
            short: task.short.clone(),
            category: task.category.clone(),
            leader: task.leader.clone(),
            lead_unit: task.lead_unit.clone(),
            owner: task.owner.clone(),
            deadline: Some(task.deadline),
            priority: Some(i64::from(task.priority)),
            investment: task.investment,
            target: task.target.clone(),
            start: None,
            co_units: Vec::new(),
        }
    }
}

/// A milestone as a form gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneFields {
    pub title: String,
    pub due: NaiveDate,
    pub unit: Option<String>,
}

/// The priority a task without the key has.
const DEFAULT_PRIORITY: i64 = 2;

/// Sets an optional text as given (never trimmed or cleaned: stored as typed); empty or
/// `None` removes the key.
fn set_opt_str(table: &mut Table, key: &str, value: &Option<String>) {
    match value.as_deref().filter(|v| !v.trim().is_empty()) {
        Some(v) => patch::set(table, key, patch::string(v)),
        None => patch::remove(table, key),
    }
}

pub(in crate::store) fn write_fields(table: &mut Table, f: &TaskFields) {
    patch::set(table, "title", patch::string(&f.title));
    set_opt_str(table, "short", &f.short);
    patch::set(table, "category", patch::string(&f.category));
    set_opt_str(table, "leader", &f.leader);
    set_opt_str(table, "lead_unit", &f.lead_unit);
    set_opt_str(table, "owner", &f.owner);
    match f.priority {
        // The default on a task that does not write it: left unwritten.
        Some(DEFAULT_PRIORITY) if !table.contains_key("priority") => {}
        Some(p) => patch::set(table, "priority", p),
        None => patch::remove(table, "priority"),
    }
    match f.investment {
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => patch::set(table, "investment", x as i64),
        Some(x) => patch::set(table, "investment", x),
        None => patch::remove(table, "investment"),
    }
    set_opt_str(table, "target", &f.target);
    if let Some(d) = f.start {
        patch::set(table, "start", date_value(d));
    }
    if let Some(d) = f.deadline {
        patch::set(table, "deadline", date_value(d));
    }
    if !f.co_units.is_empty() {
        let mut units = toml_edit::Array::new();
        for u in &f.co_units {
            units.push(patch::string(u));
        }
        patch::set(table, "co_units", units);
    }
}

impl CampaignFile {
    /// Rewrites a task's fields, keeping every other key and comment.
    pub(crate) fn edit_task(&mut self, id: &str, fields: &TaskFields) -> Result<(), Refusal> {
        self.patch_task(self.find(id)?, |table| {
            write_fields(table, fields);
            Ok(())
        })
    }

    /// Adds milestones at the end of the task's list (one line each).
    pub(crate) fn add_milestones(
        &mut self,
        id: &str,
        milestones: &[MilestoneFields],
    ) -> Result<(), Refusal> {
        self.patch_task(self.find(id)?, |table| {
            for m in milestones {
                let mut inline = InlineTable::new();
                inline.insert("title", patch::string(&m.title));
                inline.insert("due", date_value(m.due));
                inline.insert("done", false.into());
                if let Some(unit) = &m.unit {
                    inline.insert("unit", patch::string(unit));
                }
                patch::append_inline(table, "milestones", inline);
            }
            Ok(())
        })
    }

    /// Changes a milestone's title, due date and credited unit.
    pub(crate) fn edit_milestone(
        &mut self,
        id: &str,
        n: usize,
        m: &MilestoneFields,
    ) -> Result<(), Refusal> {
        self.patch_task(self.find(id)?, |table| {
            let cell = patch::array_table_mut(table, "milestones", n).ok_or_else(|| {
                Refusal(tr!("{id} 没有第 {n} 个节点", "{id} has no milestone {n}"))
            })?;
            patch::set_inline(cell, "title", patch::string(&m.title), None);
            patch::set_inline(cell, "due", date_value(m.due), None);
            match &m.unit {
                Some(unit) => patch::set_inline(cell, "unit", patch::string(unit), None),
                None => patch::remove_inline(cell, "unit"),
            }
            Ok(())
        })
    }

    pub(crate) fn delete_milestone(&mut self, id: &str, n: usize) -> Result<(), Refusal> {
        self.patch_task(self.find(id)?, |table| {
            let array = table
                .get_mut("milestones")
                .and_then(Item::as_array_mut)
                .filter(|a| n < a.len())
                .ok_or_else(|| Refusal(tr!("{id} 没有这个节点", "{id} has no such milestone")))?;
            array.remove(n);
            Ok(())
        })
    }

    /// Puts a task's milestones in date order (each line unchanged).
    pub(crate) fn sort_milestones(&mut self, id: &str) -> Result<(), Refusal> {
        self.patch_task(self.find(id)?, |table| {
            let Some(array) = table.get_mut("milestones").and_then(Item::as_array_mut) else {
                return Ok(());
            };
            let mut values: Vec<Value> = array.iter().cloned().collect();
            let due = |v: &Value| {
                v.as_inline_table()
                    .and_then(|t| t.get("due"))
                    .and_then(Value::as_datetime)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            };
            values.sort_by_key(due);
            let decors: Vec<toml_edit::Decor> = array.iter().map(|v| v.decor().clone()).collect();
            array.clear();
            for (mut v, decor) in values.into_iter().zip(decors) {
                *v.decor_mut() = decor;
                array.push_formatted(v);
            }
            Ok(())
        })
    }
}
