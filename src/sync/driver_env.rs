//! What `bairi sync` tells the merge driver git runs, through its environment: who the other
//! side is, who merges, and which day it is. The driver (`bairi merge-driver`) reads the same
//! names.

use crate::store::load::Today;

/// Who the other side is, set by `bairi sync` (the author of their last commit).
pub(crate) const BY_VAR: &str = "BAIRI_MERGE_BY";
/// Who merges (the local git user), for the records' `kept_by`.
pub(crate) const KEPT_BY_VAR: &str = "BAIRI_MERGE_KEPT_BY";

/// The day a `bairi sync --today D` merges on (`YYYY-MM-DD`); without it the driver's clock
/// (`BAIRI_NOW`, which a sync sets to its own instant) read in the campaign's zone.
pub(crate) const TODAY_VAR: &str = "BAIRI_MERGE_TODAY";

/// What tells the merge driver git runs which day it is: the pinned day, else this sync's
/// instant, so that its `[[conflicts]]` dates follow the same clock as the sync. Both are
/// set, one empty, so that neither is inherited from elsewhere.
pub(crate) fn driver_today(today: Today) -> [(&'static str, String); 2] {
    let (day, now) = match today {
        Today::Date(date) => (date.format("%Y-%m-%d").to_string(), String::new()),
        Today::At(instant) => (String::new(), instant.to_rfc3339()),
    };
    [(TODAY_VAR, day), (crate::clock::NOW_VAR, now)]
}
