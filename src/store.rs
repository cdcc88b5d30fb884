//! Reading, checking and writing campaign files. No terminal code.

pub(crate) mod conflicts;
pub mod demo;
pub mod diag;
pub mod edit;
pub(crate) mod errors;
pub mod file;
pub mod load;
pub mod merge;
pub(crate) mod position;
pub mod save;
pub mod side;
pub mod tree;
