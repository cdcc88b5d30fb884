//! Edits that change the file beyond one task's text: a task added or deleted, a record
//! (`[[commitments]]`, `[[reviews]]`) added, conflicts settled, a whole text put back by
//! undo. Each is read back whole (`adopt`): ids and references span the file, and a task
//! added or deleted moves every task after it.

use toml_edit::{DocumentMut, Item, Table};

use crate::i18n::Text;
use crate::store::edit::layout_refusal;
use crate::store::edit::patch;
use crate::store::edit::task_fields::{TaskFields, write_fields};
use crate::store::file::{CampaignFile, Refusal};
use crate::store::merge::ids::next_task_id;
use crate::tr;

impl CampaignFile {
    /// Replaces the whole text (undo and redo): it is checked like a file being opened.
    pub fn replace_text(&mut self, text: &str) -> Result<(), Refusal> {
        self.adopt(text.to_owned(), Text::new("无法恢复", "cannot restore"))
    }

    /// Settles `[[conflicts]]` records: `Keep::Mine` keeps the value in the file,
    /// `Keep::Theirs` takes the recorded one; either way the record goes.
    /// Whichever side is kept, a task whose status or sign-off was recorded ends coherent:
    /// not crossed off, no `closed_on`/`closed_by`; crossed off, its sign-off (the file's,
    /// else dated today).
    /// `each` names the records (numbered as the board lists them) and how each is settled;
    /// the others stay.
    pub(crate) fn settle_conflicts(
        &mut self,
        each: &[(usize, crate::store::merge::conflict::Keep)],
    ) -> Result<(), Refusal> {
        use crate::store::edit::sign_off::{KEYS, SignOff, make_coherent};
        let failure = Text::new("冲突未能处理", "the conflicts could not be settled");
        let signed: Vec<String> = crate::store::merge::recorded::list(&self.text)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| each.iter().any(|(n, _)| n == i))
            .filter(|(_, c)| c.key == "status" || KEYS.contains(&c.key.as_str()))
            .map(|(_, c)| c.task)
            .collect();
        let before: Option<DocumentMut> = self.text.parse().ok();
        let text = crate::store::merge::recorded::settle_each(&self.text, each)
            .ok_or_else(|| Refusal(failure.clone()))?;
        let text = if signed.is_empty() {
            text
        } else {
            let mut doc: DocumentMut = text.parse().map_err(|_| Refusal(failure.clone()))?;
            for id in &signed {
                let kept = before
                    .as_ref()
                    .and_then(|b| b.get("tasks")?.as_array_of_tables())
                    .and_then(|a| {
                        a.iter()
                            .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
                    })
                    .map(SignOff::of)
                    .unwrap_or_default();
                if let Some(task) = patch::task_mut(&mut doc, id) {
                    make_coherent(task, &kept, Some(super::date_value(self.today)));
                }
            }
            crate::store::save::eol::like(&text, doc.to_string())
        };
        self.adopt(text, failure)
    }

    /// Adds `table` as a new `[[key]]` after the last one (or at the end of the file), if the
    /// file still checks.
    pub(in crate::store) fn add_table(&mut self, key: &str, table: Table) -> Result<(), Refusal> {
        let mut doc = DocumentMut::new();
        let mut aot = toml_edit::ArrayOfTables::new();
        aot.push(table);
        doc.insert(key, Item::ArrayOfTables(aot));
        let at = self
            .layout
            .after_last(key, &self.text)
            .unwrap_or(self.text.len());
        let (before, after) = self.text.split_at(at);
        let mut added = String::new();
        if !before.is_empty() && !before.ends_with('\n') {
            added.push('\n');
        }
        // A blank line before the new table (`\n\n`, or `\n\r\n` in a CRLF file).
        if !before.is_empty() && !before.ends_with("\n\n") && !before.ends_with("\n\r\n") {
            added.push('\n');
        }
        added.push_str(&doc.to_string());
        let added = crate::store::save::eol::like(&self.text, added);
        let mut text = String::with_capacity(self.text.len() + added.len());
        text.push_str(before);
        text.push_str(&added);
        text.push_str(after);
        self.adopt(text, Text::new("修改未保存", "not changed"))
    }

    /// Adds a task after the last one; returns its new id.
    pub(crate) fn add_task(&mut self, fields: &TaskFields) -> Result<String, Refusal> {
        let ids: Vec<&str> = (self.campaign.tasks.iter().map(|t| t.id.as_str()))
            .chain(self.retired.iter().map(String::as_str))
            .collect();
        let id = next_task_id(&ids);
        let spelled = self
            .campaign
            .status_spelling
            .write(crate::domain::Status::NotStarted);
        let mut table = Table::new();
        table.insert("id", toml_edit::value(patch::string(&id)));
        table.insert("title", toml_edit::value(""));
        table.insert("category", toml_edit::value(""));
        write_fields(&mut table, fields);
        table.insert("status", toml_edit::value(patch::string(spelled)));
        self.add_table("tasks", table)?;
        Ok(id)
    }

    /// Deletes a task (with its problems), unless a pledge or a published review names it.
    pub(crate) fn delete_task(&mut self, id: &str) -> Result<(), Refusal> {
        let pledged = self
            .campaign
            .commitments
            .iter()
            .any(|c| c.task.as_deref() == Some(id));
        let reviewed = self
            .campaign
            .reviews
            .iter()
            .any(|r| r.red.iter().chain(&r.yellow).any(|t| t == id));
        if pledged || reviewed {
            return Err(Refusal(tr!(
                "{id} 被承诺或已发布的擂台榜引用,不能删除",
                "{id} is named by a pledge or a published review; it cannot be deleted"
            )));
        }
        let index = self
            .campaign
            .task_index(id)
            .ok_or_else(|| Refusal(tr!("没有任务 {id}", "there is no task {id}")))?;
        let region = self
            .layout
            .elements
            .get(index)
            .cloned()
            .flatten()
            .ok_or_else(|| layout_refusal(id))?;
        // The task's lines and the blank lines after them; comments about what follows stay.
        let content_line_end = self.text[region.content_end..]
            .find('\n')
            .map_or(self.text.len(), |i| region.content_end + i + 1);
        let tail = &self.text[content_line_end..region.range.end];
        let blank = tail.len() - tail.trim_start_matches(['\n', '\r', ' ', '\t']).len();
        let blank = tail[..blank].rfind('\n').map_or(0, |i| i + 1);
        let mut text = self.text.clone();
        text.replace_range(region.range.start..content_line_end + blank, "");
        self.adopt(text, Text::new("修改未保存", "not changed"))?;
        self.retired.push(id.to_owned());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_ids_follow_the_pattern() {
        assert_eq!(next_task_id(&["T01", "T13", "T02"]), "T14");
        assert_eq!(next_task_id(&["Y019", "Y020"]), "Y021");
        assert_eq!(next_task_id(&["T00001", "T09999"]), "T10000");
        assert_eq!(next_task_id(&[]), "T01");
        assert_eq!(next_task_id(&["road", "T9"]), "T10");
    }
}
