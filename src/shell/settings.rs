//! Settings chosen on the board (`author`, `sort`) written to the user's config file, and
//! what the status line says about it.

use std::path::Path;

use crate::app::model::Model;
use crate::i18n::Text;

/// Writes a setting chosen on the board into the config file; a failure is said, and the
/// session keeps the choice either way.
pub(super) fn save_setting(
    model: &mut Model,
    config: Option<&Path>,
    key: &'static str,
    value: String,
) {
    let written = match config {
        Some(path) => {
            crate::config::save::set(path, key, &value).map(|()| path.display().to_string())
        }
        None => Err(Text::new(
            "找不到配置文件的位置",
            "there is no place for a config file",
        )),
    };
    let msg = crate::app::msg::Msg::SettingSaved {
        key,
        value,
        written,
    };
    crate::app::update::update(model, msg);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::model::Tone;
    use chrono::NaiveDate;

    #[test]
    fn a_setting_that_cannot_be_written_is_said_and_the_choice_holds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/qinglan.toml");
        let path = dir.path().join("qinglan.toml");
        std::fs::copy(fixture, &path).expect("copy");
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
        let file =
            crate::store::file::CampaignFile::open(&path, crate::store::load::Today::Date(today))
                .expect("opens");
        let mut model = Model::new(file, today, crate::i18n::Lang::En);
        model.author = Some("li_mx".into());
        // The config's folder would have to be made inside a regular file.
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "").expect("file");
        let config = blocker.join("bairi/config.toml");
        save_setting(&mut model, Some(&config), "author", "li_mx".into());
        let said = model.message.as_ref().expect("a message");
        assert_eq!(said.tone, Tone::Error);
        assert!(
            said.text
                .en
                .starts_with("could not save author in the config:"),
            "{:?}",
            said.text.en
        );
        assert!(said.text.en.ends_with("(kept for this session)"));
        assert_eq!(model.author.as_deref(), Some("li_mx"));
        // Written where it can be: the folder and the file are made.
        let fine = dir.path().join("home/bairi/config.toml");
        save_setting(&mut model, Some(&fine), "sort", "light".into());
        let text = std::fs::read_to_string(&fine).expect("written");
        assert!(text.ends_with("sort = \"light\"\n"), "{text}");
        assert_eq!(model.message.as_ref().map(|m| m.tone), Some(Tone::Info));
    }
}
