//! The JSON report: the gathered values as they are, for scripts and tests.

use super::values::Report;

/// Pretty-printed JSON with a final newline.
pub fn write(report: &Report) -> String {
    let mut out =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
