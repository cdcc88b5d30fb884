//! `bairi check FILE`: list every finding; exit 1 when there are errors.

use std::io::Write;
use std::path::Path;

use crate::i18n::Lang;
use crate::store::diag::Diagnostic;
use crate::store::file::{CampaignFile, OpenError};
use crate::store::load::{Today, load_bytes};
use crate::tr;

/// Runs the check and returns the exit code.
pub(crate) fn run(
    file: &Path,
    today: Today,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = file.display().to_string();
    let bytes = match crate::store::save::guard::read(file) {
        Ok((b, _)) => b,
        Err(e) => {
            let _ = writeln!(err, "{}", read_error(&name, &e).get(lang));
            return 1;
        }
    };
    let (diagnostics, ok) = match load_bytes(&bytes, today) {
        Ok(loaded) => (loaded.warnings, true),
        Err(rejected) => (rejected.diagnostics, false),
    };
    print_all(&diagnostics, &name, lang, err);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let summary = if ok {
        tr!(
            "{name}: 检查通过,{warnings} 个警告",
            "{name}: OK, {warnings} warning(s)"
        )
    } else {
        tr!(
            "{name}: {errors} 个错误,{warnings} 个警告",
            "{name}: {errors} error(s), {warnings} warning(s)"
        )
    };
    let _ = writeln!(out, "{}", summary.get(lang));
    i32::from(!ok)
}

/// Reads and loads a campaign for a command; on failure prints why and gives the exit code.
pub(crate) fn load_file(
    file: &Path,
    today: Today,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<crate::store::load::Loaded, i32> {
    let name = file.display().to_string();
    let (bytes, _) = crate::store::save::guard::read(file).map_err(|e| {
        let _ = writeln!(err, "{}", read_error(&name, &e).get(lang));
        1
    })?;
    load_bytes(&bytes, today).map_err(|rejected| {
        print_all(&rejected.diagnostics, &name, lang, err);
        1
    })
}

pub(crate) fn print_all(diagnostics: &[Diagnostic], name: &str, lang: Lang, err: &mut dyn Write) {
    for d in diagnostics {
        let _ = writeln!(err, "{}", d.render(name, lang));
    }
}

pub(crate) fn read_error(name: &str, e: &std::io::Error) -> crate::i18n::Text {
    if let Some(unfit) = crate::store::save::guard::Unfit::of(e) {
        return unfit.message(name);
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => tr!("{name}: 文件不存在", "{name}: no such file"),
        std::io::ErrorKind::PermissionDenied => {
            tr!("{name}: 没有读取权限", "{name}: permission denied")
        }
        _ => tr!("{name}: 无法读取:{e}", "{name}: cannot read: {e}"),
    }
}

/// Opens a campaign for a command that edits it; on failure prints why and gives the exit
/// code.
pub(crate) fn open_file(
    path: &Path,
    today: Today,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<CampaignFile, i32> {
    CampaignFile::open(path, today).map_err(|e| {
        let name = path.display().to_string();
        match e {
            OpenError::Rejected(diagnostics) => print_all(&diagnostics, &name, lang, err),
            OpenError::Io(e) => {
                let _ = writeln!(err, "{}", read_error(&name, &e).get(lang));
            }
        }
        1
    })
}
