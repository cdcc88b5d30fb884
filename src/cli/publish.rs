//! `bairi publish FILE [--checkpoint N]`: freeze a checkpoint's leaderboard into `[[reviews]]`.

use std::io::Write;
use std::path::Path;

use super::check::open_file;
use super::names::{What, resolve};
use crate::domain::countdown::past_checkpoints;
use crate::domain::leaderboard::leaderboard_at;
use crate::i18n::Lang;
use crate::store::load::Today;
use crate::tr;

pub(crate) struct PublishOptions {
    pub(crate) checkpoint: Option<usize>,
    pub(crate) today: Today,
    pub(crate) kind: String,
    pub(crate) note: Option<String>,
    /// Who publishes it: a person's id or name.
    pub(crate) by: Option<String>,
}

pub(crate) fn run(
    path: &Path,
    options: PublishOptions,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = path.display().to_string();
    let mut file = match open_file(path, options.today, lang, err) {
        Ok(file) => file,
        Err(code) => return code,
    };
    let past = past_checkpoints(&file.campaign.info, file.today);
    let chosen = match options.checkpoint {
        Some(n) => past.iter().find(|(k, _)| *k == n).copied(),
        None => past.last().copied(),
    };
    let total = file.campaign.info.checkpoints.len();
    let Some((n, date)) = chosen else {
        let text = match options.checkpoint {
            Some(n) if n == 0 || n > total => tr!(
                "没有第{n}节点(本活动共 {total} 个节点)",
                "there is no checkpoint {n} (this campaign has {total})"
            ),
            Some(n) => tr!(
                "第{n}节点还没到(只能发布今天之前的节点)",
                "checkpoint {n} has not passed yet (only past checkpoints can be published)"
            ),
            None => tr!("今天之前还没有攻坚节点", "no checkpoint has passed yet"),
        };
        let _ = writeln!(err, "{name}: {}", text.get(lang));
        return 1;
    };
    let by = match options
        .by
        .as_deref()
        .map(|p| resolve(&file.campaign, What::Person, p))
    {
        Some(Err(why)) => {
            let _ = writeln!(err, "{name}: {}", why.get(lang));
            return 1;
        }
        Some(Ok(id)) => Some(id),
        None => None,
    };
    let board = leaderboard_at(&file.campaign, Some(n), date);
    let publish = crate::store::edit::apply::Edit::Publish {
        board: Box::new(board.clone()),
        kind: options.kind.clone(),
        note: options.note.clone(),
    };
    let stamp = crate::store::edit::apply::Stamp {
        today: file.today,
        by,
    };
    if let Err(refusal) = file.apply(&publish, &stamp) {
        let _ = writeln!(err, "{name}: {}", refusal.message().get(lang));
        return 1;
    }
    match file.save() {
        Ok(()) => {
            let (done, due) = (board.done, board.due);
            let text = tr!(
                "已发布第{n}节点擂台榜({date},完成率 {done}/{due})",
                "published checkpoint {n} ({date}, rate {done}/{due})"
            );
            let _ = writeln!(out, "{}", text.get(lang));
            let bottom = file.campaign.rules.leaderboard.yellow_card_bottom;
            if let Some(tie) = board.bench_stretch(bottom) {
                let _ = writeln!(out, "{}", tie.get(lang));
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{name}: {}", e.message().get(lang));
            1
        }
    }
}
