//! A save writes only a file that loads: the tasks edited in place since the last write are
//! checked again, as the loader would check them, before any byte reaches the disk. Every
//! edit already reads its task back as it is made (`edit.rs`); this is the second line, for
//! a defect that got past it. (Edits that go through the whole-file check, merges and
//! reloads need nothing more.)

use crate::store::diag::Diagnostic;
use crate::store::file::CampaignFile;
use crate::store::load::recheck::task_errors;

impl CampaignFile {
    /// The loader's errors for the tasks edited in place since the last write (none when
    /// the file would load).
    pub(in crate::store) fn unsound(&self) -> Vec<Diagnostic> {
        let mut texts = Vec::with_capacity(self.touched.len());
        for &i in &self.touched {
            let Some(Some(region)) = self.layout.elements.get(i) else {
                continue;
            };
            if let Some(text) = self.text.get(region.range.clone()) {
                texts.push(text);
            }
        }
        task_errors(&texts, &self.campaign, &self.touched, self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::edit::patch;
    use crate::store::file::SaveError;
    use crate::store::load::Today;

    #[test]
    fn a_save_that_would_not_load_is_refused_and_the_edit_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.toml");
        let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/qinglan.toml");
        std::fs::copy(fixture, &path).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut file = CampaignFile::open(&path, Today::Date(today)).unwrap();
        let before = std::fs::read_to_string(&path).unwrap();
        // An edit that names no one is refused as it is made: the task is read back.
        let index = file.campaign.task_index("T01").unwrap();
        let text = file.text().to_owned();
        let refused = file.patch_task(index, |table| {
            patch::set(table, "owner", patch::string("nobody"));
            Ok(())
        });
        assert!(refused.unwrap_err().0.en.contains("nobody"));
        assert_eq!(file.text(), text);
        // The same text put in past every check, as a defect might: the save still refuses.
        let (mut doc, range) = file.task_document(index).unwrap();
        let table = patch::task_mut(&mut doc, "T01").unwrap();
        patch::set(table, "owner", patch::string("nobody"));
        let task = file.campaign.tasks[index].clone();
        file.replace_task(index, range, doc.to_string(), task);
        let Err(SaveError::Invalid(errors)) = file.save() else {
            panic!("the save should be refused");
        };
        assert!(errors[0].message.en.contains("nobody"), "{errors:?}");
        let message = SaveError::Invalid(errors).message();
        assert!(message.en.contains("would not load") && message.zh.contains("无法打开"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
        assert!(file.dirty && file.text().contains("\"nobody\""));
        // Put right, it saves.
        file.patch_task(index, |table| {
            patch::set(table, "owner", patch::string("li_mx"));
            Ok(())
        })
        .unwrap();
        file.save().unwrap();
    }

    #[test]
    fn a_sound_edit_finds_nothing() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/qinglan.toml"
        ))
        .unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let loaded = crate::store::load::load_str(&text, Today::Date(today)).unwrap();
        for (i, region) in loaded.layout.elements.iter().enumerate() {
            let range = region.as_ref().unwrap().range.clone();
            let errors = task_errors(&[&text[range]], &loaded.campaign, &[i], today);
            assert!(errors.is_empty(), "task {i}: {errors:?}");
        }
    }
}
