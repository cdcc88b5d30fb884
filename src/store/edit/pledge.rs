//! Pledges (承诺践诺) in the file: a new `[[commitments]]` entry, and one marked kept or
//! broken at a review. Every other line of the file stays as it was.

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Table};

use crate::i18n::Text;
use crate::store::edit::date_value;
use crate::store::edit::patch;
use crate::store::file::{CampaignFile, Refusal};
use crate::tr;

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
pub fn default_due(info: &crate::domain::CampaignInfo, today: NaiveDate) -> NaiveDate {
    info.checkpoints
        .iter()
        .copied()
        .find(|d| *d > today)
        .unwrap_or(info.end)
}

impl CampaignFile {
    /// Appends a `[[commitments]]` entry made today; returns its number (from 1).
    pub fn add_pledge(&mut self, p: &NewPledge, today: NaiveDate) -> Result<usize, Refusal> {
        let unit = p.unit.trim();
        let text = p.text.trim();
        if self.campaign.unit(unit).is_none() {
            return Err(Refusal(tr!("没有单位 {unit}", "there is no unit {unit}")));
        }
        if text.is_empty() {
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

    /// Marks pledge `n` (from 1) kept (`kept_on` today) or broken (`broken_on` today).
    pub fn check_pledge(&mut self, n: usize, kept: bool, today: NaiveDate) -> Result<(), Refusal> {
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
        if pledge.kept || pledge.broken_on.is_some() {
            return Err(Refusal(tr!(
                "第{n}条承诺已经核查过",
                "pledge {n} has already been checked"
            )));
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
        } else {
            patch::set(table, "broken_on", today);
        }
        self.adopt(doc.to_string(), Text::new("修改未保存", "not changed"))
    }
}
