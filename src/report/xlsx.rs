//! Excel workbooks: one sheet per view, its main table with real numbers, percentages and
//! dates, a frozen bold header, columns as wide as their Chinese text, totals rows in bold and
//! the light as a coloured cell that also says the word.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::doc::{Doc, Table};
use super::views::{LIGHT_HEADER, View, build};
use crate::domain::Campaign;
use crate::domain::light::TaskLight;
use crate::i18n::{Lang, Text};
use crate::tr;

/// What a cell of a report table holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell<'a> {
    Blank,
    Number(f64),
    /// 0–100, written as a fraction formatted `0%`.
    Percent(f64),
    /// A date, alone or followed by a note in brackets (`2026-11-30 (8d)`).
    Date(NaiveDate),
    Text(&'a str),
}

/// A plain decimal as report tables write them: digits, at most one `.`, an optional `-`, no
/// leading zero (an id such as `007` stays text).
fn decimal(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let ok = !int.is_empty()
        && !frac.is_empty()
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'));
    ok.then(|| s.parse().ok()).flatten()
}

fn classify(s: &str) -> Cell<'_> {
    let t = s.trim();
    // `—` is "none" (no rate when nothing is due): an empty cell, not text among numbers.
    if t.is_empty() || t == "—" {
        return Cell::Blank;
    }
    if let Some(n) = decimal(t) {
        return Cell::Number(n);
    }
    if let Some(n) = t.strip_suffix('%').and_then(decimal) {
        return Cell::Percent(n);
    }
    if let Some((head, rest)) = t.split_at_checked(10) {
        let noted = rest.is_empty() || (rest.starts_with(" (") && rest.ends_with(')'));
        if let (true, Ok(d)) = (noted, NaiveDate::parse_from_str(head, "%Y-%m-%d")) {
            return Cell::Date(d);
        }
    }
    Cell::Text(s)
}

/// The light a light-column cell names (`红灯`, `红灯*`, `red`…), in `lang`.
fn light_of(s: &str, lang: Lang) -> Option<TaskLight> {
    let word = s.trim().trim_end_matches('*');
    [
        TaskLight::Red,
        TaskLight::Yellow,
        TaskLight::Green,
        TaskLight::Done,
    ]
    .into_iter()
    .find(|l| word == l.word().get(lang))
}

struct Formats {
    title: Format,
    header: Format,
    date: Format,
    percent: Format,
    total: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            percent: Format::new().set_num_format("0%"),
            total: Format::new().set_bold().set_border_top(FormatBorder::Thin),
        }
    }
}

/// The fill and font of a light's cell: colour and word both, so nothing rests on colour.
fn light_format(light: TaskLight, base: &Format) -> Format {
    let (fill, font) = match light {
        TaskLight::Red => (0xC00000, 0xFFFFFF),
        TaskLight::Yellow => (0xFFC000, 0x000000),
        TaskLight::Green => (0x00B050, 0xFFFFFF),
        TaskLight::Done => (0xD9D9D9, 0x000000),
    };
    base.clone()
        .set_background_color(Color::RGB(fill))
        .set_font_color(Color::RGB(font))
}

/// Excel keeps at most 32,767 characters in a cell.
fn cell_text(s: &str) -> String {
    crate::sanitize::inert(s).chars().take(32_767).collect()
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).unwrap_or(1900);
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// A column's width in Excel's units (about one per Latin character, two per CJK one).
fn width(s: &str, cell: Cell) -> usize {
    match cell {
        Cell::Date(_) => 10,
        Cell::Percent(_) => s.trim().len().max(4),
        _ => UnicodeWidthStr::width(crate::sanitize::inert(s).as_str()),
    }
}

/// The leaderboard's table with its rank a number: a shared rank (`并列3`, `3 tied`) becomes
/// `3` and a word in a 并列 column after it. Other tables as they are.
fn numeric_ranks(table: &Table, lang: Lang) -> Table {
    let rank = Text::new("名次", "Rank");
    if table.header.first().map(String::as_str) != Some(rank.get(lang)) {
        return table.clone();
    }
    let tied = Text::new("并列", "tied");
    let split = |cell: &str| -> (String, String) {
        let shared = match lang {
            Lang::Zh => cell.strip_prefix("并列"),
            Lang::En => cell.strip_suffix(" tied"),
        };
        match shared {
            Some(n) => (n.to_owned(), tied.get(lang).to_owned()),
            None => (cell.to_owned(), String::new()),
        }
    };
    let widen = |row: &[String], first: (String, String)| {
        let mut out = vec![first.0, first.1];
        out.extend(row.iter().skip(1).cloned());
        out
    };
    let header = Text::new("并列", "Tied").get(lang).to_owned();
    Table {
        header: widen(&table.header, (rank.get(lang).to_owned(), header)),
        rows: table
            .rows
            .iter()
            .map(|row| widen(row, split(row.first().map_or("", String::as_str))))
            .collect(),
    }
}

