//! `bairi report FILE --format json|markdown|csv|text|xlsx [--view …] [--out PATH]`: the
//! computed values for scripts (JSON) and for the office's briefings (Markdown, CSV, plain
//! text, Excel).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::load_file;
use crate::i18n::Lang;
use crate::i18n::Text;
use crate::report::views::{View, build};
use crate::report::{Format, doc, json, plain, text, values, xlsx};
use crate::sanitize::Terminal;
use crate::store::save::out::check as check_out;
use crate::tr;

pub(crate) struct ReportOptions {
    pub(crate) format: Format,
    pub(crate) view: Option<View>,
    pub(crate) today: crate::domain::Today,
    pub(crate) checkpoint: Option<usize>,
    pub(crate) out: Option<PathBuf>,
    pub(crate) bom: bool,
    /// Only the tasks these criteria keep.
    pub(crate) only: crate::report::filter::Only,
}

/// Messages go to `out` line by line, made inert; the report body goes to `out.raw()` as
/// its writer made it (each writer escapes or drops what a terminal would act on).
pub(crate) fn run<W: Write>(
    file: &Path,
    options: ReportOptions,
    lang: Lang,
    out: &mut Terminal<W>,
    err: &mut dyn Write,
) -> i32 {
    let to_file = options.out.as_ref().filter(|p| p.as_os_str() != "-");
    if options.format == Format::Xlsx && to_file.is_none() {
        let _ = writeln!(err, "{}", xlsx_needs_out().get(lang));
        return 2;
    }
    let mut loaded = match load_file(file, options.today, lang, err) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    match options.only.filter(&loaded.campaign) {
        Ok(Some(filter)) => {
            crate::report::filter::keep(&mut loaded.campaign, &filter, loaded.today);
        }
        Ok(None) => {}
        Err(why) => {
            let _ = writeln!(err, "{}: {}", file.display(), why.get(lang));
            return 2;
        }
    }
    let (c, today) = (&loaded.campaign, loaded.today);
    let body = match (options.format, options.view) {
        (Format::Json, _) => Ok(json::write(&values::gather(c, today, lang)).into_bytes()),
        (Format::Text, None) => Ok(text::briefing(c, today, lang).into_bytes()),
        (Format::Xlsx, view) => {
            let views: Vec<View> = view.into_iter().collect();
            xlsx::report(c, today, lang, &views, options.checkpoint)
        }
        (format, view) => build(
            c,
            today,
            lang,
            view.unwrap_or(View::Board),
            options.checkpoint,
        )
        .map(|d| {
            match format {
                Format::Csv => doc::csv(&d, options.bom),
                Format::Text => plain::render(&d, lang),
                _ => doc::markdown(&d),
            }
            .into_bytes()
        }),
    };
    let text = match body {
        Ok(bytes) => bytes,
        Err(why) => {
            let _ = writeln!(err, "{}: {}", file.display(), why.get(lang));
            return 1;
        }
    };
    match options.out.filter(|p| p.as_os_str() != "-") {
        Some(path) => match check_out(&path, file)
            .map_err(|why| why.get(lang).to_owned())
            .and_then(|()| {
                crate::store::save::plain::write(&path, &text)
                    .map_err(|e| write_error(&path, &e).get(lang).to_owned())
            }) {
            Ok(_) => {
                let shown = path.display().to_string();
                let _ = writeln!(out, "{}", tr!("已写入 {shown}", "wrote {shown}").get(lang));
                0
            }
            Err(why) => {
                let _ = writeln!(err, "{why}");
                1
            }
        },
        None => match out.raw().write_all(&text) {
            Ok(()) => 0,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
    }
}

/// `--format xlsx` writes a file, never the terminal.
fn xlsx_needs_out() -> Text {
    Text::new(
        "--format xlsx 需要 --out 文件名(例如 --out 青岚.xlsx);Excel 文件不能写到标准输出",
        "--format xlsx needs --out FILE (for example --out qinglan.xlsx); an Excel file is not written to stdout",
    )
}

/// Why a report could not be written, in both languages.
fn write_error(path: &Path, e: &std::io::Error) -> Text {
    let name = path.display().to_string();
    if let Some(unfit) = crate::store::save::guard::Unfit::of(e) {
        return unfit.message(&name);
    }
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            tr!("{name}: 没有写入权限", "{name}: permission denied")
        }
        _ => tr!("{name}: 无法写入:{e}", "{name}: cannot write: {e}"),
    }
}
