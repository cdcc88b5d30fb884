//! Parse and check a campaign file into a [`Campaign`], with every finding located.

use crate::domain::Campaign;

use super::diag::Diagnostic;

/// A file that loaded: the campaign, the parsed document (for in-place edits) and the warnings.
#[derive(Debug)]
pub struct Loaded {
    pub campaign: Campaign,
    pub document: toml_edit::DocumentMut,
    /// Warnings only; a load with errors fails.
    pub warnings: Vec<Diagnostic>,
}

/// A file that did not load: every finding, errors first.
#[derive(Debug)]
pub struct Rejected {
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads campaign text. (stub: the real loader is being written)
pub fn load_str(_text: &str) -> Result<Loaded, Rejected> {
    Err(Rejected {
        diagnostics: Vec::new(),
    })
}
