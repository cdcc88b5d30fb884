//! Publishing a leaderboard: it is frozen into `[[reviews]]`, never recomputed afterwards.

use toml_edit::{InlineTable, Table, Value};

use crate::i18n::Text;
use crate::store::edit::date_value;
use crate::store::edit::patch;
use crate::store::file::{CampaignFile, Refusal};
use crate::tr;

impl CampaignFile {
    /// Appends the leaderboard of `board.checkpoint` as a review; refuses a second review of
    /// the same checkpoint.
    pub(crate) fn publish(
        &mut self,
        board: &crate::domain::leaderboard::Leaderboard,
        kind: &str,
        note: Option<&str>,
        stamp: &crate::store::edit::apply::Stamp,
    ) -> Result<u32, Refusal> {
        let Some(n) = board.checkpoint else {
            return Err(Refusal(Text::new(
                "只能发布攻坚节点的擂台榜",
                "only a checkpoint's leaderboard can be published",
            )));
        };
        if !crate::domain::model::REVIEW_KINDS.contains(&kind) {
            return Err(Refusal(tr!(
                "擂台榜类型只能是 竞赛 或 督评,不是 `{kind}`",
                "the kind must be 竞赛 (biweekly contest) or 督评 (monthly review), not `{kind}`"
            )));
        }
        let n = n as u32;
        if self.campaign.reviews.iter().any(|r| r.checkpoint == n) {
            return Err(Refusal(tr!(
                "第{n}节点的擂台榜已发布,不能重复发布",
                "checkpoint {n} is already published; it cannot be published twice"
            )));
        }
        let ids = |list: &[String]| {
            let mut a = toml_edit::Array::new();
            for id in list {
                a.push(patch::string(id));
            }
            a
        };
        let mut units = toml_edit::Array::new();
        for u in &board.units {
            let mut t = InlineTable::new();
            t.insert("unit", patch::string(&u.unit));
            t.insert("rank", i64::from(u.rank).into());
            t.insert("done", i64::from(u.done).into());
            t.insert("due", i64::from(u.due).into());
            t.insert("rate", (u.rate.round() as i64).into());
            t.insert("red_tasks", i64::from(u.red_tasks).into());
            t.fmt();
            let mut v = Value::InlineTable(t);
            v.decor_mut().set_prefix("\n  ");
            units.push_formatted(v);
        }
        units.set_trailing_comma(true);
        units.set_trailing("\n");
        let mut table = Table::new();
        table.insert("checkpoint", toml_edit::value(i64::from(n)));
        table.insert("date", toml_edit::value(date_value(board.date)));
        table.insert("kind", toml_edit::value(patch::string(kind)));
        table.insert(
            "overall_rate",
            toml_edit::value(board.rate().round() as i64),
        );
        table.insert("red_flag", toml_edit::value(ids(&board.red_flag)));
        table.insert("yellow_card", toml_edit::value(ids(&board.yellow_card)));
        if let Some(note) = note.map(str::trim).filter(|s| !s.is_empty()) {
            table.insert("note", toml_edit::value(patch::string(note)));
        }
        if let Some(by) = &stamp.by {
            table.insert("by", toml_edit::value(patch::string(by)));
        }
        table.insert("published_on", toml_edit::value(date_value(stamp.today)));
        table.insert("units", toml_edit::value(units));
        table.insert("red", toml_edit::value(ids(&board.red)));
        table.insert("yellow", toml_edit::value(ids(&board.yellow)));
        self.add_table("reviews", table)?;
        Ok(n)
    }
}
