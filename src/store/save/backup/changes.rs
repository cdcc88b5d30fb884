//! What changed between two versions of a campaign, by task: what `bairi restore` shows
//! beside each copy (the tasks that the next version changed, added or removed).

use std::collections::HashMap;

use crate::i18n::Text;
use crate::store::merge::by_task::TaskTexts;
use crate::tr;

/// How many task ids a line names before it says `+N`.
const NAMED: usize = 6;

/// `T01 T05 改动, T14 新增` / `T01 T05 changed, T14 added`; `无改动` when the texts are equal.
pub(crate) fn between(older: &str, newer: &str) -> Text {
    if older == newer {
        return Text::new("无改动", "no change");
    }
    let (Some(old), Some(new)) = (TaskTexts::read(older), TaskTexts::read(newer)) else {
        return Text::new("有改动(无法按任务比较)", "changed (not comparable by task)");
    };
    let before: HashMap<&str, &str> = old.tasks().collect();
    let after: HashMap<&str, &str> = new.tasks().collect();
    let mut changed = Vec::new();
    let mut added = Vec::new();
    for (id, text) in new.tasks() {
        match before.get(id) {
            Some(was) if *was != text => changed.push(id),
            Some(_) => {}
            None => added.push(id),
        }
    }
    let removed: Vec<&str> = old
        .tasks()
        .map(|(id, _)| id)
        .filter(|id| !after.contains_key(id))
        .collect();
    let mut parts: Vec<Text> = Vec::new();
    for (ids, zh, en) in [
        (changed, "改动", "changed"),
        (added, "新增", "added"),
        (removed, "删除", "removed"),
    ] {
        if ids.is_empty() {
            continue;
        }
        let mut list = ids[..ids.len().min(NAMED)].join(" ");
        if ids.len() > NAMED {
            list.push_str(&format!(" +{}", ids.len() - NAMED));
        }
        let n = ids.len();
        parts.push(Text::new(
            format!("{n} 个任务{zh}:{list}"),
            format!("{n} task(s) {en}: {list}"),
        ));
    }
    if parts.is_empty() {
        return Text::new("任务以外的部分有改动", "changed outside the tasks");
    }
    let zh: Vec<String> = parts.iter().map(|t| t.zh.clone()).collect();
    let en: Vec<String> = parts.iter().map(|t| t.en.clone()).collect();
    let (zh, en) = (zh.join(";"), en.join("; "));
    tr!("{zh}", "{en}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_tasks_that_changed() {
        let a = "[[tasks]]\nid = \"T01\"\nx = 1\n\n[[tasks]]\nid = \"T02\"\nx = 1\n";
        let b = "[[tasks]]\nid = \"T01\"\nx = 2\n\n[[tasks]]\nid = \"T03\"\nx = 1\n";
        let t = between(a, b);
        assert_eq!(
            t.en,
            "1 task(s) changed: T01; 1 task(s) added: T03; 1 task(s) removed: T02"
        );
        assert_eq!(between(a, a).en, "no change");
    }
}
