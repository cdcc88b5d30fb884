//! Reads a few tasks' texts against a campaign already loaded, as the loader would read them
//! in the whole file: an edit reads the task it changed back from its new text (so the model
//! is always what the text says), and a save re-checks the tasks it changed in place, in far
//! less time than loading the whole file again.

use chrono::NaiveDate;

use super::entry::Entry;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use super::tasks::TaskReader;
use crate::domain::{Campaign, Task};
use crate::i18n::Text;
use crate::store::diag::Diagnostic;
use crate::store::tree::parse;
use crate::tr;

/// The errors the loader would report for the tasks written in `texts` (each one
/// `[[tasks]]` table), the rest of the campaign being `campaign` without the tasks at
/// `skip` (the ones being checked). Empty when they all load.
pub(crate) fn task_errors(
    texts: &[&str],
    campaign: &Campaign,
    skip: &[usize],
    today: NaiveDate,
) -> Vec<Diagnostic> {
    let mut ids = directory(campaign);
    for (i, task) in campaign.tasks.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        ids.known(IdKind::Task, &task.id);
        for m in &task.milestones {
            ids.known(IdKind::Milestone, &m.id);
        }
        for p in &task.problems {
            ids.known(IdKind::Problem, &p.id);
        }
    }
    let mut errors = Vec::new();
    let mut reader = TaskReader::default();
    for text in texts {
        let mut f = Findings::new(text);
        read_into(text, &mut f, &mut ids, &mut reader, campaign, today);
        ids.check_pending(&mut f);
        errors.extend(f.into_sorted().into_iter().filter(Diagnostic::is_error));
    }
    errors
}

/// Task `index` of `campaign` read from `text` (its own `[[tasks]]` table, as an edit left
/// it) with the loader's own reader: the same checks, defaults and model as a fresh load.
/// Its references are resolved against the campaign's categories, units and people, so the
/// cost is that of the task, not of the file. The loader's errors when it would not load.
pub(crate) fn read_task(
    text: &str,
    campaign: &Campaign,
    index: usize,
    today: NaiveDate,
) -> Result<Task, Vec<Diagnostic>> {
    let mut ids = directory(campaign);
    let mut reader = TaskReader::default();
    let mut f = Findings::new(text);
    read_into(text, &mut f, &mut ids, &mut reader, campaign, today);
    ids.check_pending(&mut f);
    let mut tasks = reader.tasks;
    let task = match (tasks.pop(), tasks.is_empty()) {
        (Some(task), true) => Some(task),
        _ => None,
    };
    if let Some(task) = &task {
        foreign_duplicates(task, campaign, index, &mut f);
    }
    let errors: Vec<Diagnostic> = f
        .into_sorted()
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    match task {
        Some(task) if errors.is_empty() => Ok(task),
        _ => Err(errors),
    }
}

/// Ids are unique within their kind across the whole file: a rule that spans tasks. Only the
/// ids this task did not have before are looked for in the others, so an edit that brings
/// in none (a tick, a note, a status) never walks the campaign.
fn foreign_duplicates(task: &Task, campaign: &Campaign, index: usize, f: &mut Findings) {
    let Some(old) = campaign.tasks.get(index) else {
        return;
    };
    let others = || {
        campaign
            .tasks
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i != index)
            .map(|(_, t)| t)
    };
    let mut taken: Vec<(IdKind, &str, &str)> = Vec::new();
    if task.id != old.id
        && let Some(other) = others().find(|t| t.id == task.id)
    {
        taken.push((IdKind::Task, &task.id, &other.id));
    }
    for m in &task.milestones {
        if old.milestones.iter().any(|o| o.id == m.id) {
            continue;
        }
        if let Some(other) = others().find(|t| t.milestones.iter().any(|o| o.id == m.id)) {
            taken.push((IdKind::Milestone, &m.id, &other.id));
        }
    }
    for p in &task.problems {
        if old.problems.iter().any(|o| o.id == p.id) {
            continue;
        }
        if let Some(other) = others().find(|t| t.problems.iter().any(|o| o.id == p.id)) {
            taken.push((IdKind::Problem, &p.id, &other.id));
        }
    }
    for (kind, id, other) in taken {
        let what = kind.name();
        f.error(
            None,
            Some(&kind.subject(id)),
            Text::new(
                format!("{}编号 `{id}` 重复(任务 {other} 已使用)", what.zh),
                format!("duplicate {} id `{id}` (task {other} has it)", what.en),
            ),
            Some(tr!(
                "每个编号在同类中必须唯一,请改名其中一个",
                "ids must be unique within their kind; rename one"
            )),
        );
    }
}

/// The ids every task may name: categories, units and people.
fn directory(campaign: &Campaign) -> Ids {
    let mut ids = Ids::default();
    for c in &campaign.categories {
        ids.known(IdKind::Category, &c.id);
        ids.name(IdKind::Category, &c.id, &c.name);
    }
    for u in &campaign.units {
        ids.known(IdKind::Unit, &u.id);
        ids.name(IdKind::Unit, &u.id, &u.name);
    }
    for p in &campaign.people {
        ids.known(IdKind::Person, &p.id);
        ids.name(IdKind::Person, &p.id, &p.name);
    }
    ids
}

/// Reads the `[[tasks]]` tables written in `text` into `reader`.
fn read_into(
    text: &str,
    f: &mut Findings,
    ids: &mut Ids,
    reader: &mut TaskReader,
    campaign: &Campaign,
    today: NaiveDate,
) {
    match parse(text) {
        Ok(parsed) => {
            let root = Entry::new(&parsed.root, Some(0..0), Text::new("文件", "file"), &[]);
            for table in root.tables(f, "tasks") {
                reader.read(f, ids, table, &campaign.info, today);
            }
        }
        Err(err) => {
            let span = err.span.clone();
            let limit = err.limit;
            let (what, hint) = super::syntax_words(err);
            f.error(span, None, what, limit.map(|_| hint));
        }
    }
}
