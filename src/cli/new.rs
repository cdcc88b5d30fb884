//! `bairi new FILE`: a commented template campaign starting today, which passes `check`.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::Today;

use crate::i18n::Lang;
use crate::store::demo::starting;
use crate::store::save::atomic::write_atomically;
use crate::tr;

/// The template as shipped (its day 1 is moved to today).
pub(crate) const TEMPLATE: &str = include_str!("../../assets/template.toml");

/// The template text with day 1 = `today` in the template's time zone.
pub fn template(today: Today) -> String {
    let text = starting(TEMPLATE, today, 1);
    match (start_of(TEMPLATE), start_of(&text)) {
        (Some(from), Some(to)) => comment_dates(&text, (to - from).num_days()),
        _ => text,
    }
}

/// `[campaign] start` of a campaign's text.
fn start_of(text: &str) -> Option<NaiveDate> {
    let doc = text.parse::<toml_edit::DocumentMut>().ok()?;
    let d = doc.get("campaign")?.get("start")?.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

/// `text` with the dates in its comments moved by `days`, as the values were: an example in
/// a comment then fits the campaign it sits in.
fn comment_dates(text: &str, days: i64) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut quoted = false;
        let at = line.char_indices().find_map(|(i, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            (c == '#' && !quoted).then_some(i)
        });
        let Some(at) = at else {
            out.push_str(line);
            continue;
        };
        out.push_str(&line[..at]);
        let mut rest = &line[at..];
        while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let date = rest
                .get(..10)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
            match date {
                Some(d) => {
                    out.push_str(&d.format("%Y-%m-%d").to_string());
                    rest = &rest[10..];
                }
                None => {
                    let n = rest
                        .find(|c: char| !c.is_ascii_digit())
                        .unwrap_or(rest.len());
                    out.push_str(&rest[..n]);
                    rest = &rest[n..];
                }
            }
        }
        out.push_str(rest);
    }
    out
}

/// Writes the template; never overwrites an existing file. Returns the exit code.
pub(crate) fn run(
    file: &Path,
    today: Today,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = file.display().to_string();
    if file.exists() {
        let text = tr!(
            "{name} 已存在,未覆盖",
            "{name} already exists; not overwritten"
        );
        let _ = writeln!(err, "{}", text.get(lang));
        return 1;
    }
    let text = template(today);
    if crate::store::load::load_str(&text, today).is_err() {
        // Only a clock set beyond the year 9999 gets here: TOML dates have four-digit years.
        let text = tr!(
            "无法以今天为第1天写出模板(日期超出 TOML 可写的范围)",
            "cannot write a template whose day 1 is today (its dates would be out of TOML's range)"
        );
        let _ = writeln!(err, "{}", text.get(lang));
        return 1;
    }
    match write_atomically(file, text.as_bytes()) {
        Ok(_) => {
            // bairi's own side files stay out of a repository or a shared folder's listing.
            let _ = ignore_side_folder(file);
            let text = tr!(
                "已写入模板 {name}(第1天为今天)。编辑后运行 bairi check {name}",
                "Wrote the template {name} (day 1 is today). Edit it, then run bairi check {name}"
            );
            let _ = writeln!(out, "{}", text.get(lang));
            0
        }
        Err(e) => {
            let text = tr!("无法写入 {name}:{e}", "cannot write {name}: {e}");
            let _ = writeln!(err, "{}", text.get(lang));
            1
        }
    }
}

/// Adds `.bairi/` to the `.gitignore` beside `file` (made if need be), once.
fn ignore_side_folder(file: &Path) -> std::io::Result<()> {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let ignore = dir.join(".gitignore");
    let line = format!("{}/", crate::store::side::sidecar::DIR);
    let old = match std::fs::read_to_string(&ignore) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    if old.lines().any(|l| l.trim() == line) {
        return Ok(());
    }
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&line);
    text.push('\n');
    crate::store::save::plain::write(&ignore, text.as_bytes())
}
