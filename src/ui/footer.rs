//! The bottom line: the latest message, else the main keys (from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::header::fit_spans;
use crate::app::action::Action;
use crate::app::model::{Offer, Tone, View};
use crate::i18n::Text;

/// A message wider than the window takes up to this many lines (a sync's list of what came
/// in, a long refusal), so nothing of it is cut on an 80-column terminal.
pub(crate) const MAX_LINES: u16 = 3;

/// How many lines the bottom needs at `width`: one, or a long message's lines.
pub(crate) fn height(ctx: &Ctx, width: u16) -> u16 {
    if !says_something(ctx) {
        return 1;
    }
    let line = line(ctx);
    if line.width() <= usize::from(width) {
        return 1;
    }
    let lines = super::wrap::lines(line.spans, width.into()).len();
    u16::try_from(lines).map_or(MAX_LINES, |n| n.clamp(1, MAX_LINES))
}

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let line = line(ctx);
    if !says_something(ctx) || line.width() <= usize::from(area.width) {
        frame.render_widget(Paragraph::new(fit_spans(line.spans, area.width)), area);
        return;
    }
    frame.render_widget(
        Paragraph::new(wrap_spans(
            line.spans,
            area.width.into(),
            area.height.into(),
        )),
        area,
    );
}

/// Spans broken into lines of at most `width` columns (between words where it can, styles
/// kept), the last of `rows` lines ending in `…` when more is left.
fn wrap_spans(spans: Vec<Span<'static>>, width: usize, rows: usize) -> Vec<Line<'static>> {
    let mut lines = super::wrap::lines(spans, width);
    let more = lines.len() > rows;
    lines.truncate(rows);
    let mut out: Vec<Line<'static>> = lines.into_iter().map(Line::from).collect();
    if more && let Some(last) = out.pop() {
        let style = last.spans.last().map(|s| s.style).unwrap_or_default();
        if last.width() < width {
            let mut spans = last.spans;
            spans.push(Span::styled("…", style));
            out.push(Line::from(spans));
        } else {
            // A full line is cut, and the cut ends in its own `…`.
            let narrower = u16::try_from(width.saturating_sub(1)).unwrap_or(u16::MAX);
            out.push(fit_spans(last.spans, narrower));
        }
    }
    out
}

/// A question or a message (which may take more than one line), rather than the key hints.
fn says_something(ctx: &Ctx) -> bool {
    let m = ctx.model;
    m.confirming_quit()
        || m.confirming_delete().is_some()
        || m.confirming_milestone_delete().is_some()
        || m.message.is_some()
        || crate::app::who::question(m).is_some()
}

/// The bottom's content: a question, the latest message, else the main keys; the save state
/// in front.
fn line(ctx: &Ctx) -> Line<'static> {
    let model = ctx.model;
    let line = if let Some((name, id)) = crate::app::who::question(model) {
        let keys = ctx.hints(&[(
            &[Action::Yes],
            Text::new("写入配置文件的 author", "saves it as author in the config"),
        )]);
        let q = crate::tr!(
            "以后都以 {name}({id})署名?{keys} · 其他键只用于本次",
            "Record as {name} ({id}) from now on? {keys} · any other key: this session only"
        );
        Line::styled(ctx.t(&q).to_owned(), ctx.theme.warning())
    } else if model.confirming_quit() {
        let keys = ctx.hints(&[
            (
                &[Action::Yes],
                Text::new("不保存退出", "quit without saving"),
            ),
            (&[Action::Save], Text::new("保存后退出", "save and quit")),
        ]);
        let q = crate::tr!(
            "有未保存的修改。{keys} · 其他键返回",
            "Unsaved edits. {keys} · any other key goes back"
        );
        Line::styled(ctx.t(&q).to_owned(), ctx.theme.error())
    } else if let Some(index) = model.confirming_delete() {
        let id = model
            .campaign()
            .tasks
            .get(index)
            .map_or("", |t| t.id.as_str());
        let yes = ctx.hints(&[(&[Action::Yes], Text::new("删除", "deletes"))]);
        let q = crate::tr!(
            "删除任务 {id}?{yes} · 其他键取消",
            "Delete task {id}? {yes} · any other key cancels"
        );
        Line::styled(ctx.t(&q).to_owned(), ctx.theme.error())
    } else if let Some((task, index)) = model.confirming_milestone_delete() {
        let task = model.campaign().tasks.get(task);
        let id = task.map_or("", |t| t.id.as_str());
        let title = task
            .and_then(|t| t.milestones.get(index))
            .map(|m| crate::sanitize::inert(&m.title))
            .unwrap_or_default();
        let n = index + 1;
        let yes = ctx.hints(&[(&[Action::Yes], Text::new("删除", "deletes"))]);
        let q = crate::tr!(
            "删除 {id} 的节点 {n}「{title}」?{yes} · 其他键取消",
            "Delete {id}'s milestone {n} \"{title}\"? {yes} · any other key cancels"
        );
        Line::styled(ctx.t(&q).to_owned(), ctx.theme.error())
    } else if let Some(message) = &model.message {
        let style = match message.tone {
            Tone::Info => ctx.theme.info(),
            Tone::Warning => ctx.theme.warning(),
            Tone::Error => ctx.theme.error(),
        };
        let mut text = crate::sanitize::inert(ctx.t(&message.text));
        let offered = match message.offer {
            Some(Offer::Undo) => ctx.hints(&[(&[Action::Undo], Text::new("撤销", "undoes"))]),
            Some(Offer::Save) => ctx.hints(&[(&[Action::Save], Text::new("重试", "tries again"))]),
            None => String::new(),
        };
        if !offered.is_empty() {
            text = format!("{text} · {offered}");
        }
        Line::styled(text, style)
    } else {
        hints(ctx)
    };
    let mut spans = line.spans;
    if model.saving || model.store().dirty {
        let mark = if model.saving {
            Text::new(" [保存中…]", " [saving…]")
        } else {
            Text::new(" [未保存]", " [unsaved]")
        };
        spans.insert(
            0,
            Span::styled(
                ctx.t(&mark).trim_start().to_owned() + " ",
                ctx.theme.warning(),
            ),
        );
    }
    Line::from(spans)
}

