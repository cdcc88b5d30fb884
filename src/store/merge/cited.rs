//! Where a task is cited outside its own table, moved along when the task is renumbered:
//! a pledge's `task`, a review's `red` and `yellow` lists, a recorded conflict's `task`.

use toml_edit::{DocumentMut, Item, Value};

use crate::store::edit::patch;

/// `text` with every citation of an old id in `renames` (old id, new id) changed to the new
/// one; the text as it was when nothing cites them. `None` when it is not TOML.
pub fn move_citations(text: &str, renames: &[(String, String)]) -> Option<String> {
    let cited = renames
        .iter()
        .any(|(old, _)| text.contains(&format!("\"{old}\"")));
    if !cited {
        return Some(text.to_owned());
    }
    let mut doc: DocumentMut = text.parse().ok()?;
    let new_id = |id: &str| {
        renames
            .iter()
            .find(|(old, _)| old == id)
            .map(|(_, new)| new.clone())
    };
    for key in ["commitments", "conflicts"] {
        let Some(aot) = doc.get_mut(key).and_then(Item::as_array_of_tables_mut) else {
            continue;
        };
        for t in aot.iter_mut() {
            if let Some(new) = t.get("task").and_then(Item::as_str).and_then(new_id) {
                patch::set(t, "task", patch::string(&new));
            }
        }
    }
    if let Some(reviews) = doc
        .get_mut("reviews")
        .and_then(Item::as_array_of_tables_mut)
    {
        for r in reviews.iter_mut() {
            for key in ["red", "yellow"] {
                let Some(list) = r.get_mut(key).and_then(Item::as_array_mut) else {
                    continue;
                };
                for v in list.iter_mut() {
                    if let Some(new) = v.as_str().and_then(new_id) {
                        let decor = v.decor().clone();
                        *v = Value::from(new);
                        *v.decor_mut() = decor;
                    }
                }
            }
        }
    }
    Some(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pledge_and_a_review_citing_a_renumbered_task_follow_it() {
        let text = "[[tasks]]\nid = \"T14\"\n\n[[commitments]]\nunit = \"xk\"\ntask    = \"T14\" # here\n\n[[reviews]]\nred = [\"T02\", \"T14\"]\n";
        let moved = move_citations(text, &[("T14".into(), "T15".into())]).unwrap();
        assert_eq!(
            moved,
            text.replace("task    = \"T14\"", "task    = \"T15\"")
                .replace("\"T02\", \"T14\"", "\"T02\", \"T15\"")
        );
    }
}