fn write_sheet(sheet: &mut Worksheet, doc: &Doc, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let table = &numeric_ranks(&doc.main, lang);
    // Row 1 names the sheet (and the leaderboard's checkpoint); the table starts under it.
    let title = match doc.caption.as_str() {
        "" => doc.title.clone(),
        caption => format!("{} · {caption}", doc.title),
    };
    sheet.write_string_with_format(0, 0, cell_text(&title), &f.title)?;
    let light_col = table
        .header
        .iter()
        .position(|h| h == Text::new(LIGHT_HEADER.0, LIGHT_HEADER.1).get(lang));
    let mut widths: Vec<usize> = table.header.iter().map(|h| h.width()).collect();
    for (c, h) in table.header.iter().enumerate() {
        sheet.write_string_with_format(1, c as u16, cell_text(h), &f.header)?;
    }
    let first_total = table.rows.len().saturating_sub(doc.main_totals);
    for (r, row) in table.rows.iter().enumerate() {
        let at = (r + 2) as u32;
        let base = if r >= first_total {
            f.total.clone()
        } else {
            Format::new()
        };
        for (c, raw) in row.iter().enumerate() {
            let col = c as u16;
            let cell = classify(raw);
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width(raw, cell));
            }
            let light = (Some(c) == light_col)
                .then(|| light_of(raw, lang))
                .flatten();
            match (cell, light) {
                (_, Some(light)) => {
                    let format = light_format(light, &base);
                    sheet.write_string_with_format(at, col, cell_text(raw), &format)?
                }
                (Cell::Blank, _) => sheet.write_blank(at, col, &base)?,
                (Cell::Number(n), _) => sheet.write_number_with_format(at, col, n, &base)?,
                (Cell::Percent(p), _) => {
                    let format = base.clone().set_num_format("0%");
                    let format = if r >= first_total {
                        &format
                    } else {
                        &f.percent
                    };
                    sheet.write_number_with_format(at, col, p / 100.0, format)?
                }
                (Cell::Date(d), _) => {
                    let format = base.clone().set_num_format("yyyy-mm-dd");
                    let format = if r >= first_total { &format } else { &f.date };
                    sheet.write_datetime_with_format(at, col, excel_date(d)?, format)?
                }
                (Cell::Text(s), _) => {
                    sheet.write_string_with_format(at, col, cell_text(s), &base)?
                }
            };
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w + 2).clamp(6, 60) as f64)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    Ok(())
}

/// A workbook with one sheet per `(name, doc)`, as the bytes of an `.xlsx` file.
pub(crate) fn workbook(sheets: &[(Text, Doc)], lang: Lang) -> Result<Vec<u8>, Text> {
    let failed = |e: XlsxError| tr!("无法生成 Excel 文件:{e}", "cannot make the Excel file: {e}");
    let mut book = Workbook::new();
    let formats = Formats::new();
    for (name, doc) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name.get(lang)).map_err(failed)?;
        write_sheet(sheet, doc, lang, &formats).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

/// The workbook of `views` (all five when empty) for `campaign` on `today`; `checkpoint` picks
/// the leaderboard, as for the other formats.
pub(crate) fn report(
    campaign: &Campaign,
    today: NaiveDate,
    lang: Lang,
    views: &[View],
    checkpoint: Option<usize>,
) -> Result<Vec<u8>, Text> {
    let views = if views.is_empty() {
        &View::ALL[..]
    } else {
        views
    };
    let sheets = views
        .iter()
        .map(|v| {
            Ok((
                v.short_label(),
                build(campaign, today, lang, *v, checkpoint)?,
            ))
        })
        .collect::<Result<Vec<_>, Text>>()?;
    workbook(&sheets, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_by_what_they_hold() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(classify(""), Cell::Blank);
        assert_eq!(classify("—"), Cell::Blank);
        assert_eq!(classify("13"), Cell::Number(13.0));
        assert_eq!(classify("-2.5"), Cell::Number(-2.5));
        assert_eq!(classify("94%"), Cell::Percent(94.0));
        assert_eq!(classify("2026-11-30"), Cell::Date(d("2026-11-30")));
        assert_eq!(
            classify("2026-11-20 (2d late)"),
            Cell::Date(d("2026-11-20"))
        );
        for text in [
            "007",
            "T01",
            "1e5",
            "inf",
            "并列3",
            "3 tied",
            "2026-11-30 x",
            "12.",
            "二〇二六年十一月三十日",
            "一二三四五六七八九十",
        ] {
            assert_eq!(classify(text), Cell::Text(text), "{text}");
        }
    }

    #[test]
    fn light_words_in_both_languages() {
        assert_eq!(light_of("红灯*", Lang::Zh), Some(TaskLight::Red));
        assert_eq!(light_of("done", Lang::En), Some(TaskLight::Done));
        assert_eq!(light_of("red", Lang::Zh), None);
    }
}
