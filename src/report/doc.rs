//! A report as plain structure (headings, lines, tables), written out as Markdown or CSV.

/// A table: a header row and rows of cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub(crate) header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A part of a report: a heading, lines of text, and a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Section {
    pub(crate) heading: String,
    pub(crate) lines: Vec<String>,
    pub(crate) table: Option<Table>,
}

/// A whole report; `main` is the table a CSV or Excel export writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub(crate) title: String,
    pub(crate) intro: Vec<String>,
    pub(crate) sections: Vec<Section>,
    pub main: Table,
    /// How many of `main`'s last rows are totals (合计).
    pub main_totals: usize,
    /// What `main` is of, for a sheet's title row (the leaderboard: its checkpoint); may be empty.
    pub(crate) caption: String,
}

/// Data as inert Markdown text: HTML is escaped, and nothing from the data can become a
/// link or an image (brackets are escaped, and the `://`, `www.` and `@` of bare addresses
/// are written as entities, so no renderer autolinks them).
fn md_text(s: &str) -> String {
    let s = crate::sanitize::inert(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            ':' if s[i..].starts_with("://") => out.push_str("&#58;"),
            '.' if s[..i].to_ascii_lowercase().ends_with("www") => out.push_str("&#46;"),
            '@' => out.push_str("&#64;"),
            c => out.push(c),
        }
    }
    out
}

fn md_cell(s: &str) -> String {
    md_text(s).replace('|', "\\|")
}

/// Markdown: `#` title, `##` sections, `-` lines, pipe tables.
pub fn markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n\n", md_text(&doc.title));
    for line in &doc.intro {
        out.push_str(&md_text(line));
        out.push_str("  \n");
    }
    for s in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", md_text(&s.heading)));
        for line in &s.lines {
            out.push_str(&format!("- {}\n", md_text(line)));
        }
        if let Some(t) = &s.table {
            if !s.lines.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!(
                "| {} |\n",
                t.header
                    .iter()
                    .map(|h| md_cell(h))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
            out.push_str(&format!("|{}|\n", vec!["---"; t.header.len()].join("|")));
            for row in &t.rows {
                out.push_str(&format!(
                    "| {} |\n",
                    row.iter()
                        .map(|c| md_cell(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
            }
        }
    }
    out
}

/// One CSV cell. A cell a spreadsheet would take for a formula (starting with `=`, `+`, `-`,
/// `@`, tab or carriage return, the OWASP list) gets a `'` in front, so it stays text.
fn csv_cell(raw: &str) -> String {
    let formula = raw.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut s = crate::sanitize::inert(raw);
    if formula {
        s.insert(0, '\'');
    }
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// CSV of the main table (RFC 4180 quoting, CRLF), with a UTF-8 BOM for Excel when asked.
pub fn csv(doc: &Doc, bom: bool) -> String {
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    for row in std::iter::once(&doc.main.header).chain(&doc.main.rows) {
        out.push_str(
            &row.iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_neutralises_formulas() {
        let doc = Doc {
            main: Table {
                header: vec!["a".into(), "b".into()],
                rows: vec![
                    vec!["x,y".into(), "say \"hi\"".into()],
                    vec!["=1+1".into(), "标题\u{1b}[2J".into()],
                ],
            },
            ..Doc::default()
        };
        assert_eq!(
            csv(&doc, false),
            "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=1+1,标题[2J\r\n"
        );
        assert!(csv(&doc, true).starts_with('\u{feff}'));
    }

    #[test]
    fn csv_cells_that_look_like_formulas_stay_text() {
        let cells = [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "ok",
        ];
        let doc = Doc {
            main: Table {
                header: vec!["h".into()],
                rows: cells.iter().map(|c| vec![(*c).to_owned()]).collect(),
            },
            ..Doc::default()
        };
        assert_eq!(
            csv(&doc, false),
            "h\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'+1\r\n'-2\r\n'@SUM(A1)\r\n' x\r\n' x\r\nok\r\n"
        );
    }

    #[test]
    fn markdown_has_no_html_and_no_links_from_data() {
        let evil = "<img src=x onerror=alert(1)> [点我](https://evil.example) ![i](x.png) \
                    https://evil.example www.evil.example a@evil.example <https://x.y>";
        let doc = Doc {
            title: evil.into(),
            intro: vec![evil.into()],
            sections: vec![Section {
                heading: evil.into(),
                lines: vec![evil.into()],
                table: Some(Table {
                    header: vec![evil.into()],
                    rows: vec![vec![evil.into()]],
                }),
            }],
            ..Doc::default()
        };
        let md = markdown(&doc);
        for bad in ["<", "://", "www.", "@"] {
            assert!(!md.contains(bad), "{bad:?} in {md}");
        }
        let unescaped = md.replace("\\[", "").replace("\\]", "");
        assert!(!unescaped.contains(['[', ']']), "{md}");
        assert!(md.contains("&lt;img"), "{md}");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let doc = Doc {
            title: "T".into(),
            sections: vec![Section {
                heading: "S".into(),
                lines: vec!["l".into()],
                table: Some(Table {
                    header: vec!["h".into()],
                    rows: vec![vec!["a|b".into()]],
                }),
            }],
            ..Doc::default()
        };
        assert_eq!(
            markdown(&doc),
            "# T\n\n\n## S\n\n- l\n\n| h |\n|---|\n| a\\|b |\n"
        );
    }
}
