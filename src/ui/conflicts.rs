//! The question after a save met changes made elsewhere to the same fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

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

pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let list = &ctx.model.conflicts;
    let area = super::popup_area(area, 76, list.len().min(12) as u16 + 5);
    frame.render_widget(Clear, area);
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
            let (key, mine, theirs) = (ctx.t(&key), ctx.t(&mine), ctx.t(&theirs));
            let text = tr!(
                "{task} {key}:我的 {mine} · 对方的 {theirs}",
                "{task} {key}: mine {mine} · theirs {theirs}"
            );
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
    use super::word;

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
