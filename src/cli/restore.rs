//! `bairi restore FILE [N]`: list the timestamped copies of a campaign, or put copy N back
//! (checked first; under the save lock, so no save is cut across; the current version
//! becomes `FILE.bak` and a copy itself, and the restored version is kept as the newest).

use std::io::Write;
use std::path::Path;

use crate::i18n::{Lang, Text};
use crate::store::load::{Today, load_bytes};
use crate::store::save::atomic::write_atomically;
use crate::store::save::backup::{BackupPolicy, Copy};
use crate::tr;

pub(crate) fn run(
    file: &Path,
    which: Option<usize>,
    keep: usize,
    clock: crate::clock::Clock,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut policy = BackupPolicy::standard(keep.max(1));
    let name = file.display().to_string();
    // Putting a copy back is a save like any other: it waits for the one in progress.
    let _lock = match which.map(|_| crate::store::side::lock::Lock::acquire(file)) {
        Some(Err(e)) => {
            let _ = writeln!(err, "{}", tr!("{name}: {e}", "{name}: {e}").get(lang));
            return 1;
        }
        lock => lock,
    };
    let copies = match policy.copies_of(file) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            return 1;
        }
    };
    let Some(n) = which else {
        list(file, &copies, lang, out);
        return 0;
    };
    let Some(copy) = n.checked_sub(1).and_then(|i| copies.get(i)) else {
        let count = copies.len();
        let _ = writeln!(
            err,
            "{}",
            tr!(
                "{name}: 没有第 {n} 份备份(共 {count} 份)",
                "{name}: there is no copy {n} ({count} kept)"
            )
            .get(lang)
        );
        return 1;
    };
    put_back(file, copy, &mut policy, clock, lang, out, err)
}

/// The copies kept, newest first, numbered from 1, in local time; beside each, what the
/// version after it changed (so what putting it back would undo).
fn list(file: &Path, copies: &[Copy], lang: Lang, out: &mut dyn Write) {
    let name = file.display().to_string();
    if copies.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!("{name}: 没有备份", "{name}: no copies kept").get(lang)
        );
        return;
    }
    let current = std::fs::read_to_string(file).unwrap_or_default();
    let mut newer = current.clone();
    for (i, copy) in copies.iter().enumerate() {
        let text = copy.read().unwrap_or_default();
        let text = String::from_utf8_lossy(&text).into_owned();
        let then = if i == 0 && text == current {
            Text::new("(当前版本)", "(the current version)")
        } else {
            let then = crate::store::save::backup::between(&text, &newer);
            let (then_zh, then_en) = (then.zh, then.en);
            tr!("之后:{then_zh}", "then: {then_en}")
        };
        let when = copy
            .at
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M:%S");
        let pin = if copy.pinned { "*" } else { " " };
        let size = copy.size;
        let _ = writeln!(
            out,
            "{:>3}  {when}{pin} {size:>9} B  {}",
            i + 1,
            crate::sanitize::inert(then.get(lang))
        );
        newer = text;
    }
    let note = Text::new(
        "* 为某次会话首次保存前的版本",
        "* the version before a session's first save",
    );
    let _ = writeln!(out, "{}", note.get(lang));
    let hint = tr!(
        "用 bairi restore {name} 序号 恢复其中一份",
        "run bairi restore {name} N to put copy N back"
    );
    let _ = writeln!(out, "{}", hint.get(lang));
}

/// Puts `copy` back once it loads without errors; the version it replaces is kept first.
fn put_back(
    file: &Path,
    copy: &Copy,
    policy: &mut BackupPolicy,
    clock: crate::clock::Clock,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = file.display().to_string();
    let bytes = match copy.read() {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", copy.path.display());
            return 1;
        }
    };
    if let Err(rejected) = load_bytes(&bytes, Today::At(clock.now())) {
        super::check::print_all(
            &rejected.diagnostics,
            &copy.path.display().to_string(),
            lang,
            err,
        );
        return 1;
    }
    let now = clock.now();
    let _ = policy.keep_before(file, now);
    match write_atomically(file, &bytes) {
        Ok(_) => {
            let _ = policy.keep_written(file, &bytes, now);
            let shown = copy.path.display().to_string();
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "已用 {shown} 恢复 {name}(原版本为 .bairi/{name}.bak,也留作一份副本)",
                    "restored {name} from {shown} (the previous version is .bairi/{name}.bak, and kept as a copy)"
                )
                .get(lang)
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            1
        }
    }
}
