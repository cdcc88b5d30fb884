//! The JSON report: the gathered values as they are, for scripts and tests.

use std::fmt::Write;

use super::values::Report;

/// Pretty-printed JSON with a final newline. Characters that a terminal would act on or that
/// disguise text (C1 controls, bidi and zero-width controls, tag characters) are written as
/// `\uXXXX` escapes, which serde_json leaves raw: the data read back is the same, and the
/// JSON shown in a terminal is inert.
pub fn write(report: &Report) -> String {
    let raw =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut out = escape_hidden(&raw);
    out.push('\n');
    out
}

/// Escapes the characters named above. They can only stand inside JSON strings (everything
/// else serde_json writes is ASCII), where an escape means the same character.
fn escape_hidden(json: &str) -> String {
    if !json.chars().any(hidden) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if hidden(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn hidden(c: char) -> bool {
    (c.is_control() && !c.is_ascii()) || crate::sanitize::is_invisible(c)
}

#[cfg(test)]
mod tests {
    use super::escape_hidden;

    #[test]
    fn c1_bidi_and_tag_characters_are_escaped_and_read_back_the_same() {
        let value = "a\u{9b}2J\u{202e}b\u{2066}\u{200e}\u{61c}\u{e0041}c";
        let json = serde_json::to_string(value).unwrap();
        let escaped = escape_hidden(&json);
        assert_eq!(
            escaped,
            "\"a\\u009b2J\\u202eb\\u2066\\u200e\\u061c\\udb40\\udc41c\""
        );
        assert_eq!(serde_json::from_str::<String>(&escaped).unwrap(), value);
    }
}
