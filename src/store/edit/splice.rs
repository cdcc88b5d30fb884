//! One change to a text kept as the bytes it replaced: small to store, exact to reverse.

/// At byte `at`, `new` stands where `old` was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Splice {
    pub(crate) at: usize,
    pub(crate) old: String,
    pub(crate) new: String,
}

impl Splice {
    /// The smallest splice that turns `before` into `after` (common start and end kept).
    pub(crate) fn between(before: &str, after: &str) -> Splice {
        let (b, a) = (before.as_bytes(), after.as_bytes());
        let mut start = b.iter().zip(a).take_while(|(x, y)| x == y).count();
        while !before.is_char_boundary(start) || !after.is_char_boundary(start) {
            start -= 1;
        }
        let room = b.len().min(a.len()) - start;
        let mut end = b
            .iter()
            .rev()
            .zip(a.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        while !before.is_char_boundary(b.len() - end) || !after.is_char_boundary(a.len() - end) {
            end -= 1;
        }
        Splice {
            at: start,
            old: before[start..b.len() - end].to_owned(),
            new: after[start..a.len() - end].to_owned(),
        }
    }

    /// `text` as it was before this splice; `None` if `text` is not what it made.
    pub(crate) fn revert(&self, text: &str) -> Option<String> {
        let end = self.at.checked_add(self.new.len())?;
        if text.get(self.at..end)? != self.new {
            return None;
        }
        let mut out = String::with_capacity(text.len() - self.new.len() + self.old.len());
        out.push_str(&text[..self.at]);
        out.push_str(&self.old);
        out.push_str(&text[end..]);
        Some(out)
    }

    /// `text` with this splice made again; `None` if `text` is not what it started from.
    pub(crate) fn apply(&self, text: &str) -> Option<String> {
        Splice {
            at: self.at,
            old: self.new.clone(),
            new: self.old.clone(),
        }
        .revert(text)
    }
}

/// The splices of one edit, in the order made, and the generation of the text they were
/// made on (see `CampaignFile::generation`): offsets mean nothing in another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub(crate) splices: Vec<Splice>,
    pub(crate) generation: u64,
    /// The task the edit changed, as its text before and after: what lets the edit be
    /// undone after the file took in changes from elsewhere (empty when the edit reached
    /// beyond one task).
    pub(crate) tasks: Vec<TaskEdit>,
}

/// One task's own text before and after an edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TaskEdit {
    pub(crate) id: String,
    pub(crate) before: String,
    pub(crate) after: String,
}

impl Change {
    /// `text` as it was before the edit.
    pub(crate) fn revert(&self, text: &str) -> Option<String> {
        let mut out = text.to_owned();
        for s in self.splices.iter().rev() {
            out = s.revert(&out)?;
        }
        Some(out)
    }

    /// `text` with the edit made again.
    pub(crate) fn apply(&self, text: &str) -> Option<String> {
        let mut out = text.to_owned();
        for s in &self.splices {
            out = s.apply(&out)?;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_change_and_reverts_it() {
        for (before, after) in [
            ("abc", "abc"),
            ("abc", "axc"),
            ("abc", "abxc"),
            ("aaaa", "aaa"),
            ("", "new"),
            ("进度 = 50", "进度 = 60"),
            ("第一项甲", "第一项乙"),
            ("甲乙", "甲丙乙"),
        ] {
            let s = Splice::between(before, after);
            assert_eq!(s.revert(after).as_deref(), Some(before), "{s:?}");
            assert_eq!(s.apply(before).as_deref(), Some(after));
            assert!(s.old.len() + s.new.len() <= before.len().max(after.len()) + 3);
        }
        let two = Change {
            splices: vec![
                Splice::between("a = 1\nb = 2", "a = 10\nb = 2"),
                Splice::between("a = 10\nb = 2", "a = 10\nb = 20"),
            ],
            generation: 0,
            tasks: Vec::new(),
        };
        assert_eq!(
            two.revert("a = 10\nb = 20").as_deref(),
            Some("a = 1\nb = 2")
        );
        assert_eq!(two.apply("a = 1\nb = 2").as_deref(), Some("a = 10\nb = 20"));
        let s = Splice::between("x = 1", "x = 2");
        assert_eq!((s.at, s.old.as_str(), s.new.as_str()), (4, "1", "2"));
        assert_eq!(s.revert("x = 3"), None);
    }
}
