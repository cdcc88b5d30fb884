//! One task's three versions merged, onto the side whose text sorts first.

use toml_edit::DocumentMut;

use super::conflict::{Conflict, Keep};
use super::merge;

/// One task both sides changed, each side's text a document of its own: the other side's
/// changes are merged onto the side whose text sorts first, so a key only one side rewrote
/// (crossed off again after reopening, say) keeps that side's place and spelling whichever
/// side merges. Ours still wins what `keep` settles, and conflicts read as from our side.
/// A task I deleted merges onto theirs.
pub(in crate::store) fn merge_one_task(
    base: &DocumentMut,
    mut mine: DocumentMut,
    mut theirs: DocumentMut,
    keep: Option<Keep>,
    conflicts: &mut Vec<Conflict>,
) -> String {
    let deleted_here = mine.get("tasks").is_none();
    if deleted_here || theirs.to_string() <= mine.to_string() {
        conflicts.extend(merge(base, &mine, &mut theirs, keep));
        return theirs.to_string();
    }
    let flipped = keep.map(|k| match k {
        Keep::Mine => Keep::Theirs,
        Keep::Theirs => Keep::Mine,
    });
    let swapped = merge(base, &theirs, &mut mine, flipped);
    conflicts.extend(swapped.into_iter().map(|c| Conflict {
        mine: c.theirs,
        theirs: c.mine,
        ..c
    }));
    mine.to_string()
}
