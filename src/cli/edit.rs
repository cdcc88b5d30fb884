//! `bairi move | tick | note | pledge | follow-up | problem | resolve | set | add`: one edit,
//! saved in place, for scripts and tests.

use std::io::Write;
use std::path::Path;

mod asked;

use super::check::open_file;
use crate::i18n::{Lang, Text};
use crate::store::edit::apply::{Edit as Change, Stamp};
use crate::store::file::{CampaignFile, NewProblem};
use crate::store::load::Today;

use super::names::{What, resolve};

/// One edit from the command line.
pub(crate) enum Edit {
    Move {
        task: String,
        status: String,
    },
    Tick {
        task: String,
        milestone: String,
        undo: bool,
    },
    Note {
        task: String,
        text: String,
    },
    /// A new pledge (`by` comes from the stamp).
    Pledge(crate::store::edit::pledge::NewPledge),
    /// Pledge `n` (from 1) checked: kept or broken.
    CheckPledge {
        n: usize,
        kept: bool,
    },
    /// A follow-up order (督办); the coordinator is the stamp's person.
    FollowUp {
        task: String,
        unit: Option<String>,
        due: Option<chrono::NaiveDate>,
        text: Option<String>,
    },
    /// A new problem (`bairi problem`); its id is printed.
    Problem {
        task: String,
        problem: NewProblem,
    },
    /// A problem resolved (`bairi resolve`), found by its id in whichever task has it.
    Resolve {
        problem: String,
        result: String,
    },
    /// One scalar field of a task (`bairi set`).
    Set {
        task: String,
        field: String,
        value: String,
    },
    /// A new task (`bairi add`); its id is printed.
    Add(super::add::NewTask),
}

/// When, by whom, and how many timestamped copies to keep.
pub(crate) struct EditStamp {
    pub(crate) today: Today,
    pub(crate) clock: crate::clock::Clock,
    pub(crate) by: Option<String>,
    pub(crate) backups: usize,
}

/// Opens, edits, saves; returns the exit code (1 when refused or failed, file untouched).
pub(crate) fn run(
    path: &Path,
    edit: Edit,
    stamp: EditStamp,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let EditStamp {
        today,
        clock,
        by,
        backups,
    } = stamp;
    let name = path.display().to_string();
    let mut file = match open_file(path, today, lang, err) {
        Ok(file) => file,
        Err(code) => return code,
    };
    file.backups = crate::store::save::backup::BackupPolicy::standard(backups);
    file.clock = clock;
    // A name or short id where an id belongs is read as the board reads it.
    let by = by.map(|who| resolve(&file.campaign, What::Person, &who).unwrap_or(who));
    let edit = match checked(&file, edit, by.as_deref()) {
        Ok(edit) => edit,
        Err(why) => {
            let _ = writeln!(err, "{name}: {}", why.get(lang));
            return 1;
        }
    };
    let result = match asked::asked(&file, edit, by.as_ref(), lang) {
        Ok(None) => return already(lang, out),
        Ok(Some(asked)) => made(&mut file, asked, by),
        Err(why) => Err(why),
    };
    match result {
        Err(refusal) => {
            let _ = writeln!(err, "{name}: {}", refusal.get(lang));
            1
        }
        // Already so, as the board says: the file is what was asked, and is not written.
        Ok(None) => already(lang, out),
        Ok(Some(done)) => save(&mut file, &done, &name, lang, out, err),
    }
}

impl Edit {
    /// Whether the edit records who made it (so `--by` must name someone in the file).
    fn writes_by(&self) -> bool {
        matches!(
            self,
            Edit::Move { .. }
                | Edit::Tick { .. }
                | Edit::Note { .. }
                | Edit::Pledge(_)
                | Edit::CheckPledge { .. }
                | Edit::FollowUp { .. }
                | Edit::Problem { .. }
                | Edit::Resolve { .. }
        )
    }
}

/// The edit with its names read as ids, refused when it names no one or nothing.
fn checked(file: &CampaignFile, edit: Edit, by: Option<&str>) -> Result<Edit, Text> {
    let edit = with_ids(&file.campaign, edit)?;
    if let (true, Some(who)) = (edit.writes_by(), by)
        && crate::store::edit::verify::person(&file.campaign, who).is_err()
    {
        return Err(unknown_person(file, who));
    }
    Ok(edit)
}

