//! Merging by task text, for files of any size: only the tasks whose text I changed (against
//! the version I read) are merged field by field, each in a document of its own; every other
//! byte is theirs as written. When the two versions differ outside the tasks (a published
//! review, the campaign's settings) or a task is written in pieces, the caller merges the
//! whole documents instead.

use std::collections::HashMap;
use std::ops::Range;

use toml_edit::DocumentMut;

use crate::store::merge::conflict::{Conflict, Keep};
use crate::store::merge::ids::id_order;
use crate::store::merge::one_task::merge_one_task;
use crate::store::merge::top_level::merge_top;
use crate::store::tree::{Builder, Item, Layout, Pieces};

/// The tasks of one version of the file: id, where its text is and where its own lines end
/// (the blank lines and comments after them introduce what follows), in file order.
pub struct TaskTexts<'t> {
    text: &'t str,
    tasks: Vec<(String, Range<usize>, usize)>,
    /// Where the last task's content ends (new tasks go after it).
    append_at: usize,
}

impl<'t> TaskTexts<'t> {
    /// From a layout already known (my version, as loaded).
    pub fn known(text: &'t str, ids: &[&str], layout: &Layout) -> Option<Self> {
        if ids.len() != layout.elements.len() {
            return None;
        }
        let tasks = ids
            .iter()
            .zip(&layout.elements)
            .map(|(id, region)| {
                let region = region.clone()?;
                let own_end = text[region.content_end..]
                    .find('\n')
                    .map_or(text.len(), |i| region.content_end + i + 1)
                    .min(region.range.end);
                Some(((*id).to_owned(), region.range, own_end))
            })
            .collect::<Option<Vec<_>>>()?;
        let append_at = layout.after_last("tasks", text).unwrap_or(text.len());
        Some(TaskTexts {
            text,
            tasks,
            append_at,
        })
    }

    /// By reading `text` (tables only, nothing checked); `None` if it is not TOML, or a task
    /// has no id or is not in one piece.
    pub fn read(text: &'t str) -> Option<Self> {
        std::thread::scope(|scope| {
            let mut builder = Builder::new(text, "tasks", Pieces::start(text, scope));
            let mut ids = Vec::new();
            let id_of = |item: &Item| -> Option<String> {
                Some(item.as_table()?.get("id")?.as_str()?.to_owned())
            };
            while builder.step().ok()? {
                for item in builder.take_streamed() {
                    ids.push(id_of(&item));
                }
            }
            let parsed = builder.finish().ok()?;
            for item in builder.take_streamed() {
                ids.push(id_of(&item));
            }
            let ids: Vec<String> = ids.into_iter().collect::<Option<_>>()?;
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            TaskTexts::known(text, &refs, &parsed.layout)
        })
    }

    /// Task `id`'s own lines, if it has them here.
    pub fn task_text(&self, id: &str) -> Option<&'t str> {
        self.by_id().get(id).copied()
    }

    /// Where task `id`'s own lines are in the text.
    pub fn own_range(&self, id: &str) -> Option<Range<usize>> {
        self.tasks
            .iter()
            .find(|(tid, _, _)| tid == id)
            .map(|(_, r, own_end)| r.start..*own_end)
    }

    /// Every task's id, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.tasks.iter().map(|(id, _, _)| id.as_str())
    }

    /// Where text added after the last task goes.
    pub fn append_at(&self) -> usize {
        self.append_at
    }

    /// Each task's own lines, by id.
    fn by_id(&self) -> HashMap<&str, &'t str> {
        self.tasks
            .iter()
            .map(|(id, r, own_end)| (id.as_str(), &self.text[r.start..*own_end]))
            .collect()
    }

    /// Each task's id and own lines, in file order.
    pub fn tasks(&self) -> impl Iterator<Item = (&str, &'t str)> {
        self.tasks
            .iter()
            .map(|(id, r, own_end)| (id.as_str(), &self.text[r.start..*own_end]))
    }

    /// Where the text after the last task starts (`None` without tasks).
    fn tail_start(&self) -> Option<usize> {
        self.tasks.last().map(|(_, r, _)| r.end)
    }

    /// The text between the tasks, but not after the last one.
    fn outside_before_tail(&self) -> Vec<&'t str> {
        let mut all = self.outside_all();
        all.pop();
        all
    }

    /// The same tasks over `text`, which differs from this text only after the last task.
    fn with_tail(&self, text: &'t str) -> TaskTexts<'t> {
        TaskTexts {
            text,
            tasks: self.tasks.clone(),
            append_at: self.append_at,
        }
    }

    fn outside_all(&self) -> Vec<&'t str> {
        let mut at = 0;
        let mut out = Vec::with_capacity(self.tasks.len() + 1);
        for (_, r, _) in &self.tasks {
            out.push(&self.text[at..r.start]);
            at = r.end;
        }
        out.push(&self.text[at..]);
        out
    }

    /// The text between the tasks.
    fn outside(&self) -> Vec<&'t str> {
        let mut out = self.outside_all();
        out.retain(|s| !s.is_empty());
        out
    }
}

