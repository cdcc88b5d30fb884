//! The bundled demo campaign, with its dates moved so that today is about day 40.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};
use toml_edit::visit_mut::VisitMut;
use toml_edit::{Datetime, DocumentMut, Formatted};

use crate::domain::{Today, Zone};

/// The demo as shipped (written as of its own day 40).
pub const DEMO: &str = include_str!("../../assets/demo.toml");

/// The day of the campaign the demo should open on.
pub(crate) const DEMO_DAY: i64 = 40;

/// The demo text with every date shifted so that `today` is day [`DEMO_DAY`]; comments and
/// layout are kept.
pub fn shifted(today: Today) -> String {
    starting(DEMO, today, DEMO_DAY)
}

/// `text` with every date moved so that `today`, read in the campaign's own time zone, is day
/// `day` of its campaign.
pub(crate) fn starting(text: &str, today: Today, day: i64) -> String {
    let Ok(mut doc) = text.parse::<DocumentMut>() else {
        return text.to_owned();
    };
    let zone = doc
        .get("campaign")
        .and_then(|c| c.get("timezone"))
        .and_then(|z| z.as_str())
        .and_then(Zone::parse)
        .unwrap_or(Zone::Local);
    let today = today.resolve(&zone);
    let start = doc
        .get("campaign")
        .and_then(|c| c.get("start"))
        .and_then(|s| s.as_datetime())
        .and_then(|d| d.date)
        .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
    let Some(start) = start else {
        return text.to_owned();
    };
    let shift = (today - start).num_days() - (day - 1);
    Shift(shift).visit_document_mut(&mut doc);
    doc.to_string()
}

struct Shift(i64);

impl VisitMut for Shift {
    fn visit_datetime_mut(&mut self, node: &mut Formatted<Datetime>) {
        let value = *node.value();
        let moved = value.date.and_then(|d| {
            let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())?;
            let days = Days::new(self.0.unsigned_abs());
            if self.0 >= 0 {
                date.checked_add_days(days)
            } else {
                date.checked_sub_days(days)
            }
        });
        if let (Some(date), None) = (moved, value.time) {
            let new = Datetime {
                date: Some(toml_edit::Date {
                    year: u16::try_from(date.year()).unwrap_or(2026),
                    month: date.month() as u8,
                    day: date.day() as u8,
                }),
                time: None,
                offset: None,
            };
            let decor = node.decor().clone();
            *node = Formatted::new(new);
            *node.decor_mut() = decor;
        }
    }
}

/// Where the demo copy lives: the user's data dir, else the current directory.
pub(crate) fn demo_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "bairi").map_or_else(
        || PathBuf::from("bairi-demo.toml"),
        |d| d.data_dir().join("demo.toml"),
    )
}

/// Writes the shifted demo to `path` unless a copy is already there; true when it wrote one.
pub fn ensure_demo(path: &Path, today: Today) -> std::io::Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::store::save::atomic::write_atomically(path, shifted(today).as_bytes())?;
    Ok(true)
}
