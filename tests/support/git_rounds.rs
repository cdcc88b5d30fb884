//! What the git tests ask of the two clones beyond the shared world: a round of syncs,
//! the merge driver run alone, a task's text, one field changed both ways.

use std::path::Path;

use super::git_world::{TODAY, World, change, text as campaign_text};

impl World {
    /// `bairi merge-driver` alone in `dir` on the base, ours and theirs of file `name`, as git
    /// runs it; it must succeed. Returns what it left in ours.
    pub fn drive_merge(&self, dir: &Path, [base, ours, theirs]: [&str; 3], name: &str) -> String {
        for (file, text) in [("o", base), ("a", ours), ("b", theirs)] {
            std::fs::write(dir.join(file), text).expect("write");
        }
        let out = self.bairi(dir, &["merge-driver", "o", "a", "b", name]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(dir.join("a")).expect("read")
    }

    /// A syncs, B syncs, A syncs: both hold the same bytes, which check; returns them and
    /// what `check` said.
    pub fn round(&self) -> (String, String) {
        self.sync(&self.a);
        self.sync(&self.b);
        self.sync(&self.a);
        let (ta, tb) = (campaign_text(&self.a), campaign_text(&self.b));
        assert!(ta == tb, "the clones differ");
        assert!(!ta.contains("<<<<<<<") && !ta.contains(">>>>>>>"));
        let out = self.bairi(&self.a, &["check", "qinglan.toml", "--today", TODAY]);
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "check: {said}");
        (ta, said)
    }
}

/// The text of task `id` (to the next task).
pub fn task_block(text: &str, id: &str) -> std::ops::Range<usize> {
    let marker = format!("[[tasks]]\nid         = \"{id}\"");
    let start = text.find(&marker).expect("task present");
    let end = text[start + 9..]
        .find("\n[[tasks]]\n")
        .map_or(text.len(), |i| start + 9 + i + 1);
    start..end
}

pub fn in_task<'t>(text: &'t str, id: &str) -> &'t str {
    &text[task_block(text, id)]
}

/// The same field changed on both sides: T01's progress, 80, set to 85 at A and to 90 at B.
pub fn progress_85_at_a_and_90_at_b(w: &World) {
    change(&w.a, |t| {
        t.replacen("progress   = 80", "progress   = 85", 1)
    });
    change(&w.b, |t| {
        t.replacen("progress   = 80", "progress   = 90", 1)
    });
}
