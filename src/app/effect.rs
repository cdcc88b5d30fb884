//! `Effect`: what `update` asks of the shell (save, quit, write a report, sync…), as data.

/// Work for the shell, which owns the terminal and the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save,
    Quit,
    /// Write an exported report (Markdown, text, CSV or an Excel workbook) to this path.
    Export(std::path::PathBuf, Vec<u8>),
    /// Save again, settling conflicts this way.
    SaveKeeping(crate::store::merge::Keep),
    /// Run `bairi sync` on the file (after the save before it).
    Sync,
    /// Stop the sync that runs (its fetch or push ends; the local commit stays).
    CancelSync,
    /// Write a setting (`author`, `sort`) into the user's config file.
    SaveSetting(&'static str, String),
    /// Clear the terminal and draw every cell again.
    Redraw,
    /// Look at the disk now (a sync brought changes in: they are read at once).
    Watch,
    /// Something on screen changed while no key was pressed: draw a frame.
    Draw,
}

impl Effect {
    pub fn is_save(&self) -> bool {
        matches!(self, Effect::Save | Effect::SaveKeeping(_))
    }
}
