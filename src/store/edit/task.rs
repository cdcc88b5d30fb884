//! The everyday edits of one task: status, ticks, notes, problems, progress, priority and a
//! leader's light. Each checks what it may do, patches the task's text (the history line of
//! a recorded edit in the same patch) and lets the task be read back (see `edit.rs`).

use chrono::NaiveDate;
use toml_edit::{InlineTable, Table, Value};

use crate::domain::history::Event;
use crate::domain::{Light, LogEntry, Status};
use crate::i18n::Text;
pub(crate) use crate::store::edit::args::{MilestoneRef, NewProblem};
use crate::store::edit::patch;
use crate::store::edit::{date_value, layout_refusal, record};
use crate::store::file::{CampaignFile, Refusal};
use crate::tr;

impl CampaignFile {
    /// Changes a task's status, enforcing the sign-off rules; crossing off records the date
    /// and who, reopening removes them; the change goes into the task's history.
    pub(crate) fn set_status(
        &mut self,
        id: &str,
        status: Status,
        today: NaiveDate,
        by: Option<&str>,
    ) -> Result<(), Refusal> {
        let index = self.find(id)?;
        let task = &self.campaign.tasks[index];
        if task.status == status {
            return Ok(());
        }
        let undone = task.milestones.iter().filter(|m| !m.done).count();
        let open = task.problems.iter().filter(|p| !p.resolved).count();
        status
            .may_hold(undone, open)
            .map_err(|block| Refusal(block.refusal(id)))?;
        let spelled = self.campaign.status_spelling.write(status);
        let reopening = task.status == Status::Done;
        let entry = Event::moved(task.status, status).entry(today, by);
        self.check_by(by)?;
        self.patch_task(index, |table| {
            patch::set(table, "status", patch::string(spelled));
            if status == Status::Done {
                patch::set(table, "closed_on", date_value(today));
                match by {
                    Some(by) => patch::set(table, "closed_by", patch::string(by)),
                    None => patch::remove(table, "closed_by"),
                }
            } else if reopening {
                patch::remove(table, "closed_on");
                patch::remove(table, "closed_by");
            }
            record(table, &entry);
            Ok(())
        })
    }

    /// Ticks (done_on = today) or unticks a milestone, noting it in the task's history.
    pub(crate) fn set_milestone_done(
        &mut self,
        id: &str,
        which: MilestoneRef,
        done: bool,
        today: NaiveDate,
        by: Option<&str>,
    ) -> Result<(), Refusal> {
        let index = self.find(id)?;
        let task = &self.campaign.tasks[index];
        let n = match &which {
            MilestoneRef::Index(n) if *n < task.milestones.len() => Some(*n),
            MilestoneRef::Index(_) => None,
            MilestoneRef::Id(mid) => task.milestones.iter().position(|m| &m.id == mid),
        };
        let Some(n) = n else {
            let count = task.milestones.len();
            return Err(Refusal(tr!(
                "{id} 没有这个节点(共 {count} 个,可用序号 1–{count} 或节点编号)",
                "{id} has no such milestone ({count} in all; use 1–{count} or a milestone id)"
            )));
        };
        if !done && task.status.needs_every_milestone() {
            let label = task.status.label(crate::i18n::Lang::Zh);
            let label_en = task.status.label(crate::i18n::Lang::En);
            return Err(Refusal(Text::new(
                format!("{id} 状态为{label},请先移回推进中再取消节点"),
                format!("{id} is {label_en}; move it back to in progress before unticking"),
            )));
        }
        let milestone = &task.milestones[n];
        if milestone.done == done {
            return Ok(());
        }
        let entry = Event::tick(id, &milestone.id, &milestone.title, done).entry(today, by);
        self.check_by(by)?;
        self.patch_task(index, |table| {
            let cell =
                patch::array_table_mut(table, "milestones", n).ok_or_else(|| layout_refusal(id))?;
            patch::set_inline(cell, "done", done, None);
            if done {
                patch::set_inline(cell, "done_on", date_value(today), Some("done"));
            } else {
                patch::remove_inline(cell, "done_on");
            }
            record(table, &entry);
            Ok(())
        })
    }

    /// Appends a note to the task's log (the log is append-only).
    pub(crate) fn append_log(&mut self, id: &str, entry: LogEntry) -> Result<(), Refusal> {
        let index = self.find(id)?;
        if entry.text.trim().is_empty() {
            return Err(Refusal(Text::new(
                "记录内容不能为空",
                "a note cannot be empty",
            )));
        }
        self.check_by(entry.by.as_deref())?;
        self.patch_task(index, |table| {
            record(table, &entry);
            Ok(())
        })
    }

