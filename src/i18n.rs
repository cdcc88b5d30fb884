//! Two-language text: every user-facing string exists in Chinese and English.

use std::fmt;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese (the default for a Chinese locale).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the language from locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`, in that order):
    /// a Chinese locale gives Chinese, anything else English.
    pub(crate) fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = get(var).filter(|v| !v.is_empty()) {
                return if value.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        Lang::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// Parses `zh`/`en` (and `zh-CN`, `en_US`...).
    pub(crate) fn parse(code: &str) -> Option<Lang> {
        let lower = code.to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A message in both languages; `get` picks one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub(crate) fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The same text in both languages (ids, numbers, names).
    pub(crate) fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text {
            zh: s.clone(),
            en: s,
        }
    }
}

impl fmt::Display for Text {
    /// Displays the English text; use `get` to choose.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// Builds a [`Text`] from a Chinese and an English format string sharing arguments:
/// `tr!("缺少 {k}", "missing {k}")`.
#[macro_export]
macro_rules! tr {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::i18n::Text::new(format!($zh), format!($en))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_order_and_fallback() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", ""), ("LANG", "zh_TW")])),
            Lang::Zh
        );
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::En);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "C")])), Lang::En);
    }

    #[test]
    fn tr_macro_formats_both() {
        let k = "deadline";
        let t = tr!("缺少 {k}", "missing {k}");
        assert_eq!(t.get(Lang::Zh), "缺少 deadline");
        assert_eq!(t.get(Lang::En), "missing deadline");
    }
}
