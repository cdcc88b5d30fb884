//! Less frequent edits (tasks, milestones, overrides, priority) and undo: each patches a copy
//! of the document, then reloads it through the checker, so the file can never become
//! invalid; a rejected result refuses the edit and changes nothing.

use chrono::NaiveDate;
use toml_edit::{DocumentMut, InlineTable, Item, Table, Value};

use super::file::{CampaignFile, Refusal, date_value, layout_refusal, log_line};
use super::load::{Today, load_str};
use super::patch;
use crate::domain::history::Event;
use crate::domain::{Light, Task};
use crate::i18n::Text;
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

/// The next id in the file's own pattern: `T14` after `T13`, `Y021` after `Y020`.
pub fn next_task_id(ids: &[&str]) -> String {
    let mut best: Option<(String, u64, usize)> = None;
    for id in ids {
        let digits = id.chars().rev().take_while(char::is_ascii_digit).count();
        let (prefix, number) = id.split_at(id.len() - digits);
        let Ok(n) = number.parse::<u64>() else {
            continue;
        };
        if best.as_ref().is_none_or(|(_, max, _)| n >= *max) {
            best = Some((prefix.to_owned(), n, digits));
        }
    }
    let (prefix, max, width) = best.unwrap_or(("T".to_owned(), 0, 2));
    let mut n = max + 1;
    loop {
        let id = format!("{prefix}{n:0width$}");
        if !ids.contains(&id.as_str()) {
            return id;
        }
        n += 1;
    }
}

fn set_opt_str(table: &mut Table, key: &str, value: &Option<String>) {
    match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => patch::set(table, key, patch::string(v)),
        None => patch::remove(table, key),
    }
}

fn write_fields(table: &mut Table, f: &TaskFields) {
    patch::set(table, "title", patch::string(f.title.trim()));
    set_opt_str(table, "short", &f.short);
    patch::set(table, "category", patch::string(&f.category));
    set_opt_str(table, "leader", &f.leader);
    set_opt_str(table, "lead_unit", &f.lead_unit);
    set_opt_str(table, "owner", &f.owner);
    match f.priority {
        Some(p) => patch::set(table, "priority", p),
        None => patch::remove(table, "priority"),
    }
    match f.investment {
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => patch::set(table, "investment", x as i64),
        Some(x) => patch::set(table, "investment", x),
        None => patch::remove(table, "investment"),
    }
    set_opt_str(table, "target", &f.target);
    if let Some(d) = f.deadline {
        patch::set(table, "deadline", date_value(d));
    }
}

impl CampaignFile {
    /// Replaces the whole text (undo and redo): it is checked like a file being opened.
    pub fn replace_text(&mut self, text: &str) -> Result<(), Refusal> {
        self.adopt(text.to_owned(), Text::new("无法恢复", "cannot restore"))
    }

    /// Settles every `[[conflicts]]` record: `Keep::Mine` keeps the values in the file,
    /// `Keep::Theirs` takes the recorded ones; either way the records go.
    pub fn settle_conflicts(&mut self, keep: super::merge::Keep) -> Result<(), Refusal> {
        let failure = Text::new("冲突未能处理", "the conflicts could not be settled");
        let text =
            super::recorded::settle(&self.text, keep).ok_or_else(|| Refusal(failure.clone()))?;
        self.adopt(text, failure)
    }

