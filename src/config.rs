//! Settings: `config.example.toml` is built in as the defaults; a user file overrides only
//! the keys it names.

pub mod save;

use std::path::{Path, PathBuf};

use toml_edit::Document;

use crate::app::action::Action;
use crate::app::keymap::Key;
use crate::app::sort::Sort;
use crate::i18n::{Lang, Text};
use crate::store::diag::{Diagnostic, Severity};
use crate::store::position::LineIndex;
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
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "bairi").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the user's config at `path` over the defaults; a missing file is no error.
pub fn load(path: &Path) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
    let base = parse(EXAMPLE, Config::default())
        .map(|(c, _)| c)
        .unwrap_or_default();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, base),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((base, Vec::new())),
        Err(e) => Err(vec![finding(
            Severity::Error,
            (0, 0),
            tr!("无法读取配置文件:{e}", "cannot read the config file: {e}"),
        )]),
    }
}

fn finding(severity: Severity, (line, column): (usize, usize), message: Text) -> Diagnostic {
    Diagnostic {
        severity,
        line,
        column,
        subject: None,
        message,
        hint: None,
    }
}

/// Applies the settings in `text` over `config`.
pub fn parse(text: &str, mut config: Config) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
    let index = LineIndex::new(text);
    let doc = Document::parse(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        vec![finding(
            Severity::Error,
            index.locate_span(e.span()),
            tr!(
                "配置文件不是有效的 TOML:{message}",
                "the config is not valid TOML: {message}"
            ),
        )]
    })?;
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for (key, item) in doc.iter() {
        let at = index.locate_span(item.span());
        let mut bad = |want: Text| {
            errors.push(finding(
                Severity::Error,
                at,
                Text::new(
                    format!("配置项 `{key}` 的值不对:应为{}", want.zh),
                    format!("setting `{key}` has a bad value: expected {}", want.en),
                ),
            ));
        };
        match key {
            "file" => match item.as_str() {
                Some("") => config.file = None,
                Some(s) => config.file = Some(PathBuf::from(s)),
                None => bad(Text::new("字符串路径", "a path string")),
            },
            "lang" => match item.as_str() {
                Some("") => config.lang = None,
                Some(s) if Lang::parse(s).is_some() => config.lang = Lang::parse(s),
                _ => bad(Text::new(
                    "\"zh\"、\"en\" 或 \"\"",
                    "\"zh\", \"en\" or \"\"",
                )),
            },
            "autosave" => match item.as_bool() {
                Some(b) => config.autosave = b,
                None => bad(Text::new("true 或 false", "true or false")),
            },
            "author" => match item.as_str() {
                Some("") => config.author = None,
                Some(s) => config.author = Some(s.to_owned()),
                None => bad(Text::new("人员编号字符串", "a person id string")),
            },
            "theme" => match item.as_str().and_then(Palette::parse) {
                Some(p) => config.theme = p,
                None => bad(Text::new(
                    "\"default\"、\"256\" 或 \"mono\"",
                    "\"default\", \"256\" or \"mono\"",
                )),
            },
            "ascii" => match item.as_bool() {
                Some(b) => config.ascii = b,
                None => bad(Text::new("true 或 false", "true or false")),
            },
            "backups" => match item.as_integer().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => config.backups = n,
                None => bad(Text::new("不小于 0 的整数", "a whole number, 0 or more")),
            },
            "present_seconds" => match item
                .as_integer()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0)
            {
                Some(n) => config.present_seconds = n,
                None => bad(Text::new("正整数(秒)", "a whole number of seconds above 0")),
            },
            "mouse" => match item.as_bool() {
                Some(b) => config.mouse = b,
                None => bad(Text::new("true 或 false", "true or false")),
            },
            "sort" => match item.as_str().and_then(Sort::parse) {
                Some(s) => config.sort = s,
                None => bad(Text::new(
                    "\"file\"、\"light\"、\"milestone\"、\"deadline\"、\"progress\" 或 \"id\"",
                    "\"file\", \"light\", \"milestone\", \"deadline\", \"progress\" or \"id\"",
                )),
            },
            "keys" => match item.as_table_like() {
                Some(table) => read_keys(table, &index, &mut config, &mut errors, &mut warnings),
                None => bad(Text::new("表 [keys]", "a [keys] table")),
            },
            _ => {
                let at = doc
                    .key(key)
                    .and_then(toml_edit::Key::span)
                    .map_or(at, |s| index.locate(s.start));
                warnings.push(finding(
                    Severity::Warning,
                    at,
                    tr!(
                        "未知的配置项 `{key}`,已忽略",
                        "unknown setting `{key}`; ignored"
                    ),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok((config, warnings))
    } else {
        Err(errors)
    }
}

/// `[keys]`: `action = "key"` or `action = ["key", ...]`.
fn read_keys(
    table: &dyn toml_edit::TableLike,
    index: &LineIndex,
    config: &mut Config,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    for (name, item) in table.iter() {
        let at = index.locate_span(item.span());
        let Some(action) = Action::from_name(name) else {
            let at = table
                .key(name)
                .and_then(toml_edit::Key::span)
                .map_or(at, |s| index.locate(s.start));
            warnings.push(finding(
                Severity::Warning,
                at,
                tr!(
                    "[keys] 中未知的动作 `{name}`,已忽略",
                    "unknown action `{name}` in [keys]; ignored"
                ),
            ));
            continue;
        };
        let written: Vec<&str> = match (item.as_str(), item.as_array()) {
            (Some(s), _) => vec![s],
            (_, Some(list)) => list.iter().filter_map(|v| v.as_str()).collect(),
            _ => Vec::new(),
        };
        let keys: Vec<Option<Key>> = written.iter().map(|k| Key::parse(k)).collect();
        if written.is_empty() || keys.iter().any(Option::is_none) {
            let shown = written.join(", ");
            errors.push(finding(
                Severity::Error,
                at,
                tr!(
                    "`{name}` 的按键写法不对:{shown}(如 \"q\"、\"Enter\"、\"Ctrl-r\"、[\">\", \"L\"])",
                    "`{name}` has a key bairi cannot read: {shown} (write e.g. \"q\", \"Enter\", \"Ctrl-r\", [\">\", \"L\"])"
                ),
            ));
            continue;
        }
        config.keys.retain(|(a, _)| *a != action);
        config
            .keys
            .push((action, keys.into_iter().flatten().collect()));
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
