//! Days of the example campaign's month, as the merge properties name them.

use chrono::NaiveDate;

/// Day `d` of November 2026 (the example's month: its expected values are for the 22nd).
pub fn november(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("a date")
}
