//! Checks a few tasks' texts against a campaign already loaded, as the loader would check
//! them in the whole file: a save re-checks the tasks it changed in place, in far less time
//! than loading the whole file again.

use chrono::NaiveDate;

use super::entry::Entry;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use super::tasks::TaskReader;
use crate::domain::Campaign;
use crate::i18n::Text;
use crate::store::diag::Diagnostic;
use crate::store::tree::parse;

/// The errors the loader would report for the tasks written in `texts` (each one
/// `[[tasks]]` table), the rest of the campaign being `campaign` without the tasks at
/// `skip` (the ones being checked). Empty when they all load.
pub fn task_errors(
    texts: &[&str],
    campaign: &Campaign,
    skip: &[usize],
    today: NaiveDate,
) -> Vec<Diagnostic> {
    let mut ids = Ids::default();
    for c in &campaign.categories {
        ids.known(IdKind::Category, &c.id);
    }
    for u in &campaign.units {
        ids.known(IdKind::Unit, &u.id);
    }
    for p in &campaign.people {
        ids.known(IdKind::Person, &p.id);
    }
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
        match parse(text) {
            Ok(parsed) => {
                let root = Entry::new(&parsed.root, Some(0..0), Text::new("文件", "file"), &[]);
                for table in root.tables(&mut f, "tasks") {
                    reader.read(&mut f, &mut ids, table, &campaign.info, today);
                }
            }
            Err(err) => {
                let message = err.message;
                f.error(
                    err.span,
                    None,
                    crate::tr!("不是有效的 TOML:{message}", "not valid TOML: {message}"),
                    None,
                );
            }
        }
        ids.check_pending(&mut f);
        errors.extend(f.into_sorted().into_iter().filter(Diagnostic::is_error));
    }
    errors
}
