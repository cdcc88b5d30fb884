//! `bairi move | tick | note | pledge | follow-up | problem | resolve | set | add`: one edit,
//! saved in place, for scripts and tests.

use std::io::Write;
use std::path::Path;

use super::check::open_file;
use crate::domain::Status;
use crate::i18n::{Lang, Text};
use crate::store::edit::apply::{Edit as Change, Made, Stamp};
use crate::store::file::{CampaignFile, MilestoneRef, NewProblem};
use crate::store::load::Today;
use crate::tr;

use super::names::{What, resolve};

/// One edit from the command line.
pub enum Edit {
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
pub struct EditStamp {
    pub today: Today,
    pub clock: crate::clock::Clock,
    pub by: Option<String>,
    pub backups: usize,
}

/// Opens, edits, saves; returns the exit code (1 when refused or failed, file untouched).
pub fn run(
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
    let today = file.today;
    // A name or short id where an id belongs is read as the board reads it.
    let by = by.map(|who| resolve(&file.campaign, What::Person, &who).unwrap_or(who));
    let edit = match with_ids(&file.campaign, edit) {
        Ok(edit) => edit,
        Err(why) => {
            let _ = writeln!(err, "{name}: {}", why.get(lang));
            return 1;
        }
    };
    let writes_by = matches!(
        edit,
        Edit::Move { .. }
            | Edit::Tick { .. }
            | Edit::Note { .. }
            | Edit::Pledge(_)
            | Edit::CheckPledge { .. }
            | Edit::FollowUp { .. }
            | Edit::Problem { .. }
            | Edit::Resolve { .. }
    );
    if let (true, Some(who)) = (writes_by, &by)
        && crate::store::edit::verify::person(&file.campaign, who).is_err()
    {
        let _ = writeln!(err, "{name}: {}", unknown_person(&file, who).get(lang));
        return 1;
    }
    // A new task's milestones, added once it has its id.
    let mut then = Vec::new();
    let asked = match edit {
        Edit::Move { task, status } => match Status::parse(&status) {
            Some(status) => {
                let label = status.label(lang);
                let said = tr!("{task} → {label}", "{task} → {label}");
                Ok((Change::Status { task, status }, Said::Always(said)))
            }
            None => Err(tr!(
                "不认识的状态 `{status}`(可选 not_started in_progress blocked pending_signoff done 或 未启动 推进中 受阻 待销号 已销号)",
                "unknown status `{status}` (use not_started in_progress blocked pending_signoff done, or 未启动 推进中 受阻 待销号 已销号)"
            )),
        },
        Edit::Tick {
            task,
            milestone,
            undo,
        } => {
            let which = match milestone.parse::<usize>() {
                Ok(n) if n >= 1 => MilestoneRef::Index(n - 1),
                _ => MilestoneRef::Id(milestone.clone()),
            };
            let said = if undo {
                tr!(
                    "{task}: 节点 {milestone} 已取消完成",
                    "{task}: milestone {milestone} unticked"
                )
            } else {
                tr!(
                    "{task}: 节点 {milestone} 已完成({today})",
                    "{task}: milestone {milestone} done ({today})"
                )
            };
            let tick = Change::Milestone {
                task,
                milestone: which,
                done: !undo,
            };
            Ok((tick, Said::Always(said)))
        }
        Edit::Note { task, text } => {
            let said = tr!("{task}: 已添加记录", "{task}: note added");
            Ok((Change::Note { task, text }, Said::Always(said)))
        }
        Edit::Pledge(mut pledge) => {
            pledge.by.clone_from(&by);
            Ok((Change::AddPledge(pledge), Said::Pledge))
        }
        Edit::FollowUp {
            task,
            unit,
            due,
            text,
        } => {
            let order = Order { unit, due, text };
            follow_up(&file, &task, order, by.clone(), lang).map(|problem| {
                let order = Change::AddProblem {
                    task: task.clone(),
                    problem,
                };
                (order, Said::FollowUp(task))
            })
        }
        Edit::CheckPledge { n, kept } => {
            let said = if kept {
                tr!("第{n}条承诺:已践诺", "pledge {n}: kept")
            } else {
                tr!("第{n}条承诺:未践诺", "pledge {n}: broken")
            };
            let check = Change::CheckPledge { number: n, kept };
            Ok((check, Said::Always(said)))
        }
        Edit::Problem { task, problem } => {
            super::problem::add(&file.campaign, task, problem).map(|c| (c, Said::Id))
        }
        Edit::Resolve { problem, result } => {
            match super::problem::resolve(&file.campaign, &problem, &result) {
                Ok(Some(c)) => Ok((
                    c,
                    Said::Always(tr!("{problem} 已解决", "{problem} resolved")),
                )),
                Ok(None) => return already(lang, out),
                Err(why) => Err(why),
            }
        }
        Edit::Set { task, field, value } => {
            super::set::change(&file.campaign, task, &field, &value)
                .map(|(c, said)| (c, Said::Always(said)))
        }
        Edit::Add(new) => super::add::fields(&file.campaign, new, today).map(|(fields, ms)| {
            then = ms;
            (Change::AddTask(fields), Said::Id)
        }),
    };
    let stamp = Stamp { today, by };
    let result = asked.and_then(|(change, said)| {
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
    });
    match result {
        Err(refusal) => {
            let _ = writeln!(err, "{name}: {}", refusal.get(lang));
            1
        }
        // Already so, as the board says: the file is what was asked, and is not written.
        Ok(None) => already(lang, out),
        Ok(Some(done)) => match file.save() {
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
        },
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

/// What `bairi follow-up` was given.
struct Order {
    unit: Option<String>,
    due: Option<chrono::NaiveDate>,
    text: Option<String>,
}

/// A follow-up order for `task`, with the board's defaults for what is not given.
fn follow_up(
    file: &CampaignFile,
    task: &str,
    Order { unit, due, text }: Order,
    by: Option<String>,
    lang: Lang,
) -> Result<NewProblem, Text> {
    use crate::domain::follow_up;
    let campaign = &file.campaign;
    let Some(index) = campaign.task_index(task) else {
        return Err(tr!("没有任务 {task}", "there is no task {task}"));
    };
    let then = campaign.as_of(file.today);
    let flagged = follow_up::follow_ups(&then)
        .get(index)
        .copied()
        .unwrap_or(false);
    let offered = follow_up::order_text(&then, index, flagged);
    Ok(NewProblem {
        text: text.unwrap_or_else(|| offered.get(lang).to_owned()),
        kind: Some(follow_up::KIND.to_owned()),
        blocking: false,
        owner: unit.or_else(|| campaign.tasks[index].lead_unit.clone()),
        coordinator: by,
        due: Some(due.unwrap_or_else(|| {
            crate::store::edit::pledge::default_due(&campaign.info, file.today)
        })),
    })
}

/// What is said when the edit is made: fixed beforehand, or naming what it made.
enum Said {
    Always(Text),
    Pledge,
    /// A follow-up order for this task.
    FollowUp(String),
    /// The new id alone, for scripts (`bairi problem`, `bairi add`).
    Id,
}

impl Said {
    fn after(self, made: &Made) -> Text {
        match self {
            Said::Always(text) => text,
            Said::Pledge => {
                let n = made.number();
                tr!("已记录第{n}条承诺", "pledge {n} recorded")
            }
            Said::Id => Text::same(made.id()),
            Said::FollowUp(task) => {
                let pid = made.id();
                tr!(
                    "{task} 已下达督办 {pid}",
                    "{task}: follow-up order {pid} issued"
                )
            }
        }
    }
}
