//! Whether a campaign in a git repository has changes not yet synced: commits not on the
//! remote and edits not committed. Shown in the board's header as `↑2 未同步`.

use std::path::Path;

use super::git::Git;

/// What waits to be synced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsynced {
    /// Commits here that the remote does not have.
    pub ahead: usize,
    /// The file has changes not yet committed.
    pub changed: bool,
}

impl Unsynced {
    /// How many things wait: the commits, and the uncommitted edits as one more.
    pub fn count(self) -> usize {
        self.ahead + usize::from(self.changed)
    }
}

/// `None` when the file is not in a git repository that `bairi sync` has set up (or git is
/// missing): other repositories are not the board's business.
pub fn unsynced(file: &Path) -> Option<Unsynced> {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let git = Git::find(dir).ok()?;
    git.run(&["config", "--get", "merge.bairi.driver"]).ok()?;
    let name = file.file_name()?.to_string_lossy().into_owned();
    let range = if git.rev("@{u}").is_some() {
        "@{u}..HEAD"
    } else {
        "HEAD"
    };
    let ahead = git
        .run(&["rev-list", "--count", range])
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let status = Git {
        top: dir.to_owned(),
    }
    .run(&["status", "--porcelain", "--", &name])
    .unwrap_or_default();
    Some(Unsynced {
        ahead,
        changed: !status.trim().is_empty(),
    })
}
