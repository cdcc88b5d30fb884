//! Width-aware text: cut, pad and wrap by display width (CJK is two columns), and make
//! user text inert (no control characters or escape sequences reach the terminal).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub(crate) use crate::sanitize::inert;

/// The display width of a string.
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending in `…` when something was cut; never splits a
/// character (a wide character that does not fit is dropped whole). Widths are counted per
/// grapheme, as the terminal buffer counts them: `🏗️` (a character and a variation selector)
/// is two columns, not the one its first character alone would say.
pub(crate) fn cut(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut to `max` columns and padded with spaces to exactly `max` columns.
pub(crate) fn fit(s: &str, max: usize) -> String {
    let mut out = cut(s, max);
    let pad = max.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// `s` in lines of at most `max` columns: between words where there are spaces, between
/// characters where there are none (see `wrap.rs`); a character wider than `max` is left out.
pub(crate) fn wrap(s: &str, max: usize) -> Vec<String> {
    if max == 0 {
        return Vec::new();
    }
    let kept: String = s.graphemes(true).filter(|g| width(g) <= max).collect();
    super::wrap::lines(vec![ratatui::text::Span::raw(kept)], max)
        .into_iter()
        .map(|line| line.iter().map(|span| span.content.as_ref()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_never_splits_a_wide_character() {
        let s = "污水处理厂二期";
        for max in 0..=16 {
            let c = cut(s, max);
            assert!(width(&c) <= max, "{max}: {c}");
        }
        assert_eq!(cut(s, 1), "…");
        assert_eq!(cut(s, 2), "…");
        assert_eq!(cut(s, 3), "污…");
        assert_eq!(cut(s, 4), "污…");
        assert_eq!(cut(s, 14), s);
        assert_eq!(cut("abc", 3), "abc");
    }

    #[test]
    fn fit_pads_to_exact_width() {
        for max in 0..10 {
            assert_eq!(width(&fit("县住建局", max)), max);
        }
    }

    #[test]
    fn wrap_by_display_width() {
        let lines = wrap("完成沿线管线迁改abc", 5);
        assert!(lines.iter().all(|l| width(l) <= 5));
        assert_eq!(lines.concat(), "完成沿线管线迁改abc");
        assert!(wrap("宽", 1).iter().all(std::string::String::is_empty));
        for max in 1..5 {
            assert!(wrap("一二三四五", max).iter().all(|l| width(l) <= max));
        }
    }

    #[test]
    fn an_emoji_with_a_variation_selector_counts_two_columns() {
        let s = "🏗️🏗️🏗️装备产业园";
        for max in 0..=width(s) {
            assert!(width(&cut(s, max)) <= max, "{max}: {}", cut(s, max));
            assert_eq!(width(&fit(s, max)), max);
            assert!(wrap(s, max).iter().all(|l| width(l) <= max), "{max}");
        }
        assert_eq!(cut(s, 5), "🏗️🏗️…");
    }

    #[test]
    fn inert_removes_escapes_and_controls() {
        let hostile = "标题\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202E}abc\u{200B}\nnext";
        let clean = inert(hostile);
        assert!(!clean.chars().any(char::is_control));
        assert!(!clean.contains('\u{202E}'));
        assert_eq!(clean, "标题]0;pwned[2Jabc next");
    }
}
