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

/// Who made each side's value and when, from the record: `(mine, theirs, date)`, the names
/// as the record gives them (the reader's own side is "我"/"me" when the record does not say).
fn people(ctx: &Ctx, n: usize, swapped: bool) -> (Text, Text, String) {
    let record = ctx.model.campaign().conflicts.get(n);
    let named = |who: Option<&String>, unknown: Text| who.map_or(unknown, |w| Text::same(inert(w)));
    let me = Text::new("我", "me");
    let merger = Text::new("合并方", "the merging side");
    let other = Text::new("对方", "the other side");
    let by = record.and_then(|r| r.by.as_ref());
    let kept_by = record.and_then(|r| r.kept_by.as_ref());
    let date = record
        .and_then(|r| r.date)
        .map_or_else(String::new, |d| d.to_string());
    if swapped {
        (named(by, me), named(kept_by, merger), date)
    } else {
        (named(kept_by, me), named(by, other), date)
    }
}

/// One conflict's words: the task and field, both values, and for a record who made each
/// and the day the sync recorded it.
fn line_text(ctx: &Ctx, n: usize, c: &crate::store::merge::Conflict) -> Text {
    let (key, mine, theirs) = (word(&c.key), word(&c.mine), word(&c.theirs));
    let task = if c.task.is_empty() {
        "·"
    } else {
        c.task.as_str()
    };
    let key = ctx.t(&key);
    let recorded = ctx.model.conflicts_recorded;
    let swapped = recorded && crate::app::update::settle::reader_recorded(ctx.model, n);
    let (mine, theirs) = if swapped {
        (ctx.t(&theirs), ctx.t(&mine))
    } else {
        (ctx.t(&mine), ctx.t(&theirs))
    };
    let (what, mine, theirs) = match crate::store::conflicts::narrow(mine, theirs) {
        Some((item, mine, theirs)) => (tr!("{key} 第{item}项", "{key} #{item}"), mine, theirs),
        None => (Text::same(key), mine.to_owned(), theirs.to_owned()),
    };
    let (what_zh, what_en) = (what.zh, what.en);
    if !recorded {
        return tr!(
            "{task} {what_zh}:我的 {mine} · 对方的 {theirs}",
            "{task} {what_en}: mine {mine} · theirs {theirs}"
        );
    }
    let (me, them, date) = people(ctx, n, swapped);
    let (me_zh, me_en, them_zh, them_en) = (me.zh, me.en, them.zh, them.en);
    let when = if date.is_empty() {
        Text::new("", "")
    } else {
        tr!(" · {date} 同步时记录", " · recorded in the sync of {date}")
    };
    let (when_zh, when_en) = (when.zh, when.en);
    tr!(
        "{task} {what_zh}:我的({me_zh}){mine} · 对方的({them_zh}){theirs}{when_zh}",
        "{task} {what_en}: mine ({me_en}) {mine} · theirs ({them_en}) {theirs}{when_en}"
    )
}

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let list = &ctx.model.conflicts;
    let width = usize::from(area.width.min(76).saturating_sub(2));
    let pick = ctx.model.conflict_pick.min(list.len().saturating_sub(1));
    // Every conflict wrapped, never cut: (which, its lines).
    let mut body: Vec<(usize, Line)> = Vec::new();
    for (n, c) in list.iter().enumerate() {
        let text = inert(ctx.t(&line_text(ctx, n, c)));
        let picked = n == pick && list.len() > 1;
        let mark = match (picked, list.len()) {
            (_, 1) => "",
            (true, _) => "▶ ",
            (false, _) => "  ",
        };
        let style = if picked {
            ctx.theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let spans = vec![ratatui::text::Span::styled(format!("{mark}{text}"), style)];
        for pieces in super::wrap::lines(spans, width) {
            body.push((n, Line::from(pieces)));
        }
    }
    let recorded = ctx.model.conflicts_recorded;
    let keys = if recorded {
        Text::new(
            "↑↓ 选择 · m 保留我的 · t 采用对方的 · M/T 全部保留我的/对方的 · Esc 稍后再定",
            "↑↓ choose · m keep mine · t take theirs · M/T all mine/theirs · Esc later",
        )
    } else {
        Text::new(
            "m 保留我的 · t 保留对方的(全部)· Esc 暂不保存(其余修改都已合并)",
            "m keep mine · t keep theirs (all) · Esc not now (everything else merges)",
        )
    };
    let hint = super::wrap::lines(
        vec![ratatui::text::Span::styled(
            ctx.t(&keys).to_owned(),
            ctx.theme.key(),
        )],
        width,
    );
    let wanted = body.len() + hint.len() + 3;
    let area = super::popup_area(area, 76, u16::try_from(wanted).unwrap_or(u16::MAX));
    super::clear_popup(frame, area);
    let n = list.len();
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
    // Room for the list: the highlighted record's first line kept in view.
    let room = usize::from(inner.height).saturating_sub(hint.len() + 1);
    let first = body.iter().position(|(i, _)| *i == pick).unwrap_or(0);
    let last = body.iter().rposition(|(i, _)| *i == pick).unwrap_or(0);
    let skip = if last < room {
        0
    } else {
        (last + 1 - room).min(first)
    };
    let mut lines: Vec<Line> = body
        .into_iter()
        .skip(skip)
        .take(room)
        .map(|(_, l)| l)
        .collect();
    lines.push(Line::raw(""));
    lines.extend(hint.into_iter().map(Line::from));
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
