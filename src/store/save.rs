//! Writing a campaign safely: who may write it, reading it within bounds, atomic and careful
//! (owner-keeping) writes, crash-safe writes in place, extended attributes kept, line endings,
//! leftover temp files, backups, report targets, and the plain writes of files that are not
//! the campaign.

pub mod access;
pub mod atomic;
pub mod backup;
pub mod careful;
pub mod disk;
pub mod eol;
pub mod fingerprint;
pub mod guard;
pub mod in_place;
pub mod landed;
pub mod leftovers;
pub mod out;
pub mod plain;
pub(in crate::store) mod sound;
pub mod xattrs;
