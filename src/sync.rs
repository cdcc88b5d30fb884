//! Git as the sync engine between laptops and sites: setting a repository up for bairi,
//! summarising what changed in a campaign, and the round trip of `bairi sync`. Only this
//! module runs `git`.

pub(crate) mod driver_env;
pub(crate) mod git;
pub(crate) mod locks;
pub(crate) mod message;
pub(crate) mod net;
pub mod round;
pub(crate) mod setup;
pub mod status;
pub mod summary;
