//! Money as people say it: `1.41 亿元` / `9853 万元` (`141.1 million yuan` /
//! `98.5 million yuan`), from an amount in the campaign's `investment_unit`.

use crate::i18n::Lang;

/// Yuan per one of `unit`, for the units the office uses (元, 万元, 亿元); `None` otherwise.
fn yuan_per(unit: &str) -> Option<f64> {
    match unit.trim() {
        "元" => Some(1.0),
        "万元" => Some(1e4),
        "亿元" => Some(1e8),
        _ => None,
    }
}

/// `n` with at most `places` decimals, trailing zeros dropped: `1.4`, `14053`.
fn trimmed(n: f64, places: usize) -> String {
    let s = format!("{n:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Chinese: 亿元 with two decimals from 1 亿 up (`1.41 亿元`), else 万元 (`9853 万元`), else
/// 元. English: billion yuan with two decimals from 1 billion up, million yuan with one
/// decimal from 1 million up (`141.1 million yuan`), else
/// thousand yuan (`500 thousand yuan`), else yuan. An unknown unit is shown as written.
pub(crate) fn money(amount: f64, unit: &str, lang: Lang) -> String {
    // An empty sum of floats is -0.0; show it as 0.
    let amount = amount + 0.0;
    let Some(per) = yuan_per(unit) else {
        return format!("{} {}", trimmed(amount, 2), unit.trim());
    };
    let yuan = amount * per;
    match lang {
        Lang::Zh if yuan.abs() >= 1e8 => format!("{:.2} 亿元", yuan / 1e8),
        Lang::Zh if yuan.abs() >= 1e4 => format!("{} 万元", trimmed(yuan / 1e4, 2)),
        Lang::Zh => format!("{} 元", trimmed(yuan, 2)),
        Lang::En if yuan.abs() >= 1e9 => format!("{:.2} billion yuan", yuan / 1e9),
        Lang::En if yuan.abs() >= 1e6 => format!("{:.1} million yuan", yuan / 1e6),
        Lang::En if yuan.abs() >= 1e3 => format!("{} thousand yuan", trimmed(yuan / 1e3, 1)),
        Lang::En => format!("{} yuan", trimmed(yuan, 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_people_say_them() {
        let zh = |a: f64, u: &str| money(a, u, Lang::Zh);
        let en = |a: f64, u: &str| money(a, u, Lang::En);
        assert_eq!(zh(14105.0, "万元"), "1.41 亿元");
        assert_eq!(zh(9853.0, "万元"), "9853 万元");
        assert_eq!(zh(9999.5, "万元"), "9999.5 万元");
        assert_eq!(zh(308350.0, "万元"), "30.84 亿元");
        assert_eq!(zh(-0.0, "万元"), "0 元");
        assert_eq!(zh(2.5, "亿元"), "2.50 亿元");
        assert_eq!(zh(5000.0, "元"), "5000 元");
        assert_eq!(en(14105.0, "万元"), "141.1 million yuan");
        assert_eq!(en(9853.0, "万元"), "98.5 million yuan");
        assert_eq!(en(308_350.0, "万元"), "3.08 billion yuan");
        assert_eq!(en(50.0, "万元"), "500 thousand yuan");
        assert_eq!(en(0.0, "万元"), "0 yuan");
        assert_eq!(en(12.0, "美元"), "12 美元");
    }
}
