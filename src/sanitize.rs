//! Text from files and users made inert before it reaches a terminal: no control character
//! or escape sequence that came from the data is ever written.

/// User text made safe for one line of a terminal: control characters (including ESC, so no
/// escape sequence survives), bidi overrides and zero-width characters are removed, and line
/// breaks and tabs become spaces.
pub fn inert(s: &str) -> String {
    let needs_work = s.chars().any(|c| c.is_control() || is_invisible(c));
    if !needs_work {
        return s.to_owned();
    }
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() || is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Bidi controls and zero-width characters that could disguise text.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}