    /// Applies `change` to task `id`'s table and keeps the result only if the whole file
    /// still checks.
    pub(super) fn change_task(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut Table) -> Result<(), Refusal>,
    ) -> Result<(), Refusal> {
        let index = self
            .campaign
            .task_index(id)
            .ok_or_else(|| Refusal(tr!("没有任务 {id}", "there is no task {id}")))?;
        let (mut doc, range) = self.task_document(index)?;
        let table = patch::task_mut(&mut doc, id).ok_or_else(|| layout_refusal(id))?;
        change(table)?;
        let new = super::eol::like(&self.text[range.clone()], doc.to_string());
        let mut text = self.text.clone();
        text.replace_range(range, &new);
        self.adopt(text, Text::new("修改未保存", "not changed"))
    }

    /// Adds `table` as a new `[[key]]` after the last one (or at the end of the file), if the
    /// file still checks.
    pub(super) fn add_table(&mut self, key: &str, table: Table) -> Result<(), Refusal> {
        let mut doc = DocumentMut::new();
        let mut aot = toml_edit::ArrayOfTables::new();
        aot.push(table);
        doc.insert(key, Item::ArrayOfTables(aot));
        let at = self
            .layout
            .after_last(key, &self.text)
            .unwrap_or(self.text.len());
        let (before, after) = self.text.split_at(at);
        let mut added = String::new();
        if !before.is_empty() && !before.ends_with('\n') {
            added.push('\n');
        }
        // A blank line before the new table (`\n\n`, or `\n\r\n` in a CRLF file).
        if !before.is_empty() && !before.ends_with("\n\n") && !before.ends_with("\n\r\n") {
            added.push('\n');
        }
        added.push_str(&doc.to_string());
        let added = super::eol::like(&self.text, added);
        let mut text = String::with_capacity(self.text.len() + added.len());
        text.push_str(before);
        text.push_str(&added);
        text.push_str(after);
        self.adopt(text, Text::new("修改未保存", "not changed"))
    }

    /// Checks `text` as a file being opened and, if it loads, makes it the campaign.
    pub(super) fn adopt(&mut self, text: String, failure: Text) -> Result<(), Refusal> {
        let loaded = load_str(&text, Today::Date(self.today)).map_err(|r| {
            let why = r
                .diagnostics
                .first()
                .map_or_else(|| Text::same("?"), |d| d.message.clone());
            Refusal(Text::new(
                format!("{}:{}", failure.zh, why.zh),
                format!("{}: {}", failure.en, why.en),
            ))
        })?;
        self.campaign = std::sync::Arc::new(loaded.campaign);
        self.layout = loaded.layout;
        self.warnings = loaded.warnings;
        self.set_text(text);
        self.dirty = true;
        Ok(())
    }

    /// Adds a task after the last one; returns its new id.
    pub fn add_task(&mut self, fields: &TaskFields) -> Result<String, Refusal> {
        let ids: Vec<&str> = self.campaign.tasks.iter().map(|t| t.id.as_str()).collect();
        let id = next_task_id(&ids);
        let spelled = self
            .campaign
            .status_spelling
            .write(crate::domain::Status::NotStarted);
        let mut table = Table::new();
        table.insert("id", toml_edit::value(patch::string(&id)));
        table.insert("title", toml_edit::value(""));
        table.insert("category", toml_edit::value(""));
        write_fields(&mut table, fields);
        table.insert("status", toml_edit::value(patch::string(spelled)));
        self.add_table("tasks", table)?;
        Ok(id)
    }

    /// Rewrites a task's fields, keeping every other key and comment.
    pub fn edit_task(&mut self, id: &str, fields: &TaskFields) -> Result<(), Refusal> {
        self.change_task(id, |table| {
            write_fields(table, fields);
            Ok(())
        })
    }

    /// Deletes a task (with its problems), unless a pledge or a published review names it.
    pub fn delete_task(&mut self, id: &str) -> Result<(), Refusal> {
        let pledged = self
            .campaign
            .commitments
            .iter()
            .any(|c| c.task.as_deref() == Some(id));
        let reviewed = self
            .campaign
            .reviews
            .iter()
            .any(|r| r.red.iter().chain(&r.yellow).any(|t| t == id));
        if pledged || reviewed {
            return Err(Refusal(tr!(
                "{id} 被承诺或已发布的擂台榜引用,不能删除",
                "{id} is named by a pledge or a published review; it cannot be deleted"
            )));
        }
        let index = self
            .campaign
            .task_index(id)
            .ok_or_else(|| Refusal(tr!("没有任务 {id}", "there is no task {id}")))?;
        let region = self
            .layout
            .elements
            .get(index)
            .cloned()
            .flatten()
            .ok_or_else(|| layout_refusal(id))?;
        // The task's lines and the blank lines after them; comments about what follows stay.
        let content_line_end = self.text[region.content_end..]
            .find('\n')
            .map_or(self.text.len(), |i| region.content_end + i + 1);
        let tail = &self.text[content_line_end..region.range.end];
        let blank = tail.len() - tail.trim_start_matches(['\n', '\r', ' ', '\t']).len();
        let blank = tail[..blank].rfind('\n').map_or(0, |i| i + 1);
        let mut text = self.text.clone();
        text.replace_range(region.range.start..content_line_end + blank, "");
        self.adopt(text, Text::new("修改未保存", "not changed"))
    }

    pub fn set_priority(&mut self, id: &str, priority: u8) -> Result<(), Refusal> {
        self.change_task(id, |table| {
            patch::set(table, "priority", i64::from(priority));
            Ok(())
        })
    }

    /// Sets (or with `None` removes) a leader's light override, noting it in the task's
    /// history (nothing is noted when there was no override to remove).
    pub fn set_override(
        &mut self,
        id: &str,
        light: Option<(Light, &str, Option<NaiveDate>)>,
        today: NaiveDate,
        by: Option<&str>,
    ) -> Result<(), Refusal> {
        let had = self
            .campaign
            .task(id)
            .is_some_and(|t| t.light_override.is_some());
        let event = match light {
            Some((light, reason, until)) => Some(Event::LightSet {
                light,
                reason: reason.trim().to_owned(),
                until,
            }),
            None => had.then_some(Event::LightCleared),
        };
        self.check_by(by)?;
        self.change_task(id, |table| {
            match light {
                Some((light, reason, until)) => {
                    let mut inline = InlineTable::new();
                    inline.insert("light", patch::string(light.key()));
                    inline.insert("reason", patch::string(reason));
                    if let Some(until) = until {
                        inline.insert("until", date_value(until));
                    }
                    inline.fmt();
                    patch::set(table, "light_override", Value::InlineTable(inline));
                }
                None => patch::remove(table, "light_override"),
            }
            if let Some(event) = event {
                patch::append_inline(table, "log", log_line(&event.entry(today, by)));
            }
            Ok(())
        })
    }

    /// Adds milestones at the end of the task's list (one line each).
    pub fn add_milestones(
        &mut self,
        id: &str,
        milestones: &[MilestoneFields],
    ) -> Result<(), Refusal> {
        self.change_task(id, |table| {
            for m in milestones {
                let mut inline = InlineTable::new();
                inline.insert("title", patch::string(m.title.trim()));
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
    pub fn edit_milestone(
        &mut self,
        id: &str,
        n: usize,
        m: &MilestoneFields,
    ) -> Result<(), Refusal> {
        self.change_task(id, |table| {
            let cell = patch::array_table_mut(table, "milestones", n).ok_or_else(|| {
                Refusal(tr!("{id} 没有第 {n} 个节点", "{id} has no milestone {n}"))
            })?;
            patch::set_inline(cell, "title", patch::string(m.title.trim()), None);
            patch::set_inline(cell, "due", date_value(m.due), None);
            match &m.unit {
                Some(unit) => patch::set_inline(cell, "unit", patch::string(unit), None),
                None => patch::remove_inline(cell, "unit"),
            }
            Ok(())
        })
    }

    pub fn delete_milestone(&mut self, id: &str, n: usize) -> Result<(), Refusal> {
        self.change_task(id, |table| {
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
    pub fn sort_milestones(&mut self, id: &str) -> Result<(), Refusal> {
        self.change_task(id, |table| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_ids_follow_the_pattern() {
        assert_eq!(next_task_id(&["T01", "T13", "T02"]), "T14");
        assert_eq!(next_task_id(&["Y019", "Y020"]), "Y021");
        assert_eq!(next_task_id(&["T00001", "T09999"]), "T10000");
        assert_eq!(next_task_id(&[]), "T01");
        assert_eq!(next_task_id(&["road", "T9"]), "T10");
    }
}
