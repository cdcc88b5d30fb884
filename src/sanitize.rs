//! Text from files and users made inert before it reaches a terminal: no control character
//! or escape sequence that came from the data is ever written.

mod terminal;

pub use terminal::Terminal;

/// The zero-width joiner: invisible, except that it joins pictographs into one emoji
/// (👨‍👩‍👧, 🏳️‍🌈).
const ZWJ: char = '\u{200D}';

/// User text made safe for one line of a terminal: control characters (including ESC, so no
/// escape sequence survives), bidi overrides and zero-width characters are removed, and line
/// breaks and tabs become spaces. A zero-width joiner stays where it joins two pictographs
/// into one emoji, the one glyph (two columns) a terminal shows for it.
pub fn inert(s: &str) -> String {
    let needs_work = s.chars().any(|c| c.is_control() || is_invisible(c));
    if !needs_work {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| match c {
            '\n' | '\r' | '\t' => Some(' '),
            ZWJ if joins_emoji(&chars, i) => Some(c),
            c if c.is_control() || is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Whether the joiner at `chars[i]` sits in an emoji sequence: a pictograph before it (after
/// any variation selectors and skin tones) and one right after it.
fn joins_emoji(chars: &[char], i: usize) -> bool {
    let before = chars
        .get(..i)
        .and_then(|head| head.iter().rev().find(|&&c| !is_emoji_modifier(c)));
    let after = chars.get(i + 1);
    before.is_some_and(|&c| is_pictograph(c)) && after.is_some_and(|&c| is_pictograph(c))
}

/// Variation selectors, skin tones, tags and the keycap mark: what may follow a pictograph
/// before a joiner.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c,
        '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
        | '\u{20E3}')
}

/// Pictographs that emoji sequences join (Unicode's `Extended_Pictographic`, by block).
fn is_pictograph(c: char) -> bool {
    matches!(c,
        '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{2199}' | '\u{21A9}'..='\u{21AA}' | '\u{231A}'..='\u{23FF}'
        | '\u{24C2}' | '\u{25AA}'..='\u{25FE}' | '\u{2600}'..='\u{27BF}'
        | '\u{2934}'..='\u{2935}' | '\u{2B05}'..='\u{2B55}' | '\u{3030}' | '\u{303D}'
        | '\u{3297}' | '\u{3299}' | '\u{1F000}'..='\u{1FAFF}' | '\u{1FC00}'..='\u{1FFFD}')
}

/// Bidi controls, zero-width characters and Unicode tag characters (invisible letters that
/// could hide text from a reader but not from a program) that could disguise text.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{E0000}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";

    #[test]
    fn a_zero_width_joiner_between_pictographs_stays() {
        assert_eq!(inert(FAMILY), FAMILY);
        assert_eq!(FAMILY.width(), 2, "one glyph, as a terminal shows it");
        assert_eq!(inert(FAMILY).width(), 2);
        // After a variation selector or a skin tone, the joiner still joins.
        let flag = "🏳\u{FE0F}\u{200D}🌈";
        assert_eq!(inert(flag), flag);
        let coder = "👩🏽\u{200D}💻";
        assert_eq!(inert(coder), coder);
        let heart = "❤\u{FE0F}\u{200D}🔥";
        assert_eq!(inert(heart), heart);
        // Inside other text, and with a control character elsewhere.
        assert_eq!(
            inert(&format!("家庭{FAMILY}\u{1b}[31m")),
            format!("家庭{FAMILY}[31m")
        );
    }

    #[test]
    fn a_zero_width_joiner_anywhere_else_goes() {
        assert_eq!(inert("a\u{200D}b"), "ab");
        assert_eq!(inert("中\u{200D}文"), "中文");
        assert_eq!(inert("👨\u{200D}"), "👨");
        assert_eq!(inert("\u{200D}👩"), "👩");
        assert_eq!(inert("👨\u{200D}a"), "👨a");
        assert_eq!(inert("a\u{200D}👩"), "a👩");
        // A bidi control or a second joiner in between breaks the join.
        assert_eq!(inert("👨\u{202E}\u{200D}👩"), "👨👩");
        assert_eq!(inert("👨\u{200D}\u{200D}👩"), "👨👩");
        // Other invisible and bidi controls still go, even between pictographs.
        assert_eq!(inert("👨\u{200B}👩\u{2066}👧\u{FEFF}"), "👨👩👧");
        assert_eq!(inert("ab\u{202E}cd\u{200F}"), "abcd");
    }
}
