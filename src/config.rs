//! Settings: `config.example.toml` is built in as the defaults; a user file overrides only
//! the keys it names.

mod read;
pub(crate) mod save;

pub use read::parse;

use std::path::{Path, PathBuf};

use crate::app::action::Action;
use crate::app::keymap::Key;
use crate::app::sort::Sort;
use crate::i18n::Lang;
use crate::store::diag::{Diagnostic, Severity};
use crate::tr;
use crate::ui::theme::Palette;

/// The documented defaults, embedded.
pub const EXAMPLE: &str = include_str!("../config.example.toml");

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The campaign a bare `bairi` opens.
    pub file: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub autosave: bool,
    pub author: Option<String>,
    pub theme: Palette,
    pub ascii: bool,
    /// Timestamped copies kept in the data dir.
    pub backups: usize,
    /// Seconds each page of the presentation mode stays up.
    pub present_seconds: u32,
    /// Capture the mouse (off: the terminal's own selection works, e.g. in tmux).
    pub mouse: bool,
    /// The order of cards within the board's columns.
    pub sort: Sort,
    /// The user's key bindings, each replacing that action's defaults.
    pub keys: Vec<(Action, Vec<Key>)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            lang: None,
            autosave: true,
            author: None,
            theme: Palette::Ansi16,
            ascii: false,
            backups: 10,
            present_seconds: 10,
            mouse: true,
            sort: Sort::File,
            keys: Vec::new(),
        }
    }
}

/// The standard place of the user's config file.
pub(crate) fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "bairi").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the user's config at `path` over the defaults; a missing file is no error.
pub fn load(path: &Path) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
    let base = parse(EXAMPLE, Config::default())
        .map(|(c, _)| c)
        .unwrap_or_default();
    match read_text(path) {
        Ok(text) => parse(&text, base),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((base, Vec::new())),
        Err(e) => Err(vec![read::unplaced(Severity::Error, unreadable(&e))]),
    }
}

/// The config's text, through the campaign's own guard: a FIFO, a device or a huge file is
/// refused at once instead of hanging or filling memory.
pub(crate) fn read_text(path: &Path) -> std::io::Result<String> {
    let (bytes, _) = crate::store::save::guard::read(path)?;
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// Why the config could not be read.
fn unreadable(e: &std::io::Error) -> crate::i18n::Text {
    use crate::store::save::guard::{MAX_BYTES, Unfit};
    match Unfit::of(e) {
        Some(Unfit::NotRegular) => crate::i18n::Text::new(
            "配置文件不是普通文件(目录、管道或设备),未读取",
            "the config is not a regular file (a directory, pipe or device); not read",
        ),
        Some(Unfit::TooLarge(len)) => {
            let (mb, max) = (len / (1024 * 1024), MAX_BYTES / (1024 * 1024));
            tr!(
                "配置文件太大({mb} MB,上限 {max} MB),未读取",
                "the config is too large ({mb} MB, the limit is {max} MB); not read"
            )
        }
        None => tr!("无法读取配置文件:{e}", "cannot read the config file: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_equals_the_built_in_defaults() {
        let start = Config {
            autosave: false,
            ascii: true,
            backups: 3,
            present_seconds: 99,
            theme: Palette::Mono,
            mouse: false,
            sort: Sort::Id,
            ..Config::default()
        };
        let (mut parsed, warnings) = parse(EXAMPLE, start).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let defaults: Vec<(Action, Vec<Key>)> = crate::app::keymap::Keymap::default()
            .bindings()
            .map(|(a, k)| (a, k.to_vec()))
            .collect();
        assert_eq!(
            parsed.keys, defaults,
            "[keys] in the example = the built-in keymap"
        );
        parsed.keys.clear();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn keys_override_and_bad_keys_fail_with_their_line() {
        let text = "[keys]\nquit = \"Q\"\nmove_right = [\">\", \"L\"]\nfly = \"f\"\n";
        let (c, w) = parse(text, Config::default()).unwrap();
        assert_eq!(c.keys[0], (Action::Quit, vec![Key::parse("Q").unwrap()]));
        assert_eq!((w.len(), w[0].line), (1, 4));
        let e = parse("[keys]\n\nquit = \"Qx\"\n", Config::default()).unwrap_err();
        assert_eq!(e[0].line, 3);
    }

    #[test]
    fn a_user_file_overrides_only_what_it_names() {
        let (c, _) = parse("author = \"li_mx\"\n", Config::default()).unwrap();
        assert_eq!(c.author.as_deref(), Some("li_mx"));
        assert!(c.autosave);
    }

    #[test]
    fn unknown_keys_warn_and_bad_values_fail_with_a_line() {
        let (_, w) = parse("\nautosav = false\n", Config::default()).unwrap();
        assert_eq!((w.len(), w[0].line), (1, 2));
        let e = parse("lang = \"zh\"\nautosave = \"yes\"\n", Config::default()).unwrap_err();
        assert_eq!(e[0].line, 2);
        assert!(e[0].message.en.contains("autosave"));
    }
}