pub enum Merged {
    Text(String),
    Conflicts(Vec<Conflict>),
    /// The versions differ outside the tasks: merge the whole documents.
    Whole,
}

/// One task's text as a document holding it alone (or none).
fn doc(text: Option<&str>) -> Option<DocumentMut> {
    text.unwrap_or("").parse().ok()
}

fn conflict(task: &str, key: &str, mine: &str, theirs: &str) -> Conflict {
    Conflict {
        task: task.to_owned(),
        key: key.to_owned(),
        mine: mine.to_owned(),
        theirs: theirs.to_owned(),
    }
}

/// Their text with what I changed after the last task (a review published here, a conflict
/// recorded or settled) merged into their text there, when that is the only place outside the
/// tasks where I changed anything. Only that part is parsed as a document, so the cost does
/// not grow with the tasks. `None` when the change is elsewhere, or a part does not read on
/// its own.
fn merge_tails(
    base: &TaskTexts,
    mine: &TaskTexts,
    theirs: &TaskTexts,
    keep: Option<Keep>,
    conflicts: &mut Vec<Conflict>,
) -> Option<String> {
    if base.outside_before_tail() != mine.outside_before_tail() {
        return None;
    }
    let tail = |t: &TaskTexts| -> Option<DocumentMut> { t.text[t.tail_start()?..].parse().ok() };
    let (base_tail, mine_tail, mut theirs_tail) = (tail(base)?, tail(mine)?, tail(theirs)?);
    merge_top(&base_tail, &mine_tail, &mut theirs_tail, keep, conflicts);
    let start = theirs.tail_start()?;
    let mut text = String::with_capacity(theirs.text.len() + 4096);
    text.push_str(&theirs.text[..start]);
    let tail = theirs_tail.to_string();
    let had_no_tail = theirs.text[start..].trim().is_empty();
    if had_no_tail && tail.starts_with('[') && !text.ends_with("\n\n") {
        // A table that was not there before is set off by a blank line, as bairi writes it.
        text.push('\n');
    }
    text.push_str(&tail);
    Some(text)
}

/// Their text with my task edits merged in; conflicts settled by `keep`, or returned.
pub fn merge_texts(
    base: &TaskTexts,
    mine: &TaskTexts,
    theirs: &TaskTexts,
    keep: Option<Keep>,
) -> Merged {
    let merged_tail;
    let with_tail;
    let mut conflicts = Vec::new();
    let theirs = if base.outside() == mine.outside() {
        theirs
    } else {
        let Some(text) = merge_tails(base, mine, theirs, keep, &mut conflicts) else {
            return Merged::Whole;
        };
        merged_tail = text;
        with_tail = theirs.with_tail(&merged_tail);
        &with_tail
    };
    let sides = Sides {
        b: base.by_id(),
        m: mine.by_id(),
        t: theirs.by_id(),
        keep,
    };
    // (where in their text, what goes there), in their order.
    let Some(mut edits) = sides.their_tasks(theirs, &mut conflicts) else {
        return Merged::Whole;
    };
    let added = sides.mine_alone(mine, theirs, &mut edits, &mut conflicts);
    if !conflicts.is_empty() {
        return Merged::Conflicts(conflicts);
    }
    spliced(theirs.text, edits, &added)
}

/// Each version's tasks by id, and how conflicts are settled.
struct Sides<'a, 't> {
    b: HashMap<&'a str, &'t str>,
    m: HashMap<&'a str, &'t str>,
    t: HashMap<&'a str, &'t str>,
    keep: Option<Keep>,
}

