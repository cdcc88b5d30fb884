//! How a session ends without losing work: a save in flight is let finish, keys that waited
//! for it are applied, a half-typed form is kept as a draft, and what is not saved goes to a
//! recovery copy beside the file (or in the data dir, home or temp).

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::worker::Worker;
use crate::app::model::Model;
use crate::app::update::update;

/// A half-typed form survives whatever ended the session, and is reopened at the next start.
pub(super) fn keep_draft(model: &Model) {
    // A form put aside while the author is chosen is still the one being typed.
    let form = model.pending_form();
    if let Some(text) = form.and_then(crate::app::draft::to_text) {
        let draft = crate::app::draft::draft_path(&model.store().path);
        let _ = crate::store::side::sidecar::folder_for(&draft);
        let _ = crate::store::save::plain::write(&draft, text.as_bytes());
    }
}

/// A save already with the worker gets until `deadline` to come back. (What it brings is
/// applied; what `update` asks then is left: the session is ending.)
pub(super) fn finish_saving(model: &mut Model, worker: &mut Worker, deadline: Instant) {
    // A sync's outcome may come first: it is settled, and the save still waited for.
    while model.saving && worker.busy() {
        let left = deadline.saturating_duration_since(Instant::now());
        let Some(done) = worker.wait_done(left) else {
            return;
        };
        update(model, done);
    }
}

/// The session ended while a sync ran: it was stopped; said on the terminal given back.
pub(super) fn report_sync_stopped(lang: crate::i18n::Lang, ended: bool) {
    use std::io::Write;
    let text = if ended {
        crate::i18n::Text::new(
            "bairi: 退出时同步已取消,已提交的修改留在本地;之后运行 bairi sync(或在看板上按 Y)完成同步",
            "bairi: the sync was cancelled on quitting; what was committed stays here; run bairi sync (or press Y on the board) to finish it",
        )
    } else {
        crate::i18n::Text::new(
            "bairi: 退出时同步仍在本地合并,未等它结束;之后运行 bairi sync 检查",
            "bairi: the sync was still merging here on quitting and was not waited for; run bairi sync to check",
        )
    };
    let _ = writeln!(io::stderr(), "{}", text.get(lang));
}

/// The least a last save is given, even when a save in flight used up the budget.
const LAST_SAVE_AT_LEAST: Duration = Duration::from_millis(150);

/// Saves pending edits, waiting until `deadline`; when the save fails or is still waiting (a
/// lock held elsewhere, a conflict to settle, a moved file, a full disk) and the edits are
/// not on disk after all (see [`went_through`]), the text goes to a recovery copy instead. `Err` only when the edits could be kept nowhere.
pub(super) fn keep_the_work(model: Model, now: DateTime<Utc>, deadline: Instant) -> io::Result<()> {
    if !model.store().dirty {
        return Ok(());
    }
    let text = model.store().text().to_owned();
    let mut file = model.into_store();
    let base = crate::store::edit::splice::Change {
        splices: file.journal().to_vec(),
        ..Default::default()
    }
    .revert(&text);
    let path = file.path.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("bairi-last-save".into())
        .spawn(move || {
            let _ = tx.send(file.save().is_ok());
        });
    let wait = deadline
        .saturating_duration_since(Instant::now())
        .max(LAST_SAVE_AT_LEAST);
    if spawned.is_ok() && rx.recv_timeout(wait) == Ok(true) {
        return Ok(());
    }
    if spawned.is_ok() && went_through(&path, &rx, base.as_deref(), &text) {
        return Ok(());
    }
    let written = write_recovery_text(&path, &text, now);
    let lost = written
        .as_ref()
        .err()
        .map(|e| io::Error::new(e.kind(), format!("unsaved edits could not be kept: {e}")));
    report_recovery(written);
    lost.map_or(Ok(()), Err)
}

/// How long, after the wait for the last save ran out, the lock is tried for a look.
const LOOK_AT_MOST: Duration = Duration::from_millis(500);

/// After the wait for the last save ran out: it may yet be finishing. With the lock held
/// (kept until the process ends, so a save still waiting for it never lands after a
/// recovery copy is written), whether it went through, or the edits are on disk anyway.
/// `false` when that cannot be known: a recovery copy is then written.
fn went_through(
    path: &Path,
    rx: &std::sync::mpsc::Receiver<bool>,
    base: Option<&str>,
    mine: &str,
) -> bool {
    let started = Instant::now();
    let lock = loop {
        match crate::store::side::lock::Lock::try_acquire(path) {
            Ok(Some(lock)) => break lock,
            Ok(None) if started.elapsed() < LOOK_AT_MOST => {
                std::thread::sleep(Duration::from_millis(5));
            }
            _ => return false,
        }
    };
    std::mem::forget(lock);
    if rx.try_recv() == Ok(true) {
        return true;
    }
    let Ok((disk, _)) = crate::store::save::guard::read(path) else {
        return false;
    };
    let disk = String::from_utf8_lossy(&disk);
    base.is_some_and(|base| crate::store::save::landed::edits_in(base, mine, &disk))
}

/// Says where the edits went, if anyone is still listening (never panics on a dead terminal).
pub(super) fn report_recovery(written: io::Result<PathBuf>) {
    use std::io::Write;
    let line = match written {
        Ok(path) => crate::sanitize::inert(&format!(
            "bairi: 未保存的修改已写入 {p} / unsaved edits were written to {p}",
            p = path.display()
        )),
        Err(e) => crate::sanitize::inert(&format!("bairi: {e}")),
    };
    let _ = writeln!(io::stderr(), "{line}");
}

/// `FILE.recovered-YYYYmmdd-HHMMSS-PID.toml` beside the campaign, holding the unsaved text.
pub fn write_recovery(model: &Model, now: DateTime<Utc>) -> io::Result<PathBuf> {
    write_recovery_text(&model.store().path, model.store().text(), now)
}

/// Beside the campaign when its directory can be written, else in the data directory's
/// `recovered/`, the home directory or the temp directory. The name carries the process id,
/// so boards that lose one link together never overwrite each other's copies.
pub fn write_recovery_text(campaign: &Path, text: &str, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let stamp = now.with_timezone(&chrono::Local).format("%Y%m%d-%H%M%S");
    let mut name = campaign
        .file_name()
        .map_or_else(|| "campaign".into(), std::ffi::OsStr::to_os_string);
    name.push(format!(".recovered-{stamp}-{}.toml", std::process::id()));
    // (where, whether its folder may be made): the campaign's own directory never is.
    let mut places: Vec<(PathBuf, bool)> = vec![(campaign.with_file_name(&name), false)];
    if let Some(dirs) = directories::ProjectDirs::from("", "", "bairi") {
        places.push((dirs.data_dir().join("recovered").join(&name), true));
    }
    if let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_owned()) {
        places.push((home.join(&name), false));
    }
    places.push((std::env::temp_dir().join(&name), false));
    let mut first_error = None;
    for (place, make_folder) in places {
        if let Some(dir) = place.parent().filter(|_| make_folder) {
            let _ = std::fs::create_dir_all(dir);
        }
        match crate::store::save::plain::write(&place, text.as_bytes()) {
            Ok(()) => return Ok(place),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| io::Error::other("nowhere to write")))
}