/// `? 帮助  Enter 详情  >/< 移动  q 退出` on the board; the document keys in the details.
fn hints(ctx: &Ctx) -> Line<'static> {
    // The review meeting lists its own keys on each step.
    if ctx.model.view == View::Review {
        return Line::default();
    }
    let model = ctx.model;
    let items: Vec<(Action, Text)> = if model.picker().is_some() {
        vec![
            (Action::Down, Text::new("选择", "choose")),
            (Action::Open, Text::new("确定", "go")),
            (Action::Close, Text::new("取消", "cancel")),
        ]
    } else if model.form().is_some() || model.export_pick().is_some() {
        // A form or the export menu lists its own keys inside it.
        Vec::new()
    } else if model.view == View::Help {
        vec![
            (Action::Down, Text::new("下移", "down")),
            (Action::PageDown, Text::new("翻页", "page")),
            (Action::Close, Text::new("关闭", "close")),
        ]
    } else if matches!(
        model.view,
        View::Leaderboard | View::Standup | View::Wall | View::Ledger
    ) {
        // These views show their own keys; the footer says how to get about.
        vec![
            (Action::Help, Text::new("帮助", "help")),
            (Action::ShowBoard, Text::new("看板", "board")),
            (Action::NextView, Text::new("下一视图", "next view")),
            (Action::Close, Text::new("返回", "back")),
        ]
    } else if model.view == View::Detail {
        vec![
            (Action::Down, Text::new("下移", "down")),
            (Action::PageDown, Text::new("翻页", "page")),
            (Action::First, Text::new("顶部", "top")),
            (Action::Last, Text::new("底部", "end")),
            (Action::Tick, Text::new("勾选", "tick")),
            (Action::Resolve, Text::new("解决", "resolve")),
            (Action::Close, Text::new("返回", "back")),
        ]
    } else {
        vec![
            (Action::Help, Text::new("帮助", "help")),
            (Action::Open, Text::new("详情", "details")),
            (Action::MoveNext, Text::new("后移", "move on")),
            (Action::MovePrevious, Text::new("前移", "move back")),
            (Action::Quit, Text::new("退出", "quit")),
        ]
    };
    let mut spans = Vec::new();
    for (action, what) in items {
        let Some(key) = ctx.keymap.keys(action).first() else {
            continue;
        };
        spans.push(Span::styled(key.label(), ctx.theme.key()));
        spans.push(Span::raw(format!(" {}  ", ctx.t(&what))));
    }
    Line::from(spans)
}