impl Sides<'_, '_> {
    /// What goes in place of their tasks that I changed; `None` when one of them does not
    /// read on its own (the whole documents are merged instead).
    fn their_tasks(
        &self,
        theirs: &TaskTexts,
        conflicts: &mut Vec<Conflict>,
    ) -> Option<Vec<(Range<usize>, String)>> {
        let (b, m, t, keep) = (&self.b, &self.m, &self.t, self.keep);
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for (id, range, own_end) in &theirs.tasks {
            let (bt, mt) = (b.get(id.as_str()).copied(), m.get(id.as_str()).copied());
            if bt == mt {
                continue;
            }
            if let (Some(mt), true) = (mt, t.get(id.as_str()).copied() == bt) {
                // Only I changed it: my text as I wrote it, comments and all.
                edits.push((range.start..*own_end, mt.to_owned()));
                continue;
            }
            if bt.is_none() && mt.map(str::trim_end) == t.get(id.as_str()).map(|t| t.trim_end()) {
                // We both added the same task.
                continue;
            }
            if bt.is_none() {
                // We both added a task with this id.
                match keep {
                    Some(Keep::Mine) => {
                        edits.push((range.start..*own_end, mt.unwrap_or("").to_owned()));
                    }
                    Some(Keep::Theirs) => {}
                    None => {
                        conflicts.push(conflict(id, "(added here and there)", "added", "added"));
                    }
                }
                continue;
            }
            let own = range.start..*own_end;
            let (bd, md, td) = (doc(bt)?, doc(mt)?, doc(Some(&theirs.text[own.clone()]))?);
            edits.push((own, merge_one_task(&bd, md, td, keep, conflicts)));
        }
        Some(edits)
    }

    /// My tasks they do not have: added here (placed among theirs by id, into `edits`), or
    /// deleted there and changed here. Returns what goes after their last task.
    fn mine_alone(
        &self,
        mine: &TaskTexts,
        theirs: &TaskTexts,
        edits: &mut Vec<(Range<usize>, String)>,
        conflicts: &mut Vec<Conflict>,
    ) -> String {
        let (b, m, t, keep) = (&self.b, &self.m, &self.t, self.keep);
        let mut added = String::new();
        // Their tasks added since the version I read: mine join them in the order of their
        // ids, so the tasks added on two sides end in one order whichever side merges.
        let theirs_new: Vec<(&str, usize)> = theirs
            .tasks
            .iter()
            .filter(|(id, _, _)| !b.contains_key(id.as_str()))
            .map(|(id, r, _)| (id.as_str(), r.start))
            .collect();
        let mut next_theirs = 0;
        for (id, _, _) in &mine.tasks {
            let Some(text) = m.get(id.as_str()) else {
                continue;
            };
            match (b.get(id.as_str()), t.contains_key(id.as_str())) {
                // Mine alone: before their first new task with a later id, else after their last.
                (None, false) => {
                    while theirs_new
                        .get(next_theirs)
                        .is_some_and(|(tid, _)| id_order(tid) < id_order(id))
                    {
                        next_theirs += 1;
                    }
                    match theirs_new.get(next_theirs) {
                        Some((_, start)) => {
                            edits.push((*start..*start, format!("{}\n\n", text.trim_end())));
                        }
                        None => {
                            added.push('\n');
                            added.push_str(text.trim_end());
                            added.push('\n');
                        }
                    }
                }
                // Deleted there, changed here.
                (Some(base_text), false) if base_text != text => match keep {
                    Some(Keep::Mine) => {
                        added.push('\n');
                        added.push_str(text.trim_end());
                        added.push('\n');
                    }
                    Some(Keep::Theirs) => {}
                    None => conflicts.push(conflict(id, "(deleted there)", "changed", "deleted")),
                },
                _ => {}
            }
        }
        added
    }
}

/// Their text with `edits` made and `added` after their last task.
fn spliced(text: &str, mut edits: Vec<(Range<usize>, String)>, added: &str) -> Merged {
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len() + added.len() + 1024);
    let mut at = 0;
    for (range, new) in edits {
        out.push_str(&text[at..range.start]);
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(&text[at..]);
    if !added.is_empty() {
        // After their last task as it now reads (it may be one just merged).
        let Some(append_at) = TaskTexts::read(&out).map(|t| t.append_at) else {
            return Merged::Whole;
        };
        out.insert_str(append_at, added);
    }
    Merged::Text(out)
}

#[cfg(test)]
mod tests;
