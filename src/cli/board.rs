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

pub(crate) struct BoardOptions {
    pub(crate) file: Option<PathBuf>,
    pub(crate) today: Option<NaiveDate>,
    pub(crate) lang: Lang,
    pub(crate) config: Config,
    pub(crate) keymap: Keymap,
    pub(crate) theme: Theme,
    /// Presentation mode, with this many seconds a page.
    pub(crate) present: Option<u32>,
    pub(crate) clock: Clock,
    /// The config file settings chosen on the board are written to.
    pub(crate) config_path: Option<PathBuf>,
}

pub(crate) fn run(options: BoardOptions, err: &mut dyn Write) -> i32 {
    let lang = options.lang;
    let (path, demo_notice) = match campaign_path(&options, err) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let name = path.display().to_string();
    let file = match open_campaign(&path, &options, err) {
        Ok(file) => file,
        Err(code) => return code,
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
    let notice = restore_draft(&mut model, options.present.is_some()).or(demo_notice);
    if let Some(seconds) = options.present {
        model.present(seconds);
    }
    first_message(&mut model, &options, notice, warnings, &name);
    run_shell(model, options, err)
}

/// The file to open: the one named, else the config's, else the demo campaign (written
/// the first time, with a notice to show on the board).
fn campaign_path(
    options: &BoardOptions,
    err: &mut dyn Write,
) -> Result<(PathBuf, Option<Text>), i32> {
    if let Some(path) = options.file.clone().or_else(|| options.config.file.clone()) {
        return Ok((path, None));
    }
    let lang = options.lang;
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
            Ok((path, Some(text)))
        }
        Ok(false) => Ok((path, None)),
        Err(e) => {
            let shown = path.display().to_string();
            let text = tr!(
                "无法写入演示活动 {shown}:{e}",
                "cannot write the demo campaign {shown}: {e}"
            );
            let _ = writeln!(err, "{}", text.get(lang));
            Err(1)
        }
    }
}

/// Opens and checks the campaign; a file with errors is refused here, its diagnostics printed.
fn open_campaign(
    path: &std::path::Path,
    options: &BoardOptions,
    err: &mut dyn Write,
) -> Result<CampaignFile, i32> {
    let lang = options.lang;
    let name = path.display().to_string();
    let today = Today::pinned_or(options.today, options.clock.now());
    match CampaignFile::open(path, today) {
        Ok(mut file) => {
            file.backups = BackupPolicy::standard(options.config.backups);
            file.clock = options.clock;
            Ok(file)
        }
        Err(OpenError::Rejected(diagnostics)) => {
            print_all(&diagnostics, &name, lang, err);
            let n = diagnostics.iter().filter(|d| d.is_error()).count();
            let text = tr!(
                "{name}: {n} 个错误,未打开看板",
                "{name}: {n} error(s); the board was not opened"
            );
            let _ = writeln!(err, "{}", text.get(lang));
            Err(1)
        }
        Err(OpenError::Io(e)) => {
            let _ = writeln!(err, "{}", super::check::read_error(&name, &e).get(lang));
            Err(1)
        }
    }
}

/// Reopens the form left half typed last time (not in presentation mode), and says so; a
/// draft whose task is gone stays on disk, with a notice saying where.
fn restore_draft(model: &mut Model, presenting: bool) -> Option<Text> {
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
        return Some(tr!(
            "上次未完成的输入属于任务 {id},该任务已不存在;内容仍保存在 {shown}",
            "what you were typing last time was for task {id}, which no longer exists; it is kept in {shown}"
        ));
    }
    let (purpose, fields) = restored.filter(|_| !presenting)?;
    crate::app::verbs::open(model, purpose);
    if let Some(form) = model.form_mut() {
        crate::app::draft::fill(form, &fields);
    }
    let _ = std::fs::remove_file(&draft);
    Some(Text::new(
        "恢复了上次未完成的输入(Enter 保存,Esc 放弃)",
        "restored what you were typing last time (Enter saves, Esc drops it)",
    ))
}

/// The one line the board opens with: read-only first, then a notice, then the warnings.
fn first_message(
    model: &mut Model,
    options: &BoardOptions,
    notice: Option<Text>,
    warnings: usize,
    name: &str,
) {
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
}

/// Hands the terminal to the shell until the board is left.
fn run_shell(model: Model, options: BoardOptions, err: &mut dyn Write) -> i32 {
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
            let _ = writeln!(err, "{}", text.get(options.lang));
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
