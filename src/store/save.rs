//! Writing a campaign safely: who may write it, reading it within bounds, atomic and careful
//! (owner-keeping) writes, crash-safe writes in place, extended attributes kept, line endings,
//! leftover temp files, backups, report targets, and the plain writes of files that are not
//! the campaign.

pub(crate) mod access;
pub(crate) mod atomic;
pub mod backup;
pub(crate) mod careful;
pub(crate) mod disk;
pub(crate) mod eol;
pub(crate) mod fingerprint;
pub(crate) mod guard;
pub(crate) mod in_place;
pub(crate) mod landed;
pub(crate) mod leftovers;
pub(crate) mod out;
pub(crate) mod plain;
pub(in crate::store) mod sound;
pub(crate) mod xattrs;
