//! `E`: export the view on screen, in a format picked from a small menu (Markdown, the text
//! briefing, CSV, Excel), to `STEM-VIEW-DATE.ext` beside the campaign file.

use super::action::Action;
use super::effect::Effect;
use super::model::{Mode, Model, Tone, View};
use crate::i18n::Text;
use crate::report::views::{View as Report, build};

/// What `E` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExportFormat {
    Markdown,
    /// The chat-group briefing (`report --format text`), whatever the view.
    Briefing,
    /// CSV with a byte order mark, so Excel reads the Chinese right.
    Csv,
    /// A workbook with the view's sheet.
    Xlsx,
}

impl ExportFormat {
    pub(crate) const ALL: [ExportFormat; 4] = [
        ExportFormat::Markdown,
        ExportFormat::Briefing,
        ExportFormat::Csv,
        ExportFormat::Xlsx,
    ];

    pub(crate) fn label(self) -> Text {
        match self {
            ExportFormat::Markdown => Text::new("Markdown 报告 (.md)", "Markdown report (.md)"),
            ExportFormat::Briefing => Text::new("文字简报 (.txt)", "Text briefing (.txt)"),
            ExportFormat::Csv => Text::new("CSV 表格 (.csv)", "CSV table (.csv)"),
            ExportFormat::Xlsx => Text::new("Excel 工作簿 (.xlsx)", "Excel workbook (.xlsx)"),
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Briefing => "txt",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// The menu's title: `导出:擂台榜`.
pub(crate) fn title(model: &Model) -> Text {
    let label = on_screen(model).0.short_label();
    Text::new(
        format!("导出:{}", label.zh),
        format!("Export: {}", label.en),
    )
}

/// The report of the view on screen, and the leaderboard's checkpoint when it is shown.
fn on_screen(model: &Model) -> (Report, Option<usize>) {
    match model.view {
        View::Standup => (Report::Standup, None),
        View::Leaderboard => {
            let moment = super::leaderboard_view::chosen(model);
            (Report::Leaderboard, moment.checkpoint)
        }
        _ => (Report::Board, None),
    }
}

/// `E`: opens the menu on the first format.
pub(crate) fn open(model: &mut Model) -> Vec<Effect> {
    model.mode = Mode::Export(0);
    Vec::new()
}

/// Keys while the menu is open: ↑↓/jk choose, Enter writes, Esc cancels.
pub(crate) fn input(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(pick) = model.export_pick() else {
        return Vec::new();
    };
    let last = ExportFormat::ALL.len() - 1;
    match action {
        Action::Up => model.mode = Mode::Export(pick.saturating_sub(1)),
        Action::Down => model.mode = Mode::Export((pick + 1).min(last)),
        Action::First => model.mode = Mode::Export(0),
        Action::Last => model.mode = Mode::Export(last),
        Action::Close | Action::Quit | Action::Export => model.browse(),
        Action::Open => {
            model.browse();
            let format = ExportFormat::ALL[pick.min(last)];
            return export(model, format);
        }
        _ => {}
    }
    Vec::new()
}

/// The file `format` writes for the view on screen, and its bytes.
pub(crate) fn export(model: &mut Model, format: ExportFormat) -> Vec<Effect> {
    let (report, checkpoint) = on_screen(model);
    let (c, today, lang) = (model.campaign(), model.today, model.lang);
    let name = if format == ExportFormat::Briefing {
        "briefing"
    } else {
        report.key()
    };
    let bytes = match format {
        ExportFormat::Briefing => Ok(crate::report::text::briefing(c, today, lang).into_bytes()),
        ExportFormat::Xlsx => crate::report::xlsx::report(c, today, lang, &[report], checkpoint),
        ExportFormat::Markdown | ExportFormat::Csv => build(c, today, lang, report, checkpoint)
            .map(|doc| match format {
                ExportFormat::Csv => crate::report::doc::csv(&doc, true).into_bytes(),
                _ => crate::report::doc::markdown(&doc).into_bytes(),
            }),
    };
    match bytes {
        Ok(bytes) => {
            let path = &model.store.path;
            let stem = path
                .file_stem()
                .map_or_else(|| "campaign".into(), |s| s.to_string_lossy().into_owned());
            let ext = format.extension();
            let target = path.with_file_name(format!("{stem}-{name}-{today}.{ext}"));
            vec![Effect::Export(target, bytes)]
        }
        Err(why) => {
            model.say(Tone::Warning, why);
            Vec::new()
        }
    }
}
