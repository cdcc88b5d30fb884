//! `bairi report FILE --format json`: the computed values on stdout.

use std::io::Write;
use std::path::Path;

use chrono::{NaiveDate, Utc};

use super::check::{print_all, read_error};
use crate::i18n::Lang;
use crate::report::{Format, json, values};
use crate::store::load::{Today, load_bytes};

pub fn run(
    file: &Path,
    format: Format,
    today: Option<NaiveDate>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = file.display().to_string();
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{}", read_error(&name, &e).get(lang));
            return 1;
        }
    };
    let loaded = match load_bytes(&bytes, today.map_or(Today::At(Utc::now()), Today::Date)) {
        Ok(loaded) => loaded,
        Err(rejected) => {
            print_all(&rejected.diagnostics, &name, lang, err);
            return 1;
        }
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
