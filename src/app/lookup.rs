//! The one resolver for typed ids and names lives in the domain ([`crate::domain::lookup`]),
//! so the command line and reports share it; the board's forms and the `:` jump use it here.

pub(crate) use crate::domain::lookup::{Found, by_id, by_id_or_name};
