//! `[[conflicts]]`: fields a git merge found changed both ways. Each open one is a warning
//! naming the task and field, until the board settles it.

use super::entry::Entry;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use crate::domain::OpenConflict;
use crate::i18n::Text;
use crate::tr;

const CONFLICT_KEYS: &[&str] = &["task", "field", "theirs", "by", "kept_by", "date"];

pub(crate) fn read_conflicts(root: &Entry, f: &mut Findings, ids: &mut Ids) -> Vec<OpenConflict> {
    let tables = root.tables(f, "conflicts");
    let mut out = Vec::with_capacity(tables.len());
    for (n, (table, span)) in tables.into_iter().enumerate() {
        let subject = Text::new(
            format!("第 {} 条冲突记录", n + 1),
            format!("conflict #{}", n + 1),
        );
        let e = Entry::new(table, span, subject, CONFLICT_KEYS);
        let task = e.str(f, "task", false);
        let field = e.str(f, "field", true);
        let by = e.str(f, "by", false);
        let kept_by = e.str(f, "kept_by", false);
        let date = e.date(f, "date", false);
        if let Some(t) = &task {
            ids.refer(IdKind::Task, t, e.value_span("task"), &e.subject, "task");
        }
        e.finish(f);
        let Some(field) = field else { continue };
        let (whose_zh, whose_en) = by.as_deref().map_or_else(
            || (String::new(), String::new()),
            |b| (format!("(对方:{b})"), format!(" (theirs by {b})")),
        );
        let message = match (&task, field.as_str()) {
            (Some(t), "(task)") => tr!(
                "未解决的冲突:任务 {t} 一方删除、另一方修改{whose_zh}",
                "open conflict: task {t} was deleted on one side and changed on the other{whose_en}"
            ),
            (Some(t), _) => tr!(
                "未解决的冲突:任务 {t} 的 `{field}` 双方都改了{whose_zh}",
                "open conflict: `{field}` of task {t} was changed both ways{whose_en}"
            ),
            (None, _) => tr!(
                "未解决的冲突:`{field}` 双方都改了{whose_zh}",
                "open conflict: `{field}` was changed both ways{whose_en}"
            ),
        };
        f.warn(
            e.value_span("field"),
            Some(&e.subject),
            message,
            Some(Text::new(
                "打开看板,按 m 保留文件中的值或 t 采用记录中的值",
                "open the board and press m to keep the value in the file or t to take the recorded one",
            )),
        );
        out.push(OpenConflict {
            task,
            field,
            by,
            kept_by,
            date,
        });
    }
    out
}
