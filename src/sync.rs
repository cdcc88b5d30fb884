//! Git as the sync engine between laptops and sites: setting a repository up for bairi,
//! summarising what changed in a campaign, and the round trip of `bairi sync`. Only this
//! module runs `git`.

pub mod driver_env;
pub mod git;
pub mod locks;
pub mod message;
pub mod net;
pub mod round;
pub mod setup;
pub mod status;
pub mod summary;
