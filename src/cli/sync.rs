//! `bairi sync [FILE]`: the round trip through git, with what went and what came in.

use std::io::Write;
use std::path::Path;

use crate::i18n::{Lang, Text};
use crate::store::load::Today;
use crate::sync::round::{Outcome, SyncOptions, sync};
use crate::sync::summary::line;
use crate::tr;

pub fn run(
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
    let opts = SyncOptions {
        file,
        exe,
        today,
        lang,
    };
    match sync(&opts) {
        Ok(Outcome::Done { sent, received }) => {
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
        Ok(Outcome::Offline { ahead, why }) => {
            let text = tr!(
                "未能连接远程({why}):{ahead} 个提交留在本地,联网后再运行 bairi sync",
                "could not reach the remote ({why}): {ahead} commit(s) kept here; run bairi sync again when online"
            );
            let _ = writeln!(err, "{}", text.get(lang));
            1
        }
        Err(e) => {
            let _ = writeln!(err, "{}", e.message().get(lang));
            1
        }
    }
}
