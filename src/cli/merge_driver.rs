//! `bairi merge-driver BASE OURS THEIRS [PATH]`: git's merge driver (`%O %A %B %P`). Merges
//! by task and field and writes the result into OURS; a field changed both ways keeps ours
//! and is recorded in `[[conflicts]]`. Exit 0 when a valid file was written; otherwise OURS
//! is left as it was and git reports a conflict.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::i18n::Lang;
use crate::store::load::{Today, load_str};
use crate::store::merge::driver::{Stamp, merge_for_git};
use crate::tr;

pub(crate) use crate::sync::driver_env::{BY_VAR, KEPT_BY_VAR, TODAY_VAR};

/// The three versions git hands the driver, and the path it merges.
pub(crate) struct DriverFiles<'a> {
    pub(crate) base: &'a Path,
    pub(crate) ours: &'a Path,
    pub(crate) theirs: &'a Path,
    pub(crate) path: Option<&'a Path>,
}

/// Today for the records: the pinned day [`TODAY_VAR`], else the date at `now`. An unreadable
/// value is an error, never silently the clock's day.
fn today(now: DateTime<Utc>) -> Result<Today, String> {
    match std::env::var(TODAY_VAR) {
        Err(std::env::VarError::NotPresent) => Ok(Today::At(now)),
        Ok(v) if v.trim().is_empty() => Ok(Today::At(now)),
        Ok(v) => v.trim().parse().map(Today::Date).map_err(|_| v),
        Err(std::env::VarError::NotUnicode(v)) => Err(v.to_string_lossy().into_owned()),
    }
}

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8", path.display()))
}

pub(crate) fn run(files: &DriverFiles, now: DateTime<Utc>, lang: Lang, err: &mut dyn Write) -> i32 {
    let name = files.path.unwrap_or(files.ours).display().to_string();
    let today = match today(now) {
        Ok(today) => today,
        Err(value) => {
            let value = crate::sanitize::inert(&value);
            let text = tr!(
                "{name}:{TODAY_VAR}={value} 不是日期(YYYY-MM-DD),交给 git 处理",
                "{name}: {TODAY_VAR}={value} is not a date (YYYY-MM-DD); left to git"
            );
            let _ = writeln!(err, "{}", text.get(lang));
            return 1;
        }
    };
    let texts = (read(files.base), read(files.ours), read(files.theirs));
    let (Ok(base), Ok(ours), Ok(theirs)) = texts else {
        let why = [texts.0.err(), texts.1.err(), texts.2.err()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ");
        let text = tr!(
            "{name}:无法读取({why}),交给 git 处理",
            "{name}: cannot read ({why}); left to git"
        );
        let _ = writeln!(err, "{}", text.get(lang));
        return 1;
    };
    if load_str(&ours, today).is_err() && load_str(&theirs, today).is_err() {
        // Not a campaign (a `*.toml` pattern catches other files too): git's line merge.
        return match crate::sync::git::merge_file(files.ours, files.base, files.theirs) {
            Ok(true) => 0,
            Ok(false) => 1,
            Err(e) => {
                let _ = writeln!(err, "{name}: {}", e.0);
                1
            }
        };
    }
    // Today in the campaign's zone, for the records.
    let date = [&ours, &theirs, &base]
        .iter()
        .find_map(|t| load_str(t, today).ok().map(|l| l.today))
        .unwrap_or_else(|| match today {
            Today::Date(date) => date,
            Today::At(instant) => instant.date_naive(),
        });
    let by = std::env::var(BY_VAR).ok().filter(|b| !b.trim().is_empty());
    let kept_by = std::env::var(KEPT_BY_VAR)
        .ok()
        .filter(|b| !b.trim().is_empty());
    let stamp = Stamp {
        by: by.as_deref(),
        kept_by: kept_by.as_deref(),
        date,
    };
    let Ok((text, recorded)) = merge_for_git(&base, &ours, &theirs, &stamp) else {
        let text = tr!(
            "{name}:不是可读的 TOML,无法按任务合并,交给 git 处理",
            "{name}: not readable TOML, cannot merge by task; left to git"
        );
        let _ = writeln!(err, "{}", text.get(lang));
        return 1;
    };
    if let Err(rejected) = load_str(&text, Today::Date(date)) {
        let text = tr!(
            "{name}:合并结果未通过检查,交给 git 处理",
            "{name}: the merged file does not pass the check; left to git"
        );
        let _ = writeln!(err, "{}", text.get(lang));
        super::check::print_all(&rejected.diagnostics, &name, lang, err);
        return 1;
    }
    // OURS is git's own temporary copy: it reads the result from there.
    if let Err(e) = std::fs::write(files.ours, text.as_bytes()) {
        let _ = writeln!(err, "{name}: {e}");
        return 1;
    }
    if recorded > 0 {
        let text = tr!(
            "{name}:按任务合并;{recorded} 处双方都改的字段保留了本方的值,记录在 [[conflicts]](打开看板处理)",
            "{name}: merged by task; {recorded} field(s) changed both ways kept ours and are recorded in [[conflicts]] (open the board to settle)"
        );
        let _ = writeln!(err, "{}", text.get(lang));
    }
    0
}
