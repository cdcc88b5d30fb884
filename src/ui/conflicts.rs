//! The question after a save met changes made elsewhere to the same fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::text::{cut, inert};
use crate::i18n::Text;
use crate::tr;

/// The merge's words for a whole task, in the user's language; field names and values as
/// they are.
fn word(s: &str) -> Text {
    match s {
        "(deleted here)" => Text::new("(此处已删除)", "(deleted here)"),
        "(deleted there)" => Text::new("(对方已删除)", "(deleted there)"),
        "(added here and there)" => Text::new("(双方都新增了此编号)", "(added here and there)"),
        "(task)" => Text::new("(整个任务)", "(whole task)"),
        "changed" => Text::new("已修改", "changed"),
        "deleted" => Text::new("已删除", "deleted"),
        "added" => Text::new("新增", "added"),
        other => Text::same(other),
    }
}

/// Where two versions of a list (milestones, problems) differ: the first item that does
/// (1-based) and, for tables, only its keys that differ on each side. `None` when the values
/// are not lists, or differ only in length.
fn narrow(mine: &str, theirs: &str) -> Option<(usize, String, String)> {
    use toml_edit::Value;
    let (Ok(Value::Array(a)), Ok(Value::Array(b))) =
        (mine.parse::<Value>(), theirs.parse::<Value>())
    else {
        return None;
    };
    let plain = |v: &Value| {
        let mut v = v.clone();
        v.decor_mut().clear();
        v.to_string()
    };
    let (i, (x, y)) = a
        .iter()
        .zip(b.iter())
        .enumerate()
        .find(|(_, (x, y))| plain(x) != plain(y))?;
    let (Value::InlineTable(x), Value::InlineTable(y)) = (x, y) else {
        return Some((i + 1, plain(x), plain(y)));
    };
    let side = |t: &toml_edit::InlineTable, other: &toml_edit::InlineTable| {
        let keys: Vec<String> = t
            .iter()
            .filter(|(k, v)| other.get(k).map(plain) != Some(plain(v)))
            .map(|(k, v)| format!("{k} = {}", plain(v).trim()))
            .collect();
        if keys.is_empty() {
            "—".to_owned()
        } else {
            keys.join(", ")
        }
    };
    Some((i + 1, side(x, y), side(y, x)))
}

pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let list = &ctx.model.conflicts;
    let area = super::popup_area(area, 76, list.len().min(12) as u16 + 5);
    super::clear_popup(frame, area);
    let n = list.len();
    let recorded = ctx.model.conflicts_recorded;
    let title = if recorded {
        tr!(
            " 同步合并时双方都改了 {n} 处 ",
            " {n} field(s) changed both ways in a sync "
        )
    } else {
        tr!(
            " 与其他人的修改冲突 {n} 处 ",
            " {n} conflict(s) with changes made elsewhere "
        )
    };
    let block = Block::bordered()
        .border_set(ctx.theme.glyphs.border)
        .border_style(ctx.theme.border(true))
        .title(Line::styled(
            cut(ctx.t(&title), area.width.saturating_sub(2).into()),
            ctx.theme.error(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = list
        .iter()
        .take(12)
        .map(|c| {
            let (key, mine, theirs) = (word(&c.key), word(&c.mine), word(&c.theirs));
            let task = if c.task.is_empty() {
                "·"
            } else {
                c.task.as_str()
            };
            let key = ctx.t(&key);
            let (mine, theirs) = (ctx.t(&mine), ctx.t(&theirs));
            let text = match narrow(mine, theirs) {
                Some((item, mine, theirs)) => tr!(
                    "{task} {key} 第{item}项:我的 {mine} · 对方的 {theirs}",
                    "{task} {key} #{item}: mine {mine} · theirs {theirs}"
                ),
                None => tr!(
                    "{task} {key}:我的 {mine} · 对方的 {theirs}",
                    "{task} {key}: mine {mine} · theirs {theirs}"
                ),
            };
            Line::raw(cut(&inert(ctx.t(&text)), width))
        })
        .collect();
    lines.push(Line::raw(""));
    let keys = if recorded {
        Text::new(
            "m 保留文件中的值 · t 采用对方的值 · Esc 稍后再定",
            "m keep the file's values · t take theirs · Esc decide later",
        )
    } else {
        Text::new(
            "m 保留我的 · t 保留对方的 · Esc 暂不保存(其余修改都已合并)",
            "m keep mine · t keep theirs · Esc not now (everything else merges)",
        )
    };
    lines.push(Line::styled(cut(ctx.t(&keys), width), ctx.theme.key()));
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::{narrow, word};

    #[test]
    fn a_milestone_conflict_names_the_item_and_the_keys_that_differ() {
        let mine = r#"[{ title = "甲", due = 2026-09-14, done = true, done_on = 2026-09-10 }, { title = "乙", due = 2026-12-03, done = true, done_on = 2026-12-03 }]"#;
        let theirs = r#"[{ title = "甲", due = 2026-09-14, done = true, done_on = 2026-09-10 }, { title = "乙", due = 2026-12-03, done = true, done_on = 2026-11-25 }]"#;
        assert_eq!(
            narrow(mine, theirs),
            Some((
                2,
                "done_on = 2026-12-03".to_owned(),
                "done_on = 2026-11-25".to_owned()
            ))
        );
        assert_eq!(narrow("\"推进中\"", "\"受阻\""), None);
    }

    #[test]
    fn the_merges_words_are_in_both_languages() {
        for key in [
            "(deleted here)",
            "(deleted there)",
            "(added here and there)",
        ] {
            let w = word(key);
            assert_eq!(w.en, key);
            assert!(w.zh.chars().any(|c| c > '\u{2e80}'), "{}", w.zh);
        }
        assert_eq!(
            word("progress").zh,
            "progress",
            "a field's name stays as written"
        );
    }
}
