//! Pledges (承诺践诺) in the file: a new `[[commitments]]` entry, and one marked kept or
//! broken at a review. Every other line of the file stays as it was.

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Table};

use crate::domain::LogEntry;
use crate::i18n::Text;
use crate::store::edit::date_value;
use crate::store::edit::patch;
use crate::store::file::{CampaignFile, Refusal};
use crate::tr;

/// The verdicts as the file's history words them.
const KEPT: &str = "践诺";
const BROKEN: &str = "未践诺";
/// The `kind` of a pledge's history line.
pub(crate) const HISTORY_KIND: &str = "承诺";

/// A pledge to record; `due` defaults to the next checkpoint after today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewPledge {
    pub unit: String,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub task: Option<String>,
    pub by: Option<String>,
}

/// The first checkpoint after `today` (the next review), else the campaign's end.
pub(crate) fn default_due(info: &crate::domain::CampaignInfo, today: NaiveDate) -> NaiveDate {
    info.checkpoints
        .iter()
        .copied()
        .find(|d| *d > today)
        .unwrap_or(info.end)
}

impl CampaignFile {
    /// Appends a `[[commitments]]` entry made today; returns its number (from 1).
    pub(crate) fn add_pledge(&mut self, p: &NewPledge, today: NaiveDate) -> Result<usize, Refusal> {
        let unit = p.unit.trim();
        // Stored as typed; only an empty text is refused.
        let text = p.text.as_str();
        if self.campaign.unit(unit).is_none() {
            return Err(Refusal(tr!("没有单位 {unit}", "there is no unit {unit}")));
        }
        if text.trim().is_empty() {
            return Err(Refusal(Text::new(
                "承诺内容不能为空",
                "the pledge needs a text",
            )));
        }
        if let Some(t) = p
            .task
            .as_deref()
            .filter(|t| self.campaign.task(t).is_none())
        {
            return Err(Refusal(tr!("没有任务 {t}", "there is no task {t}")));
        }
        let due = p
            .due
            .unwrap_or_else(|| default_due(&self.campaign.info, today));
        if due < today {
            return Err(Refusal(tr!(
                "期限 {due} 早于今天",
                "the due date {due} is before today"
            )));
        }
        let mut table = Table::new();
        table.insert("unit", toml_edit::value(patch::string(unit)));
        if let Some(by) = p.by.as_deref() {
            table.insert("by", toml_edit::value(patch::string(by)));
        }
        table.insert("made_on", toml_edit::value(date_value(today)));
        table.insert("text", toml_edit::value(patch::string(text)));
        if let Some(t) = p.task.as_deref() {
            table.insert("task", toml_edit::value(patch::string(t)));
        }
        table.insert("due", toml_edit::value(date_value(due)));
        table.insert("kept", toml_edit::value(false));
        self.add_table("commitments", table)?;
        Ok(self.campaign.commitments.len())
    }

    /// Marks pledge `n` (from 1) kept (`kept_on` today) or broken (`broken_on` today). A
    /// pledge already so is left alone; a verdict the other way is corrected (the other
    /// date goes) and the pledge's `log` records it (`践诺→未践诺`), by `by`.
    pub(crate) fn check_pledge(
        &mut self,
        n: usize,
        kept: bool,
        today: NaiveDate,
        by: Option<&str>,
    ) -> Result<(), Refusal> {
        let total = self.campaign.commitments.len();
        let Some(pledge) = n
            .checked_sub(1)
            .and_then(|i| self.campaign.commitments.get(i))
        else {
            return Err(Refusal(tr!(
                "没有第{n}条承诺(共 {total} 条)",
                "there is no pledge {n} (there are {total})"
            )));
        };
        let checked = pledge.kept || pledge.broken_on.is_some();
        if checked && pledge.kept == kept {
            // Already so: nothing to write.
            return Ok(());
        }
        let correction = checked.then(|| {
            let word = |kept: bool| if kept { KEPT } else { BROKEN };
            LogEntry {
                date: today,
                text: format!("{}→{}", word(pledge.kept), word(kept)),
                by: by.map(str::to_owned),
                kind: Some(HISTORY_KIND.to_owned()),
            }
        });
        if correction.is_some() {
            self.check_by(by)?;
        }
        let mut doc: DocumentMut = self.text().parse().map_err(|_| {
            Refusal(Text::new(
                "文件不是有效的 TOML",
                "the file is not valid TOML",
            ))
        })?;
        let table = doc
            .get_mut("commitments")
            .and_then(|i| i.as_array_of_tables_mut())
            .and_then(|a| a.get_mut(n - 1))
            .ok_or_else(|| {
                Refusal(tr!(
                    "找不到第{n}条承诺",
                    "pledge {n} was not found in the file"
                ))
            })?;
        let today = date_value(today);
        patch::set(table, "kept", kept);
        if kept {
            patch::set(table, "kept_on", today);
            patch::remove(table, "broken_on");
        } else {
            patch::set(table, "broken_on", today);
            patch::remove(table, "kept_on");
        }
        if let Some(entry) = &correction {
            super::record(table, entry);
        }
        self.adopt(doc.to_string(), Text::new("修改未保存", "not changed"))
    }
}