    /// Logs a new problem; returns its id (`T01-P3`).
    pub(crate) fn add_problem(
        &mut self,
        id: &str,
        new: NewProblem,
        today: NaiveDate,
    ) -> Result<String, Refusal> {
        let index = self.find(id)?;
        if new.text.trim().is_empty() {
            return Err(Refusal(Text::new(
                "问题内容不能为空",
                "a problem needs a text",
            )));
        }
        if self.campaign.tasks[index].status.needs_no_open_problem() {
            return Err(Refusal(tr!(
                "{id} 已销号,不能再登记问题;如需登记,请先把它移回推进中",
                "{id} is crossed off and cannot get a new problem; move it back to in progress first"
            )));
        }
        if let Some(owner) = &new.owner {
            crate::store::edit::verify::unit(&self.campaign, owner)?;
        }
        self.no_second_order(index, &new)?;
        if let Some(person) = &new.coordinator {
            crate::store::edit::verify::person(&self.campaign, person)?;
        }
        // Problem ids are unique across tasks: the next free one is looked for in them all.
        let taken = |pid: &str| {
            self.campaign
                .tasks
                .iter()
                .any(|t| t.problems.iter().any(|p| p.id == pid))
        };
        let mut n = self.campaign.tasks[index].problems.len() + 1;
        while taken(&format!("{id}-P{n}")) {
            n += 1;
        }
        let pid = format!("{id}-P{n}");
        let mut table = Table::new();
        table.insert("id", toml_edit::value(patch::string(&pid)));
        table.insert("text", toml_edit::value(patch::string(&new.text)));
        if let Some(kind) = &new.kind {
            table.insert("kind", toml_edit::value(patch::string(kind)));
        }
        table.insert("blocking", toml_edit::value(new.blocking));
        table.insert("raised", toml_edit::value(date_value(today)));
        if let Some(owner) = &new.owner {
            table.insert("owner", toml_edit::value(patch::string(owner)));
        }
        if let Some(person) = &new.coordinator {
            table.insert("coordinator", toml_edit::value(patch::string(person)));
        }
        if let Some(due) = new.due {
            table.insert("due", toml_edit::value(date_value(due)));
        }
        table.insert("resolved", toml_edit::value(false));
        self.patch_task(index, |task_table| {
            patch::append_table(task_table, "problems", table);
            Ok(())
        })?;
        Ok(pid)
    }

    /// Refuses a follow-up order (督办) for a unit that already has one open on the task,
    /// naming that order: one order is chased at a time.
    fn no_second_order(&self, index: usize, new: &NewProblem) -> Result<(), Refusal> {
        use crate::domain::follow_up::KIND;
        if new.kind.as_deref() != Some(KIND) {
            return Ok(());
        }
        let task = &self.campaign.tasks[index];
        let Some(open) = task
            .problems
            .iter()
            .find(|p| !p.resolved && p.kind.as_deref() == Some(KIND) && p.owner == new.owner)
        else {
            return Ok(());
        };
        let (id, pid) = (&task.id, &open.id);
        let unit = open.owner.as_deref().map_or_else(String::new, |u| {
            let name = self.campaign.unit(u).map_or(u, |x| x.name.as_str());
            crate::sanitize::inert(name)
        });
        let due = open.due.map(|d| d.to_string()).unwrap_or_default();
        Err(Refusal(tr!(
            "{id} 已有未解决的督办 {pid}({unit},限期 {due}),不再重复下达;如需改动,请先解决它",
            "{id} already has an open follow-up order {pid} ({unit}, fix by {due}); no second one is issued: resolve it first to issue another"
        )))
    }

    /// Resolves a problem with its result (which joins the results list), noting it in the
    /// task's history.
    pub(crate) fn resolve_problem(
        &mut self,
        id: &str,
        problem: &str,
        result: &str,
        today: NaiveDate,
        by: Option<&str>,
    ) -> Result<(), Refusal> {
        let index = self.find(id)?;
        if !self.campaign.tasks[index]
            .problems
            .iter()
            .any(|p| p.id == problem)
        {
            return Err(Refusal(tr!(
                "{id} 没有问题 {problem}",
                "{id} has no problem {problem}"
            )));
        }
        let event = Event::Resolved {
            problem: problem.to_owned(),
            result: result.trim().to_owned(),
        };
        let entry = event.entry(today, by);
        self.check_by(by)?;
        self.patch_task(index, |table| {
            let sub = patch::sub_table_mut(table, "problems", problem)
                .ok_or_else(|| layout_refusal(id))?;
            patch::set(sub, "resolved", true);
            patch::set(sub, "resolved_on", date_value(today));
            if !result.trim().is_empty() {
                patch::set(sub, "result", patch::string(result));
            }
            record(table, &entry);
            Ok(())
        })
    }

    /// Sets the progress percentage (0–100).
    pub(crate) fn set_progress(&mut self, id: &str, progress: u8) -> Result<(), Refusal> {
        let index = self.find(id)?;
        if progress > 100 {
            return Err(Refusal(tr!(
                "进度必须在 0–100 之间",
                "progress must be 0–100"
            )));
        }
        self.patch_task(index, |table| {
            patch::set(table, "progress", i64::from(progress));
            Ok(())
        })
    }

    pub(crate) fn set_priority(&mut self, id: &str, priority: u8) -> Result<(), Refusal> {
        let index = self.find(id)?;
        if self.campaign.tasks[index].priority == priority {
            // Already so (a task without the key has the default): nothing to write.
            return Ok(());
        }
        self.patch_task(index, |table| {
            patch::set(table, "priority", i64::from(priority));
            Ok(())
        })
    }

    /// Sets (or with `None` removes) a leader's light override, noting it in the task's
    /// history (nothing is noted when there was no override to remove).
    pub(crate) fn set_override(
        &mut self,
        id: &str,
        light: Option<(Light, &str, Option<NaiveDate>)>,
        today: NaiveDate,
        by: Option<&str>,
    ) -> Result<(), Refusal> {
        let index = self.find(id)?;
        let current = self.campaign.tasks[index].light_override.as_ref();
        let unchanged = match (current, light) {
            (Some(o), Some((light, reason, until))) => {
                o.light == light && o.reason == reason && o.until == until
            }
            (None, None) => true,
            _ => false,
        };
        if unchanged {
            // Already so: no rewrite, and no history line saying it was set again.
            return Ok(());
        }
        let had = current.is_some();
        let event = match light {
            Some((light, reason, until)) => Some(Event::LightSet {
                light,
                reason: reason.trim().to_owned(),
                until,
            }),
            None => had.then_some(Event::LightCleared),
        };
        self.check_by(by)?;
        self.patch_task(index, |table| {
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
                record(table, &event.entry(today, by));
            }
            Ok(())
        })
    }
}
