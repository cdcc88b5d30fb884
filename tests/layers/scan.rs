//! Reads Rust source text and lists the `crate::` and `super::` paths it names, each resolved
//! to a path from the crate root, with its line: what tests/layers.rs checks the rules on.

/// One path a file names, from the crate root (`["store", "file", "CampaignFile"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub line: usize,
    pub path: Vec<String>,
    /// Inside a `#[cfg(test)]` module (or a `tests.rs` file).
    pub test: bool,
}

/// The module path of a source file relative to `src/`: `store/edit/task.rs` is
/// `["store", "edit", "task"]`, `store.rs` is `["store"]`, `lib.rs` is `[]`.
pub fn module_of(relative: &str) -> Vec<String> {
    let trimmed = relative.trim_end_matches(".rs");
    let mut parts: Vec<String> = trimmed.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The text with comments, strings and character literals blanked to spaces (newlines kept),
/// so that a path inside a doc comment or a message is not taken for an import.
pub fn blank(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let keep_lines = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep_lines(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            out.extend(std::iter::repeat_n(' ', j + 1 - i));
            i = j + 1;
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(keep_lines(chars[i]));
                i += 1;
            }
            out.extend(std::iter::repeat_n(' ', close.len().min(chars.len() - i)));
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                for k in 0..step {
                    if let Some(&ch) = chars.get(i + k) {
                        out.push(keep_lines(ch));
                    }
                }
                i += step;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            out.push_str("  ");
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every `crate::…` and `super::…` path in `source` (a file whose module path is `module`),
/// with `use` groups (`crate::{a, b::{c, d}}`) spread into one path each.
pub fn uses(module: &[String], source: &str) -> Vec<Use> {
    let text = blank(source);
    let chars: Vec<char> = text.chars().collect();
    let line_of = |at: usize| 1 + chars[..at].iter().filter(|c| **c == '\n').count();
    let test_file = module.last().is_some_and(|m| m == "tests");
    let mut found = Vec::new();
    let mut depth = 0usize;
    // Inline `mod name {` blocks: `super` inside one is the file's own module.
    let mut inline: Vec<(String, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            depth += 1;
        } else if c == '}' {
            depth = depth.saturating_sub(1);
            if inline.last().is_some_and(|(_, d, _)| *d == depth) {
                inline.pop();
            }
        } else if is_ident(c) && !ident_before(&chars, i) {
            let word: String = chars[i..].iter().take_while(|c| is_ident(**c)).collect();
            let after = i + word.chars().count();
            if word == "mod" {
                let rest: String = chars[after..].iter().collect();
                let rest = rest.trim_start();
                let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
                if rest[name.len()..].trim_start().starts_with('{') {
                    let before: String = chars[..i].iter().collect();
                    let before = before.trim_end();
                    let before = before.strip_suffix("pub(crate)").unwrap_or(before);
                    let before = before.strip_suffix("pub").unwrap_or(before).trim_end();
                    inline.push((name, depth, test_attribute(before)));
                }
            } else if (word == "crate" || word == "super") && starts_path(&chars, after) {
                let mut here: Vec<String> = module.to_vec();
                here.extend(inline.iter().map(|(n, _, _)| n.clone()));
                let mut base = if word == "crate" {
                    Vec::new()
                } else {
                    parent(&here)
                };
                let mut j = after + 2;
                // `super::super::x`
                while chars[j..].starts_with(&['s', 'u', 'p', 'e', 'r'])
                    && !chars.get(j + 5).is_some_and(|c| is_ident(*c))
                    && starts_path(&chars, j + 5)
                {
                    base = parent(&base);
                    j += 7;
                }
                let test = test_file || inline.iter().any(|(_, _, t)| *t);
                let (paths, end) = tree(&chars, j, &base);
                for (path, at) in paths {
                    found.push(Use {
                        line: line_of(at),
                        path,
                        test,
                    });
                }
                i = end;
                continue;
            }
            i = after;
            continue;
        }
        i += 1;
    }
    found
}

/// Whether `before` ends with a `#[cfg(…)]` that holds only under test (`test`,
/// `all(test, unix)`).
fn test_attribute(before: &str) -> bool {
    let Some(start) = before.rfind("#[cfg(") else {
        return false;
    };
    let attribute = &before[start..];
    attribute.ends_with(")]")
        && attribute.contains("test")
        && !attribute.contains("not(test")
        && !attribute.contains("any(")
}

fn parent(path: &[String]) -> Vec<String> {
    path[..path.len().saturating_sub(1)].to_vec()
}

fn starts_path(chars: &[char], at: usize) -> bool {
    chars.get(at) == Some(&':') && chars.get(at + 1) == Some(&':')
}

fn skip_space(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    at
}

/// Parses one use tree at `at` under `prefix`; returns its paths and where it ends.
fn tree(chars: &[char], at: usize, prefix: &[String]) -> (Vec<(Vec<String>, usize)>, usize) {
    let mut path = prefix.to_vec();
    let mut at = skip_space(chars, at);
    loop {
        if chars.get(at) == Some(&'{') {
            let mut all = Vec::new();
            at += 1;
            loop {
                at = skip_space(chars, at);
                match chars.get(at) {
                    None => return (all, at),
                    Some('}') => return (all, at + 1),
                    Some(',') => at += 1,
                    Some(_) => {
                        let (more, end) = tree(chars, at, &path);
                        all.extend(more);
                        at = end.max(at + 1);
                    }
                }
            }
        }
        if chars.get(at) == Some(&'*') {
            return (vec![(path, at)], at + 1);
        }
        let word: String = chars[at..].iter().take_while(|c| is_ident(**c)).collect();
        if word.is_empty() {
            return (vec![(path, at)], at);
        }
        let start = at;
        if word != "self" {
            path.push(word.clone());
        }
        at += word.chars().count();
        if starts_path(chars, at) {
            at += 2;
        } else {
            return (vec![(path, start)], at);
        }
    }
}
