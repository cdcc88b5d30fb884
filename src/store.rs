//! Reading, checking and writing campaign files. No terminal code.

pub mod access;
pub mod atomic;
pub mod backup;
pub mod careful;
pub mod demo;
pub mod diag;
pub mod driver;
pub mod eol;
pub mod file;
pub mod file_more;
pub mod guard;
pub mod leftovers;
pub mod load;
pub mod lock;
pub mod merge;
pub mod merge3;
pub mod merge_text;
pub mod merge_top;
pub mod out;
pub mod patch;
pub mod position;
pub mod presence;
pub mod publish;
pub mod recorded;
pub mod splice;
pub mod tree;
