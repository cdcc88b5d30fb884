//! Styled text broken into lines of a width: between words where there are spaces (English),
//! between characters where there are none (Chinese), inside a word only when it is longer
//! than a line.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One unit that is not broken: a space, a wide character, or a run of narrow non-spaces.
struct Token {
    graphemes: Vec<(String, Style)>,
    width: usize,
    space: bool,
    /// A run of narrow non-spaces, which the next narrow non-space joins.
    word: bool,
}

fn tokens(spans: Vec<Span<'static>>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for span in spans {
        for g in span.content.graphemes(true) {
            let width = UnicodeWidthStr::width(g);
            let space = g.chars().all(char::is_whitespace);
            let word = !space && width <= 1;
            match out.last_mut() {
                Some(last) if word && last.word && last.width > 0 => {
                    last.graphemes.push((g.to_owned(), span.style));
                    last.width += width;
                }
                _ => out.push(Token {
                    graphemes: vec![(g.to_owned(), span.style)],
                    width,
                    space,
                    word,
                }),
            }
        }
    }
    out
}

/// `spans` in lines of at most `width` columns, each line's pieces with their styles.
pub(crate) fn lines(spans: Vec<Span<'static>>, width: usize) -> Vec<Vec<Span<'static>>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<(String, Style)>> = vec![Vec::new()];
    let mut used = 0;
    let break_line = |lines: &mut Vec<Vec<(String, Style)>>| {
        if let Some(line) = lines.last_mut() {
            while line.last().is_some_and(|(g, _)| g.trim().is_empty()) {
                line.pop();
            }
        }
        lines.push(Vec::new());
    };
    for token in tokens(spans) {
        if used + token.width > width {
            if token.space {
                break_line(&mut lines);
                used = 0;
                continue;
            }
            if used > 0 && token.width <= width {
                break_line(&mut lines);
                used = carried(&mut lines, &token.graphemes[0].0);
            }
        }
        if token.space && used == 0 && lines.len() > 1 {
            continue;
        }
        for (g, style) in token.graphemes {
            let w = UnicodeWidthStr::width(g.as_str());
            if used + w > width && used > 0 {
                break_line(&mut lines);
                used = carried(&mut lines, &g);
            }
            if let Some(line) = lines.last_mut() {
                line.push((g, style));
            }
            used += w;
        }
    }
    // Spaces at the end show nothing; a space that did not fit opened a line nothing filled.
    break_line(&mut lines);
    lines.pop();
    if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines.into_iter().map(joined).collect()
}

/// Marks no line may start with (避头点): Chinese and Latin closing punctuation.
const NO_START: &str = "、。,.;:!?)]}」』】》〉〕”’…%·,;:!?)]}%";

/// Called on a fresh line about to start with `first`: when that is a mark no line may start
/// with, the previous line's last character comes down with it. Returns the width now used.
fn carried(lines: &mut [Vec<(String, Style)>], first: &str) -> usize {
    if !first.chars().next().is_some_and(|c| NO_START.contains(c)) {
        return 0;
    }
    let [.., previous, fresh] = lines else {
        return 0;
    };
    if previous.len() < 2 || previous.last().is_some_and(|(g, _)| g.trim().is_empty()) {
        return 0;
    }
    let Some(last) = previous.pop() else {
        return 0;
    };
    while previous.last().is_some_and(|(g, _)| g.trim().is_empty()) {
        previous.pop();
    }
    let used = UnicodeWidthStr::width(last.0.as_str());
    fresh.push(last);
    used
}

/// Graphemes of one line as spans, one span per run of the same style.
fn joined(graphemes: Vec<(String, Style)>) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (g, style) in graphemes {
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&g),
            _ => spans.push(Span::styled(g, style)),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, width: usize) -> Vec<String> {
        lines(vec![Span::raw(text.to_owned())], width)
            .into_iter()
            .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn english_breaks_between_words() {
        assert_eq!(
            texts("save failed: the disk is full", 12),
            ["save failed:", "the disk is", "full"]
        );
    }

    #[test]
    fn chinese_breaks_between_characters_by_display_width() {
        assert_eq!(texts("保存失败磁盘已满", 8), ["保存失败", "磁盘已满"]);
    }

    #[test]
    fn no_line_starts_with_a_closing_mark() {
        assert_eq!(texts("保存失败:磁盘已满", 8), ["保存失", "败:磁盘", "已满"]);
        assert_eq!(texts("在第1、2、3节点", 6), ["在第", "1、2、", "3节点"]);
        for width in 4..30 {
            let got = texts(
                "甲乙丙、丁戊。己庚,辛壬癸!子丑寅卯?辰巳午未、申酉戌亥。",
                width,
            );
            assert!(
                got.iter()
                    .skip(1)
                    .all(|l| !l.starts_with(['、', '。', ',', '!', '?'])),
                "{width}: {got:?}"
            );
        }
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut_inside() {
        assert_eq!(
            texts("ab /very/long/path/x", 6),
            ["ab /ve", "ry/lon", "g/path", "/x"]
        );
    }

    #[test]
    fn no_line_is_wider_than_asked_and_nothing_but_spaces_at_breaks_is_lost() {
        let text = "已同步。发出:T01 进度 60%; T02 受阻 · received: T05 progress 66%, T06 note";
        for width in 2..40 {
            let got = texts(text, width);
            assert!(
                got.iter().all(|l| super::super::text::width(l) <= width),
                "{width}: {got:?}"
            );
            let kept: String = got.concat().split_whitespace().collect();
            let all: String = text.split_whitespace().collect();
            assert_eq!(kept, all, "{width}");
        }
    }

    #[test]
    fn spaces_at_the_end_open_no_empty_line() {
        assert_eq!(texts("abc def ", 7), ["abc def"]);
        assert_eq!(texts("abc def   ", 7), ["abc def"]);
        assert_eq!(texts("abc def gh ", 7), ["abc def", "gh"]);
        assert_eq!(texts("  ", 7), [""]);
    }

    #[test]
    fn styles_are_kept() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let got = lines(
            vec![Span::styled("已保存 ", bold), Span::raw("saved to disk")],
            8,
        );
        assert_eq!(got[0][0].style, bold);
        assert_eq!(got[0][0].content, "已保存");
    }
}
