//! The errors for a missing key or a value of the wrong type, naming TOML types in both
//! languages.

use super::Entry;
use crate::i18n::Text;
use crate::store::load::report::Findings;
use crate::store::tree::{Item, Value};
use crate::tr;

/// A TOML type, named in both languages for messages.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Str,
    Int,
    Number,
    Bool,
    Date,
    List,
    Table,
}

impl Kind {
    fn name(self) -> Text {
        match self {
            Kind::Str => Text::new("字符串(加引号)", "a string (in quotes)"),
            Kind::Int => Text::new("整数", "a whole number"),
            Kind::Number => Text::new("数字", "a number"),
            Kind::Bool => Text::new("true 或 false", "true or false"),
            Kind::Date => Text::new(
                "日期(如 2026-09-01,不加引号)",
                "a date (like 2026-09-01, unquoted)",
            ),
            Kind::List => Text::new("数组 [..]", "an array [..]"),
            Kind::Table => Text::new("表", "a table"),
        }
    }
}

fn found_name(item: &Item) -> Text {
    match &item.value {
        Value::String(_) => Text::new("字符串", "a string"),
        Value::Integer(_) => Text::new("整数", "an integer"),
        Value::Float(_) => Text::new("小数", "a decimal number"),
        Value::Boolean(_) => Text::new("布尔值", "a boolean"),
        Value::Datetime(_) => Text::new("日期时间", "a date-time"),
        Value::Array(a) if a.of_tables => Text::new("表数组", "an array of tables"),
        Value::Array(_) => Text::new("数组", "an array"),
        Value::Table(_) => Text::new("表", "a table"),
    }
}

impl Entry<'_> {
    pub(super) fn missing(&self, f: &mut Findings, key: &str, kind: Kind) {
        let kind = kind.name();
        f.error(
            self.span.clone(),
            Some(&self.subject),
            tr!("缺少必填键 `{key}`", "missing required key `{key}`"),
            Some(Text::new(
                format!("请添加 `{key} = …`,值为{}", kind.zh),
                format!("add `{key} = …` with {}", kind.en),
            )),
        );
    }

    pub(super) fn wrong(
        &self,
        f: &mut Findings,
        key: &str,
        item: &Item,
        kind: Kind,
        extra: Option<Text>,
    ) {
        let want = kind.name();
        let got = found_name(item);
        let hint = extra.unwrap_or_else(|| {
            Text::new(
                format!("`{key}` 应为{}", want.zh),
                format!("`{key}` takes {}", want.en),
            )
        });
        f.error(
            Some(item.span.clone()),
            Some(&self.subject),
            Text::new(
                format!("`{key}` 的类型不对:应为{},实为{}", want.zh, got.zh),
                format!(
                    "`{key}` has the wrong type: expected {}, found {}",
                    want.en, got.en
                ),
            ),
            Some(hint),
        );
    }
}
