//! Plain text for chat groups: 一、/(一) numbering (1. / (1) in English) and any report view
//! written as numbered lines, with no Markdown marks.

use super::doc::{Doc, Table};
use crate::i18n::Lang;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// `n` (from 1) in Chinese numerals: 一 … 十, 十一, 二十三; past 99 as digits.
fn chinese(n: usize) -> String {
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", DIGITS[n / 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// A section's number: `一、` / `1. `.
pub(crate) fn head_mark(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}、", chinese(n)),
        Lang::En => format!("{n}. "),
    }
}

/// An item's number inside a section: `(一)` / `(1) `.
pub(crate) fn item_mark(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("({})", chinese(n)),
        Lang::En => format!("({n}) "),
    }
}

/// Text from the file as one inert line (control characters and line breaks gone).
pub(crate) fn line(s: &str) -> String {
    crate::sanitize::inert(s).replace(['\n', '\r'], " ")
}

/// A numbered section: its heading, then its items, then a blank line.
pub(crate) fn section(out: &mut String, n: usize, heading: &str, items: &[String], lang: Lang) {
    out.push_str(&head_mark(n, lang));
    out.push_str(&line(heading));
    out.push('\n');
    for (i, item) in items.iter().enumerate() {
        out.push_str(&item_mark(i + 1, lang));
        out.push_str(&line(item));
        out.push('\n');
    }
    out.push('\n');
}

/// A table row as one line: `单位:县经信局,完成:6` (`Unit: …, Done: 6`); empty cells left out,
/// a cell without a header stands alone.
fn row_line(table: &Table, row: &[String], lang: Lang) -> String {
    let (colon, comma) = match lang {
        Lang::Zh => (":", ","),
        Lang::En => (": ", ", "),
    };
    row.iter()
        .enumerate()
        .filter(|(_, cell)| !cell.trim().is_empty())
        .map(
            |(i, cell)| match table.header.get(i).filter(|h| !h.is_empty()) {
                Some(h) => format!("{h}{colon}{cell}"),
                None => cell.clone(),
            },
        )
        .collect::<Vec<_>>()
        .join(comma)
}

/// Any report view as numbered plain text: the title, the intro, then each section numbered
/// 一、 with its lines and table rows numbered (一).
pub(crate) fn render(doc: &Doc, lang: Lang) -> String {
    let mut out = format!("{}\n", line(&doc.title));
    for l in &doc.intro {
        out.push_str(&line(l));
        out.push('\n');
    }
    out.push('\n');
    for (n, s) in doc.sections.iter().enumerate() {
        let mut items = s.lines.clone();
        if let Some(t) = &s.table {
            items.extend(t.rows.iter().map(|r| row_line(t, r, lang)));
        }
        section(&mut out, n + 1, &s.heading, &items, lang);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::doc::Section;

    #[test]
    fn chinese_numerals() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99, 100]
            .into_iter()
            .map(chinese)
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "100"
            ]
        );
        assert_eq!(head_mark(3, Lang::Zh), "三、");
        assert_eq!(item_mark(12, Lang::Zh), "(十二)");
        assert_eq!(head_mark(3, Lang::En), "3. ");
        assert_eq!(item_mark(12, Lang::En), "(12) ");
    }

    #[test]
    fn a_view_as_numbered_lines() {
        let doc = Doc {
            title: "T".into(),
            intro: vec!["i".into()],
            sections: vec![Section {
                heading: "S\nx".into(),
                lines: vec!["l".into()],
                table: Some(Table {
                    header: vec!["名次".into(), String::new(), "单位".into()],
                    rows: vec![vec!["1".into(), "⚑".into(), "甲".into()]],
                }),
            }],
            ..Doc::default()
        };
        assert_eq!(
            render(&doc, Lang::Zh),
            "T\ni\n\n一、S x\n(一)l\n(二)名次:1,⚑,单位:甲\n"
        );
    }
}
