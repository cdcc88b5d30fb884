//! The command line reads a task, unit or person by id, short id or name: the resolver is
//! pure over a campaign, so it lives in the domain ([`crate::domain::names`]), shared with
//! reports.

pub(crate) use crate::domain::names::{What, resolve};
