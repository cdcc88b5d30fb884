//! `bairi sync [FILE]`: the round trip through git, with what went and what came in.

use std::io::Write;
use std::path::Path;

use crate::i18n::{Lang, Text};
use crate::store::load::Today;
use crate::sync::net::Stop;
use crate::sync::round::{Outcome, SyncOptions, offline_message, sync};
use crate::sync::summary::line;
use crate::tr;

pub(crate) fn run(
    file: Option<&Path>,
    today: Today,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            let _ = writeln!(err, "bairi: {e}");
            return 1;
        }
    };
    let stop = Stop::default();
    stop_on_signals(&stop);
    let opts = SyncOptions {
        file,
        exe,
        today,
        lang,
        stop,
    };
    let result = sync(&opts);
    if let Ok(Outcome::Done { healed, .. } | Outcome::Offline { healed, .. }) = &result
        && !healed.is_empty()
    {
        let files = healed.join(" ");
        let text = tr!(
            "已删除上次中断的 git 留下的锁文件:{files}",
            "removed the lock file(s) an interrupted git left: {files}"
        );
        let _ = writeln!(err, "{}", text.get(lang));
    }
    match result {
        Ok(Outcome::Done { sent, received, .. }) => {
            let said = |parts: &[Text]| {
                let l = line(parts, lang);
                if l.is_empty() { None } else { Some(l) }
            };
            let text = match (said(&sent), said(&received)) {
                (None, None) => Text::new("已同步,没有新的修改", "in sync, nothing new"),
                (s, r) => {
                    let none = Text::new("无", "nothing");
                    let s = s.unwrap_or_else(|| none.get(lang).to_owned());
                    let r = r.unwrap_or_else(|| none.get(lang).to_owned());
                    tr!(
                        "已同步。发出:{s}。收到:{r}",
                        "Synced. Sent: {s}. Received: {r}"
                    )
                }
            };
            let _ = writeln!(out, "{}", text.get(lang));
            0
        }
        Ok(Outcome::Offline { ahead, why, .. }) => {
            let again = Text::new("再运行 bairi sync", "run bairi sync again");
            let text = offline_message(ahead, &why, &again);
            let _ = writeln!(err, "{}", text.get(lang));
            1
        }
        Err(e) => {
            let _ = writeln!(err, "{}", e.message().get(lang));
            1
        }
    }
}

/// SIGINT, SIGTERM and SIGHUP stop the fetch or push in flight (git and its ssh end with it)
/// and the sync says what stays here; a second one ends bairi at once.
fn stop_on_signals(stop: &Stop) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 1, stop.flag());
        let _ = signal_hook::flag::register(signal, stop.flag());
    }
}
