//! The side files in `.bairi/` beside a campaign: the write lock, who has it open (presence)
//! and where those files live, shared with the campaign's group, and the journal that makes
//! an in-place save crash-safe.

pub(crate) mod acl;
pub(crate) mod journal;
pub mod lock;
pub(crate) mod presence;
pub mod sidecar;
