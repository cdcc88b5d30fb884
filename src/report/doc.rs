//! A report as plain structure (headings, lines, tables), written out as Markdown or CSV.

/// A table: a header row and rows of cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A part of a report: a heading, lines of text, and a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
    pub table: Option<Table>,
}

/// A whole report; `main` is the table a CSV export writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub title: String,
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
    pub main: Table,
}

fn md_cell(s: &str) -> String {
    crate::sanitize::inert(s).replace('|', "\\|")
}

/// Markdown: `#` title, `##` sections, `-` lines, pipe tables.
pub fn markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n\n", crate::sanitize::inert(&doc.title));
    for line in &doc.intro {
        out.push_str(&crate::sanitize::inert(line));
        out.push_str("  \n");
    }
    for s in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", crate::sanitize::inert(&s.heading)));
        for line in &s.lines {
            out.push_str(&format!("- {}\n", crate::sanitize::inert(line)));
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

fn csv_cell(s: &str) -> String {
    let s = crate::sanitize::inert(s);
    if s.contains([',', '"']) || s.starts_with(['=', '+', '-', '@']) {
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
            "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"=1+1\",标题[2J\r\n"
        );
        assert!(csv(&doc, true).starts_with('\u{feff}'));
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
