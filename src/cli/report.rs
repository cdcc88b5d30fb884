//! `bairi report FILE --format json|markdown|csv|text [--view …] [--out PATH]`: the computed
//! values for scripts (JSON) and for the office's briefings (Markdown, CSV, plain text).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::load_file;
use crate::i18n::Lang;
use crate::i18n::Text;
use crate::report::views::{View, build};
use crate::report::{Format, doc, json, plain, text, values};
use crate::store::atomic::write_atomically;
use crate::store::out::check as check_out;
use crate::tr;

pub struct ReportOptions {
    pub format: Format,
    pub view: Option<View>,
    pub today: crate::domain::Today,
    pub checkpoint: Option<usize>,
    pub out: Option<PathBuf>,
    pub bom: bool,
}

pub fn run(
    file: &Path,
    options: ReportOptions,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let loaded = match load_file(file, options.today, lang, err) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let text = match (options.format, options.view) {
        (Format::Json, _) => json::write(&values::gather(&loaded.campaign, loaded.today, lang)),
        (Format::Text, None) => text::briefing(&loaded.campaign, loaded.today, lang),
        (format, view) => {
            let view = view.unwrap_or(View::Board);
            match build(
                &loaded.campaign,
                loaded.today,
                lang,
                view,
                options.checkpoint,
            ) {
                Ok(d) if format == Format::Csv => doc::csv(&d, options.bom),
                Ok(d) if format == Format::Text => plain::render(&d, lang),
                Ok(d) => doc::markdown(&d),
                Err(why) => {
                    let _ = writeln!(err, "{}: {}", file.display(), why.get(lang));
                    return 1;
                }
            }
        }
    };
    match options.out.filter(|p| p.as_os_str() != "-") {
        Some(path) => match check_out(&path, file)
            .map_err(|why| why.get(lang).to_owned())
            .and_then(|()| {
                write_atomically(&path, text.as_bytes())
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
        None => match out.write_all(text.as_bytes()) {
            Ok(()) => 0,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
    }
}

/// Why a report could not be written, in both languages.
fn write_error(path: &Path, e: &std::io::Error) -> Text {
    let name = path.display().to_string();
    if let Some(unfit) = crate::store::guard::Unfit::of(e) {
        return unfit.message(&name);
    }
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            tr!("{name}: 没有写入权限", "{name}: permission denied")
        }
        _ => tr!("{name}: 无法写入:{e}", "{name}: cannot write: {e}"),
    }
}
