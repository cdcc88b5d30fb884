//! The order of cards within a column: as in the file, or by light, next milestone,
//! deadline, progress or id (`O` cycles, the config's `sort` remembers).

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::Campaign;
use crate::domain::light::{LightVerdict, TaskLight};
pub(crate) use crate::domain::lookup::id_pieces;
use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// As written in the file.
    #[default]
    File,
    /// Red first, then yellow, green, crossed off.
    Light,
    /// The earliest undone milestone first (overdue ones lead); none last.
    Milestone,
    Deadline,
    /// Least progress first; no figure last.
    Progress,
    /// By id, numbers compared as numbers (T2 before T10).
    Id,
}

impl Sort {
    pub(crate) const ALL: [Sort; 6] = [
        Sort::File,
        Sort::Light,
        Sort::Milestone,
        Sort::Deadline,
        Sort::Progress,
        Sort::Id,
    ];

    pub(crate) fn next(self) -> Sort {
        match self {
            Sort::File => Sort::Light,
            Sort::Light => Sort::Milestone,
            Sort::Milestone => Sort::Deadline,
            Sort::Deadline => Sort::Progress,
            Sort::Progress => Sort::Id,
            Sort::Id => Sort::File,
        }
    }

    /// The config's spelling.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Sort::File => "file",
            Sort::Light => "light",
            Sort::Milestone => "milestone",
            Sort::Deadline => "deadline",
            Sort::Progress => "progress",
            Sort::Id => "id",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Short, for the header: `灯色` / `light`.
    pub(crate) fn label(self) -> Text {
        match self {
            Sort::File => Text::new("文件顺序", "file order"),
            Sort::Light => Text::new("灯色", "light"),
            Sort::Milestone => Text::new("节点", "milestone"),
            Sort::Deadline => Text::new("时限", "deadline"),
            Sort::Progress => Text::new("进度", "progress"),
            Sort::Id => Text::new("编号", "id"),
        }
    }
}

/// Puts one column's tasks (indices into `campaign.tasks`) in `sort` order; ties keep
/// file order.
pub(crate) fn sort_tasks(
    tasks: &mut [usize],
    campaign: &Campaign,
    lights: &[LightVerdict],
    sort: Sort,
) {
    let all = &campaign.tasks;
    match sort {
        Sort::File => {}
        Sort::Light => tasks.sort_by_key(|&i| (light_rank(lights.get(i).map(|v| v.light)), i)),
        Sort::Milestone => {
            tasks.sort_by_key(|&i| (next_due(campaign, i).is_none(), next_due(campaign, i), i));
        }
        Sort::Deadline => tasks.sort_by_key(|&i| (all[i].deadline, i)),
        Sort::Progress => tasks.sort_by_key(|&i| (all[i].progress.is_none(), all[i].progress, i)),
        Sort::Id => tasks.sort_by(|&a, &b| compare_ids(&all[a].id, &all[b].id).then(a.cmp(&b))),
    }
}

fn light_rank(light: Option<TaskLight>) -> u8 {
    match light {
        Some(TaskLight::Red) => 0,
        Some(TaskLight::Yellow) => 1,
        Some(TaskLight::Green) => 2,
        Some(TaskLight::Done) => 3,
        None => 4,
    }
}

/// The due date of the task's earliest undone milestone.
fn next_due(campaign: &Campaign, index: usize) -> Option<NaiveDate> {
    campaign.tasks[index]
        .milestones
        .iter()
        .filter(|m| !m.done)
        .map(|m| m.due)
        .min()
}

/// Ids in natural order: numbers as numbers, letters without case; then as written.
pub fn compare_ids(a: &str, b: &str) -> Ordering {
    id_pieces(a).cmp(&id_pieces(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lookup::Piece;

    #[test]
    fn ids_compare_by_their_numbers() {
        assert_eq!(compare_ids("T2", "T10"), Ordering::Less);
        assert_eq!(compare_ids("t08", "T8"), Ordering::Greater);
        assert_eq!(id_pieces("T008"), id_pieces("t8"));
        assert_eq!(
            id_pieces("jtj-2"),
            vec![Piece::Word("jtj-".into()), Piece::Number(2)]
        );
    }

    #[test]
    fn every_sort_is_reached_by_cycling_and_reads_back() {
        let mut s = Sort::File;
        for _ in 0..Sort::ALL.len() {
            assert_eq!(Sort::parse(s.name()), Some(s));
            s = s.next();
        }
        assert_eq!(s, Sort::File);
    }
}
