//! The publish form (发布擂台榜): a checkpoint's leaderboard frozen into the file, once, as a
//! contest (竞赛) or a review (督评); it warns first when ties stretch the bench.

use super::forms::{Done, FieldDef, Spec, Values, field};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::domain::leaderboard::{Leaderboard, leaderboard_at};
use crate::domain::model::REVIEW_KINDS;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

const FIELDS: &[FieldDef] = &[
    field(
        "kind",
        ("类型 竞赛/督评", "Kind 竞赛 contest / 督评 review"),
        Kind::Choice(REVIEW_KINDS),
        true,
        "竞赛",
    ),
    field("note", ("备注", "Note"), Kind::Text, false, ""),
];

pub(crate) fn spec(model: &Model, checkpoint: usize) -> Spec {
    let title = tr!(
        "发布第{checkpoint}节点擂台榜(发布后冻结,不能重复发布)",
        "publish checkpoint {checkpoint} (frozen once published; only once)"
    );
    let mut spec = Spec::new(title, FIELDS, &[]);
    let bottom = model.campaign().rules.leaderboard.yellow_card_bottom;
    spec.notes = board(model, checkpoint)
        .and_then(|board| board.bench_stretch(bottom))
        .into_iter()
        .collect();
    spec
}

pub(crate) fn submit(model: &mut Model, checkpoint: usize, v: &Values) -> Result<Done, Text> {
    let Some(board) = board(model, checkpoint) else {
        return Err(Text::new("没有这个攻坚节点", "there is no such checkpoint"));
    };
    let bottom = model.campaign().rules.leaderboard.yellow_card_bottom;
    let stretch = board.bench_stretch(bottom);
    let publish = Edit::Publish {
        board: Box::new(board),
        kind: v.text("kind").unwrap_or_else(|| "竞赛".to_owned()),
        note: v.text("note"),
    };
    let (made, effects) = super::edit(model, publish)?;
    let n = made.number();
    let done = tr!("已发布第{n}节点擂台榜", "checkpoint {n} published");
    let said = match stretch {
        Some(tie) => {
            let (zh, en) = (tie.zh, tie.en);
            let (done_zh, done_en) = (done.zh, done.en);
            tr!("{done_zh}。{zh}", "{done_en}. {en}")
        }
        None => done,
    };
    Ok(Done::Made(said, effects))
}

/// The leaderboard publishing checkpoint `n` freezes; `None` when there is no such checkpoint.
fn board(model: &Model, n: usize) -> Option<Leaderboard> {
    let checkpoints = &model.campaign().info.checkpoints;
    let date = checkpoints.get(n.wrapping_sub(1)).copied()?;
    Some(leaderboard_at(model.campaign(), Some(n), date))
}
