//! The side files in `.bairi/` beside a campaign: the write lock, who has it open (presence)
//! and where those files live, shared with the campaign's group, and the journal that makes
//! an in-place save crash-safe.

pub mod acl;
pub mod journal;
pub mod lock;
pub mod presence;
pub mod sidecar;