/// Applies the change (and a new task's milestones); what to say, or `None` when the file
/// already was so.
fn made(
    file: &mut CampaignFile,
    asked: asked::Asked,
    by: Option<String>,
) -> Result<Option<Text>, Text> {
    let asked::Asked {
        change,
        said,
        mut then,
    } = asked;
    let stamp = Stamp {
        today: file.today,
        by,
    };
    file.apply(&change, &stamp)
        .and_then(|applied| {
            if !then.is_empty() {
                let task = applied.made.id();
                let milestones = std::mem::take(&mut then);
                file.apply(&Change::AddMilestones { task, milestones }, &stamp)?;
            }
            Ok(applied.undo.is_some().then(|| said.after(&applied.made)))
        })
        .map_err(|e| e.message())
}

/// Saves in place and says what was done, or why the save failed.
fn save(
    file: &mut CampaignFile,
    done: &Text,
    name: &str,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match file.save() {
        Ok(()) => {
            let _ = writeln!(out, "{}", done.get(lang));
            0
        }
        Err(e) => {
            let why = e.message();
            let text = if e.left_unchanged() {
                Text::new(
                    format!("保存失败,文件未改动:{}", why.zh),
                    format!("save failed, the file is unchanged: {}", why.en),
                )
            } else {
                Text::new(
                    format!("保存未完成:{}", why.zh),
                    format!("save not finished: {}", why.en),
                )
            };
            let _ = writeln!(err, "{name}: {}", text.get(lang));
            1
        }
    }
}

/// `nothing changed`, exit 0.
fn already(lang: Lang, out: &mut dyn Write) -> i32 {
    let same = crate::app::verbs::nothing_changed();
    let _ = writeln!(out, "{}", same.get(lang));
    0
}

/// `--by` (or the config's `author`) names no one in the file: say so, with everyone to
/// choose from, one a line.
fn unknown_person(file: &CampaignFile, who: &str) -> Text {
    let who = crate::sanitize::inert(who);
    let mut zh =
        format!("人员 `{who}`(来自 --by 或配置中的 author)不在本活动的 [[people]] 中,文件未改动。");
    let mut en = format!(
        "person `{who}` (from --by or the config's `author`) is not in this campaign's [[people]]; the file is unchanged."
    );
    if file.campaign.people.is_empty() {
        zh.push_str("活动还没有任何人员:请先在文件中添加 [[people]]。");
        en.push_str(" The campaign lists no people yet: add [[people]] to the file first.");
    } else {
        zh.push_str("请用 --by 或配置中的 author 指定以下编号之一:");
        en.push_str(" Use one of these ids with --by or as `author` in the config:");
        for p in &file.campaign.people {
            let line = format!("\n  {:<12} {}", p.id, crate::sanitize::inert(&p.name));
            zh.push_str(&line);
            en.push_str(&line);
        }
    }
    Text::new(zh, en)
}

/// The edit with each task and unit it names written as its id (`T4` → `T004`,
/// `县发改局` → `fgj`), or why one names nothing.
fn with_ids(campaign: &crate::domain::Campaign, edit: Edit) -> Result<Edit, Text> {
    let task = |t: String| resolve(campaign, What::Task, &t);
    let unit = |u: String| resolve(campaign, What::Unit, &u);
    Ok(match edit {
        Edit::Move { task: t, status } => Edit::Move {
            task: task(t)?,
            status,
        },
        Edit::Tick {
            task: t,
            milestone,
            undo,
        } => Edit::Tick {
            task: task(t)?,
            milestone,
            undo,
        },
        Edit::Note { task: t, text } => Edit::Note {
            task: task(t)?,
            text,
        },
        Edit::Pledge(mut p) => {
            p.unit = unit(p.unit)?;
            p.task = p.task.map(task).transpose()?;
            Edit::Pledge(p)
        }
        Edit::FollowUp {
            task: t,
            unit: u,
            due,
            text,
        } => Edit::FollowUp {
            task: task(t)?,
            unit: u.map(unit).transpose()?,
            due,
            text,
        },
        Edit::Problem {
            task: t,
            mut problem,
        } => {
            problem.owner = problem.owner.map(unit).transpose()?;
            Edit::Problem {
                task: task(t)?,
                problem,
            }
        }
        Edit::Set {
            task: t,
            field,
            value,
        } => Edit::Set {
            task: task(t)?,
            field,
            value,
        },
        other @ (Edit::CheckPledge { .. } | Edit::Resolve { .. } | Edit::Add(_)) => other,
    })
}
