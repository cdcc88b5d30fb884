//! `bairi report FILE --format json`: the computed values on stdout.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::check::load_file;
use crate::i18n::Lang;
use crate::report::{Format, json, values};

pub fn run(
    file: &Path,
    format: Format,
    today: Option<NaiveDate>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let loaded = match load_file(file, today, lang, err) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let report = values::gather(&loaded.campaign, loaded.today, lang);
    let text = match format {
        Format::Json => json::write(&report),
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}
