//! What a merge reports and how it is settled: a field changed both ways, and which side to
//! keep. Used by the merge, the file's save and the errors alike.

/// A field changed both ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub task: String,
    pub key: String,
    pub mine: String,
    pub theirs: String,
}

/// How to settle conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Mine,
    Theirs,
}
