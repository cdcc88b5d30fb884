//! `bairi [FILE]`: open the board. Everything that can fail on input fails here, on the
//! normal terminal, before the screen is taken over.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::check::print_all;
use crate::app::keymap::Keymap;
use crate::app::model::{Model, Tone};
use crate::clock::Clock;
use crate::config::Config;
use crate::i18n::{Lang, Text};
use crate::shell;
use crate::store::demo;
use crate::store::file::{CampaignFile, OpenError};
use crate::store::load::Today;
use crate::store::save::backup::BackupPolicy;
use crate::tr;
use crate::ui::theme::{Palette, Theme};

pub struct BoardOptions {
    pub file: Option<PathBuf>,
    pub today: Option<NaiveDate>,
    pub lang: Lang,
    pub config: Config,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Presentation mode, with this many seconds a page.
    pub present: Option<u32>,
    pub clock: Clock,
    /// The config file settings chosen on the board are written to.
    pub config_path: Option<PathBuf>,
}

pub fn run(options: BoardOptions, err: &mut dyn Write) -> i32 {
    let lang = options.lang;
    let mut notice = None;
    let path = match options.file.or_else(|| options.config.file.clone()) {
        Some(path) => path,
        None => {
            let path = demo::demo_path();
            let today = Today::pinned_or(options.today, options.clock.now());
            match demo::ensure_demo(&path, today) {
                Ok(true) => {
                    let shown = path.display().to_string();
                    let text = tr!(
                        "已在 {shown} 创建演示活动(今天是第40天)",
                        "Created the demo campaign at {shown} (today is day 40)"
                    );
                    let _ = writeln!(err, "{}", text.get(lang));
                    notice = Some(text);
                }
                Ok(false) => {}
                Err(e) => {
                    let shown = path.display().to_string();
                    let text = tr!(
                        "无法写入演示活动 {shown}:{e}",
                        "cannot write the demo campaign {shown}: {e}"
                    );
                    let _ = writeln!(err, "{}", text.get(lang));
                    return 1;
                }
            }
            path
        }
    };
    let name = path.display().to_string();
    let today = Today::pinned_or(options.today, options.clock.now());
    let file = match CampaignFile::open(&path, today) {
        Ok(mut file) => {
            file.backups = BackupPolicy::standard(options.config.backups);
            file.clock = options.clock;
            file
        }
        Err(OpenError::Rejected(diagnostics)) => {
            print_all(&diagnostics, &name, lang, err);
            let n = diagnostics.iter().filter(|d| d.is_error()).count();
            let text = tr!(
                "{name}: {n} 个错误,未打开看板",
                "{name}: {n} error(s); the board was not opened"
            );
            let _ = writeln!(err, "{}", text.get(lang));
            return 1;
        }
        Err(OpenError::Io(e)) => {
            let _ = writeln!(err, "{}", super::check::read_error(&name, &e).get(lang));
            return 1;
        }
    };
    let today = file.today;
    let warnings = file.warnings.len();
    let git_user = git_user(&file.path);
    let mut model = Model::new(file, today, lang);
    model.settle_in(crate::app::model::Settings {
        today_pinned: options.today.is_some(),
        autosave: options.config.autosave,
        author: options.config.author.clone(),
        sort: options.config.sort,
        git_user,
    });
    let draft = crate::app::draft::draft_path(&model.store().path);
    let restored = std::fs::read_to_string(&draft)
        .ok()
        .and_then(|t| crate::app::draft::from_text(&t));
    let gone = restored
        .as_ref()
        .and_then(|(purpose, _)| crate::app::draft::task_of(purpose))
        .filter(|id| model.campaign().task_index(id).is_none());
    if let Some(id) = gone {
        // Its task was deleted or renamed since: the draft stays where it is, and says so.
        let shown = draft.display().to_string();
        notice = Some(tr!(
            "上次未完成的输入属于任务 {id},该任务已不存在;内容仍保存在 {shown}",
            "what you were typing last time was for task {id}, which no longer exists; it is kept in {shown}"
        ));
    } else if let Some((purpose, fields)) = restored.filter(|_| options.present.is_none()) {
        crate::app::verbs::open(&mut model, purpose);
        if let Some(form) = model.form.as_mut() {
            crate::app::draft::fill(form, &fields);
        }
        let _ = std::fs::remove_file(&draft);
        notice = Some(Text::new(
            "恢复了上次未完成的输入(Enter 保存,Esc 放弃)",
            "restored what you were typing last time (Enter saves, Esc drops it)",
        ));
    }
    if let Some(seconds) = options.present {
        model.present(seconds);
    }
    if model.store().read_only && options.present.is_none() {
        model.say(
            Tone::Warning,
            Text::new(
                "文件只读:以只读方式打开,修改不会保存",
                "the file is read-only: opened for viewing, edits are refused",
            ),
        );
    } else if let Some(text) = notice {
        model.say(Tone::Info, text);
    } else if warnings > 0 {
        model.say(
            Tone::Warning,
            tr!(
                "文件有 {warnings} 个警告,运行 bairi check {name} 查看",
                "the file has {warnings} warning(s); run bairi check {name} to see them"
            ),
        );
    }
    if options.theme.palette == Palette::Mono {
        // Under NO_COLOR crossterm writes a bare `ESC[m` for "default colour", which also
        // switches reverse video off; forced, it writes `ESC[39m` and the selection stays.
        crossterm::style::force_color_output(true);
    }
    let session = shell::Options {
        mouse: options.config.mouse && options.present.is_none(),
        config: options.config_path,
    };
    match shell::run(
        model,
        &options.keymap,
        &options.theme,
        options.clock,
        session,
    ) {
        Ok(()) => 0,
        Err(e) => {
            let text = Text::new(format!("终端错误:{e}"), format!("terminal error: {e}"));
            let _ = writeln!(err, "{}", text.get(lang));
            1
        }
    }
}

/// `git config user.name` where the campaign's repository is; `None` outside one.
fn git_user(path: &std::path::Path) -> Option<String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let git = crate::sync::git::Git::find(dir).ok()?;
    let name = git.run(&["config", "user.name"]).ok()?;
    Some(name.trim().to_owned()).filter(|n| !n.is_empty())
}
