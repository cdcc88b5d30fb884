//! Reading, checking and writing campaign files. No terminal code.

pub mod conflicts;
pub mod demo;
pub mod diag;
pub mod edit;
pub mod errors;
pub mod file;
pub mod load;
pub mod merge;
pub mod position;
pub mod save;
pub mod side;
pub mod tree;
