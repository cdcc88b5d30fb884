//! What changed between two versions of a campaign, in one line for a commit message or for
//! what a sync brought in: `T03 推进中→受阻; T04 勾选第2节点; 3条记录`.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::domain::{Campaign, Task};
use crate::i18n::{Lang, Text};
use crate::store::load::{Today, load_str};
use crate::tr;

/// The changes from `old` to `new` (either may be missing or unreadable), as parts.
pub fn changes(old: Option<&str>, new: Option<&str>, today: Today) -> Vec<Text> {
    let read = |t: Option<&str>| t.and_then(|t| load_str(t, today).ok()).map(|l| l.campaign);
    match (read(old), read(new)) {
        (Some(old), Some(new)) => between(&old, &new),
        (None, Some(_)) if old.is_none() => vec![Text::new("新建活动文件", "new campaign file")],
        (_, None) if new.is_none() => vec![Text::new("删除活动文件", "campaign file removed")],
        _ if old != new => vec![Text::new("活动文件已修改", "campaign file changed")],
        _ => Vec::new(),
    }
}

/// The parts joined with `; ` in `lang`; empty when nothing changed.
pub fn line(parts: &[Text], lang: Lang) -> String {
    parts
        .iter()
        .map(|p| p.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The changes from `old` to `new`, as parts. Linear in the tasks: each side is indexed by
/// id once.
pub fn between(old: &Campaign, new: &Campaign) -> Vec<Text> {
    let mut parts = Vec::new();
    let mut notes = 0;
    let (old_ids, new_ids) = (ids(old), ids(new));
    let moved = renumbered(old, new, &old_ids, &new_ids);
    let was_of: FxHashMap<&str, &str> = moved
        .iter()
        .map(|(was, now)| (now.as_str(), was.as_str()))
        .collect();
    let renamed_away: FxHashSet<&str> = moved.iter().map(|(was, _)| was.as_str()).collect();
    for task in &new.tasks {
        let id = &task.id;
        if let Some(was) = was_of.get(id.as_str()) {
            let title = crate::sanitize::inert(&task.title);
            parts.push(tr!(
                "{was} → {id} {title}:编号已被占用",
                "{was} → {id} {title}: the id was taken"
            ));
            continue;
        }
        let taken = renamed_away.contains(id.as_str());
        match old_ids
            .get(id.as_str())
            .map(|&i| &old.tasks[i])
            .filter(|_| !taken)
        {
            None => {
                parts.push(tr!("{id} 新增", "{id} added"));
                notes += note_count(task);
            }
            Some(before) => notes += task_changes(before, task, &mut parts),
        }
    }
    for task in &old.tasks {
        if !new_ids.contains_key(task.id.as_str()) {
            let id = &task.id;
            parts.push(tr!("{id} 删除", "{id} deleted"));
        }
    }
    if notes > 0 {
        parts.push(tr!("{notes}条记录", "{notes} note(s)"));
    }
    let added = new.conflicts.len().saturating_sub(old.conflicts.len());
    if added > 0 {
        parts.push(tr!("{added}处冲突待定", "{added} conflict(s) to settle"));
    } else if new.conflicts.len() < old.conflicts.len() {
        parts.push(Text::new("冲突已解决", "conflicts settled"));
    }
    if new.reviews.len() > old.reviews.len() {
        parts.push(Text::new("发布擂台榜", "leaderboard published"));
    }
    if parts.is_empty() && (old.commitments.len() != new.commitments.len()) {
        parts.push(Text::new("承诺已更新", "pledges updated"));
    }
    parts
}

/// What changed in one task, as parts (`T03 推进中→受阻`, `T03 1条记录`).
pub fn task_summary(old: &Task, new: &Task) -> Vec<Text> {
    let mut parts = Vec::new();
    let notes = task_changes(old, new, &mut parts);
    let id = &new.id;
    if notes > 0 {
        parts.push(tr!("{id} {notes}条记录", "{id} {notes} note(s)"));
    }
    let removed = note_count(old).saturating_sub(note_count(new));
    if removed > 0 {
        let generic = format!("{id} changed");
        parts.retain(|p| p.en != generic);
        parts.push(tr!(
            "{id} 撤下{removed}条记录",
            "{id} {removed} note(s) taken back"
        ));
    }
    parts
}

/// Milestones ticked, unticked, added or deleted. Ids given by position (`T01-M3`) move when
/// one is added or deleted, so then milestones are matched by title and date instead.
fn milestone_changes(old: &Task, new: &Task, parts: &mut Vec<Text>) {
    let id = &new.id;
    let moved = old.milestones.len() != new.milestones.len();
    let same = |a: &crate::domain::Milestone, b: &crate::domain::Milestone| {
        if moved {
            a.title == b.title && a.due == b.due
        } else {
            a.id == b.id
        }
    };
    for (n, m) in new.milestones.iter().enumerate() {
        let n = n + 1;
        match old.milestones.iter().find(|o| same(o, m)).map(|o| o.done) {
            Some(false) if m.done => {
                parts.push(tr!("{id} 勾选第{n}节点", "{id} ticked milestone {n}"));
            }
            Some(true) if !m.done => {
                parts.push(tr!("{id} 取消勾选第{n}节点", "{id} unticked milestone {n}"));
            }
            None if moved => {
                let title = crate::sanitize::inert(&m.title);
                parts.push(tr!(
                    "{id} 新增节点「{title}」",
                    "{id} milestone \"{title}\" added"
                ));
            }
            _ => {}
        }
    }
    for m in old
        .milestones
        .iter()
        .filter(|o| moved && !new.milestones.iter().any(|m| same(o, m)))
    {
        let title = crate::sanitize::inert(&m.title);
        parts.push(tr!(
            "{id} 删除节点「{title}」",
            "{id} milestone \"{title}\" deleted"
        ));
    }
}

/// One task's changes; returns how many notes it gained.
fn task_changes(old: &Task, new: &Task, parts: &mut Vec<Text>) -> usize {
    let id = &new.id;
    let before = parts.len();
    if old.status != new.status {
        let (a, b) = (old.status.zh(), new.status.zh());
        let (ae, be) = (old.status.en_label(), new.status.en_label());
        parts.push(tr!("{id} {a}→{b}", "{id} {ae}→{be}"));
    }
    milestone_changes(old, new, parts);
    if let (Some(a), Some(b)) = (old.progress, new.progress)
        && a != b
    {
        parts.push(tr!("{id} 进度 {a}→{b}", "{id} progress {a}→{b}"));
    }
    let had = |p: &crate::domain::Problem, in_: &Task| in_.problems.iter().any(|o| o.id == p.id);
    let (mut opened, mut orders) = (0, Vec::new());
    for p in new.problems.iter().filter(|p| !had(p, old)) {
        if crate::domain::follow_up::is_order(p) {
            orders.push(p.id.clone());
        } else {
            opened += 1;
        }
    }
    if opened > 0 {
        parts.push(tr!("{id} 新问题{opened}个", "{id} {opened} new problem(s)"));
    }
    for pid in orders {
        parts.push(tr!("{id} 下达督办 {pid}", "{id} follow-up order {pid}"));
    }
    for p in old.problems.iter().filter(|p| !had(p, new)) {
        let pid = &p.id;
        parts.push(tr!("{id} 撤回 {pid}", "{id} {pid} withdrawn"));
    }
    let notes = note_count(new).saturating_sub(note_count(old));
    if parts.len() == before && notes == 0 && !same(old, new) {
        parts.push(tr!("{id} 已修改", "{id} changed"));
    }
    notes
}

/// What changed outside the tasks: leaderboards published or withdrawn, pledges recorded,
/// withdrawn or checked.
pub fn campaign_summary(old: &crate::domain::Campaign, new: &crate::domain::Campaign) -> Vec<Text> {
    let mut parts = Vec::new();
    let has = |c: &crate::domain::Campaign, n: u32| c.reviews.iter().any(|r| r.checkpoint == n);
    for r in &new.reviews {
        let n = r.checkpoint;
        if !has(old, n) {
            parts.push(tr!(
                "发布第{n}节点擂台榜",
                "checkpoint {n}'s leaderboard published"
            ));
        }
    }
    for r in &old.reviews {
        let n = r.checkpoint;
        if !has(new, n) {
            parts.push(tr!(
                "撤回第{n}节点擂台榜",
                "checkpoint {n}'s leaderboard withdrawn"
            ));
        }
    }
    let (a, b) = (old.commitments.len(), new.commitments.len());
    for n in (a + 1)..=b {
        parts.push(tr!("记录承诺{n}", "pledge {n} recorded"));
    }
    for n in (b + 1)..=a {
        parts.push(tr!("撤回承诺{n}", "pledge {n} withdrawn"));
    }
    for (i, (x, y)) in old.commitments.iter().zip(&new.commitments).enumerate() {
        let n = i + 1;
        let checked =
            |c: &crate::domain::model::Commitment| c.kept_on.is_some() || c.broken_on.is_some();
        match (checked(x), checked(y)) {
            (false, true) => parts.push(tr!("核查承诺{n}", "pledge {n} checked")),
            (true, false) => parts.push(tr!("撤回承诺{n}的核查", "pledge {n}'s check withdrawn")),
            _ => {}
        }
    }
    parts
}

/// Where each task is in `campaign.tasks`, by id (the first task of an id, as
/// `Campaign::task` finds it).
fn ids(campaign: &Campaign) -> FxHashMap<&str, usize> {
    let mut ids = FxHashMap::default();
    ids.reserve(campaign.tasks.len());
    for (i, t) in campaign.tasks.iter().enumerate() {
        ids.entry(t.id.as_str()).or_insert(i);
    }
    ids
}

/// My new tasks a merge renumbered because the other side had taken their id: (old id, new
/// id). The task under the old id is then theirs, new here.
fn renumbered(
    old: &Campaign,
    new: &Campaign,
    old_ids: &FxHashMap<&str, usize>,
    new_ids: &FxHashMap<&str, usize>,
) -> Vec<(String, String)> {
    let added: Vec<&Task> = new
        .tasks
        .iter()
        .filter(|n| !old_ids.contains_key(n.id.as_str()))
        .collect();
    if added.is_empty() {
        return Vec::new();
    }
    // The old tasks now under their id with other content: only they can have moved.
    let replaced: Vec<(&Task, Task)> = old
        .tasks
        .iter()
        .filter_map(|o| {
            let now = &new.tasks[*new_ids.get(o.id.as_str())?];
            if same(o, now) {
                return None;
            }
            let plain = plain(o);
            (!same(&plain, &self::plain(now))).then_some((o, plain))
        })
        .collect();
    added
        .into_iter()
        .filter_map(|n| {
            let plain = plain(n);
            replaced
                .iter()
                .find(|(_, p)| same(p, &plain))
                .map(|(o, _)| (o.id.clone(), n.id.clone()))
        })
        .collect()
}

/// A task without its id (and its problems' ids without its prefix), to compare two tasks
/// but for their ids.
fn plain(t: &Task) -> Task {
    let mut t = t.clone();
    let prefix = format!("{}-", t.id);
    for p in &mut t.problems {
        if let Some(rest) = p.id.strip_prefix(&prefix) {
            p.id = rest.to_owned();
        }
    }
    t.id.clear();
    t
}

/// Notes only: history lines say what the other parts already say.
fn note_count(task: &Task) -> usize {
    crate::domain::history::notes(&task.log).count()
}

/// Whether two versions of a task read the same: every field, as their debug forms compare
/// (`-0.0` and `0.0` differ, two NaNs agree), without writing them out.
fn same(a: &Task, b: &Task) -> bool {
    match (a.investment, b.investment) {
        (Some(x), Some(y)) if x.is_nan() || y.is_nan() => format!("{a:?}") == format!("{b:?}"),
        (x, y) => a == b && x.map(f64::to_bits) == y.map(f64::to_bits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::Event;
    use crate::domain::test_support::{date, task};
    use crate::domain::{LogEntry, Status};

    #[test]
    fn a_move_with_its_history_line_is_one_part_not_a_note_too() {
        let old = task("T03", "jxj", Status::InProgress, "2026-12-09", &[]);
        let mut new = old.clone();
        new.status = Status::Blocked;
        let today = date("2026-11-22");
        new.log
            .push(Event::moved(old.status, Status::Blocked).entry(today, None));
        let parts = task_summary(&old, &new);
        assert_eq!(parts.len(), 1, "{parts:?}");
        new.log.push(LogEntry {
            date: today,
            text: "现场调度".to_owned(),
            by: None,
            kind: None,
        });
        let parts = task_summary(&old, &new);
        assert_eq!(parts.last().map(|p| p.en.as_str()), Some("T03 1 note(s)"));
    }
}
