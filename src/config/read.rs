//! Reads a config text with the campaign loader's own TOML reader (`store::tree`): each
//! setting over the defaults, each finding at its line and column, in both languages.

use std::ops::Range;
use std::path::PathBuf;

use super::Config;
use crate::app::action::Action;
use crate::app::keymap::Key;
use crate::app::sort::Sort;
use crate::i18n::{Lang, Text};
use crate::store::diag::{Diagnostic, Severity};
use crate::store::position::LineIndex;
use crate::store::tree::{self, Item, Table, TreeError};
use crate::tr;
use crate::ui::theme::Palette;

/// Applies the settings in `text` over `config`.
pub fn parse(text: &str, mut config: Config) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut findings = Findings::new(text);
    let parsed = match tree::parse(text) {
        Ok(parsed) => parsed,
        Err(err) => return Err(vec![findings.syntax(err)]),
    };
    for (key, item) in parsed.root.iter() {
        let key_at = key.span.clone();
        let key = key.name.as_ref();
        let mut bad = |want: Text| findings.bad_value(key, item, want);
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
            "keys" => match item.as_table() {
                Some(table) => read_keys(table, &mut findings, &mut config),
                None => bad(Text::new("表 [keys]", "a [keys] table")),
            },
            _ => findings.warn(
                key_at,
                tr!(
                    "未知的配置项 `{key}`,已忽略",
                    "unknown setting `{key}`; ignored"
                ),
            ),
        }
    }
    findings.check_keymap(&config);
    findings.finish(config)
}

/// `[keys]`: `action = "key"` or `action = ["key", ...]`.
fn read_keys(table: &Table, findings: &mut Findings, config: &mut Config) {
    for (name, item) in table.iter() {
        let name_at = name.span.clone();
        let name = name.name.as_ref();
        let Some(action) = Action::from_name(name) else {
            findings.warn(
                name_at,
                tr!(
                    "[keys] 中未知的动作 `{name}`,已忽略",
                    "unknown action `{name}` in [keys]; ignored"
                ),
            );
            continue;
        };
        let written: Vec<Option<&str>> = match (item.as_str(), item.as_array()) {
            (Some(s), _) => vec![Some(s)],
            (_, Some(list)) => list.iter().map(Item::as_str).collect(),
            _ => Vec::new(),
        };
        let keys: Vec<Option<Key>> = written.iter().map(|k| k.and_then(Key::parse)).collect();
        if written.is_empty() || keys.iter().any(Option::is_none) {
            let shown = findings
                .text
                .get(item.span.clone())
                .map_or_else(String::new, crate::sanitize::inert);
            findings.error(
                item.span.clone(),
                tr!(
                    "`{name}` 的按键写法不对:{shown}(如 \"q\"、\"Enter\"、\"Ctrl-r\"、[\">\", \"L\"])",
                    "`{name}` has a key bairi cannot read: {shown} (write e.g. \"q\", \"Enter\", \"Ctrl-r\", [\">\", \"L\"])"
                ),
            );
            continue;
        }
        findings.bound.push((action, name_at));
        config.keys.retain(|(a, _)| *a != action);
        config
            .keys
            .push((action, keys.into_iter().flatten().collect()));
    }
}

/// A finding not tied to a place in the text (line and column 0).
pub(super) fn unplaced(severity: Severity, message: Text) -> Diagnostic {
    Diagnostic {
        severity,
        line: 0,
        column: 0,
        subject: None,
        message,
        hint: None,
    }
}

/// The findings of one config text, located as they are made.
struct Findings<'t> {
    text: &'t str,
    index: LineIndex<'t>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// The actions `[keys]` binds, where each is written.
    bound: Vec<(Action, Range<usize>)>,
}

impl<'t> Findings<'t> {
    fn new(text: &'t str) -> Self {
        Findings {
            text,
            index: LineIndex::new(text),
            errors: Vec::new(),
            warnings: Vec::new(),
            bound: Vec::new(),
        }
    }

    fn at(&self, severity: Severity, span: Range<usize>, message: Text) -> Diagnostic {
        let (line, column) = self.index.locate(span.start);
        Diagnostic {
            line,
            column,
            ..unplaced(severity, message)
        }
    }

    fn error(&mut self, span: Range<usize>, message: Text) {
        let finding = self.at(Severity::Error, span, message);
        self.errors.push(finding);
    }

    fn warn(&mut self, span: Range<usize>, message: Text) {
        let finding = self.at(Severity::Warning, span, message);
        self.warnings.push(finding);
    }

    /// A setting whose value is not what it takes, at the value.
    fn bad_value(&mut self, key: &str, item: &Item, want: Text) {
        self.error(
            item.span.clone(),
            Text::new(
                format!("配置项 `{key}` 的值不对:应为{}", want.zh),
                format!("setting `{key}` has a bad value: expected {}", want.en),
            ),
        );
    }

    /// The keymap the settings make, checked as the board uses it (one check for the board
    /// and every command): a key bound twice or Ctrl-s bound is an error at the `[keys]`
    /// entry that binds it.
    fn check_keymap(&mut self, config: &Config) {
        let Err(conflicts) = crate::app::keymap::Keymap::with_overrides(&config.keys) else {
            return;
        };
        for conflict in conflicts {
            let span = conflict
                .actions
                .iter()
                .rev()
                .find_map(|a| self.bound.iter().rev().find(|(b, _)| b == a))
                .map_or(0..0, |(_, at)| at.clone());
            let mut finding = self.at(Severity::Error, span, conflict.message);
            finding.hint = Some(Text::new(
                "在 [keys] 中给其中一个动作换一个按键",
                "give one of these actions another key in [keys]",
            ));
            self.errors.push(finding);
        }
    }

    /// The text is not TOML: where it goes wrong, and what to look at there.
    fn syntax(&self, err: TreeError) -> Diagnostic {
        let message = err.message.trim().to_owned();
        let end = self.text.len();
        let mut finding = self.at(
            Severity::Error,
            err.span.unwrap_or(end..end),
            tr!(
                "配置文件不是有效的 TOML:{message}",
                "the config is not valid TOML: {message}"
            ),
        );
        finding.hint = Some(Text::new(
            "检查该处的引号、括号和等号;字符串加引号,true、false 和数字不加;同一个键只能写一次",
            "check the quotes, brackets and `=` there; strings are quoted, true, false and numbers are not; a key is written once",
        ));
        finding
    }

    fn finish(self, config: Config) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
        if self.errors.is_empty() {
            Ok((config, self.warnings))
        } else {
            Err(self.errors)
        }
    }
}
