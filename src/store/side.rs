//! The side files in `.bairi/` beside a campaign: the write lock, who has it open (presence)
//! and where those files live.

pub mod lock;
pub mod presence;
pub mod sidecar;
