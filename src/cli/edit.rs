//! `bairi move | tick | note`: one edit, saved in place, for scripts and tests.

use std::io::Write;
use std::path::Path;

use super::check::{print_all, read_error};
use crate::domain::{LogEntry, Status};
use crate::i18n::{Lang, Text};
use crate::store::file::{CampaignFile, MilestoneRef, OpenError};
use crate::store::load::Today;
use crate::tr;

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
    let mut file = match CampaignFile::open(path, today) {
        Ok(file) => file,
        Err(OpenError::Rejected(diagnostics)) => {
            print_all(&diagnostics, &name, lang, err);
            return 1;
        }
        Err(OpenError::Io(e)) => {
            let _ = writeln!(err, "{}", read_error(&name, &e).get(lang));
            return 1;
        }
    };
    file.backups = crate::store::backup::BackupPolicy::standard(backups);
    file.clock = clock;
    let today = file.today;
    let result = match edit {
        Edit::Move { task, status } => match Status::parse(&status) {
            Some(status) => file
                .set_status(&task, status, today, by.as_deref())
                .map(|()| {
                    let label = status.label(lang);
                    tr!("{task} → {label}", "{task} → {label}")
                })
                .map_err(|e| e.message()),
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
            file.set_milestone_done(&task, which, !undo, today)
                .map(|()| {
                    if undo {
                        tr!(
                            "{task}: 节点 {milestone} 已取消完成",
                            "{task}: milestone {milestone} unticked"
                        )
                    } else {
                        tr!(
                            "{task}: 节点 {milestone} 已完成({today})",
                            "{task}: milestone {milestone} done ({today})"
                        )
                    }
                })
                .map_err(|e| e.message())
        }
        Edit::Note { task, text } => {
            let entry = LogEntry {
                date: today,
                text,
                by: by.clone(),
                kind: None,
            };
            file.append_log(&task, entry)
                .map(|()| tr!("{task}: 已添加记录", "{task}: note added"))
                .map_err(|e| e.message())
        }
    };
    match result {
        Err(refusal) => {
            let _ = writeln!(err, "{name}: {}", refusal.get(lang));
            1
        }
        Ok(done) => match file.save() {
            Ok(()) => {
                let _ = writeln!(out, "{}", done.get(lang));
                0
            }
            Err(e) => {
                let why = e.message();
                let text = Text::new(
                    format!("保存失败,文件未改动:{}", why.zh),
                    format!("save failed, the file is unchanged: {}", why.en),
                );
                let _ = writeln!(err, "{name}: {}", text.get(lang));
                1
            }
        },
    }
}
