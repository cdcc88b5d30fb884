//! The bottom line: the latest message, else the main keys (from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::header::fit_spans;
use crate::app::action::Action;
use crate::app::model::{Tone, View};
use crate::i18n::Text;

pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let line = if let Some(q) = crate::app::who::question(model) {
        Line::styled(ctx.t(&q).to_owned(), ctx.theme.warning())
    } else if model.view == View::ConfirmQuit {
        let q = Text::new(
            "有未保存的修改。y 不保存退出 · s 保存后退出 · 其他键返回",
            "Unsaved edits. y quit without saving · s save and quit · any other key goes back",
        );
        Line::styled(ctx.t(&q).to_owned(), ctx.theme.error())
    } else if let View::ConfirmDelete(index) = model.view {
        let id = model
            .campaign()
            .tasks
            .get(index)
            .map_or("", |t| t.id.as_str());
        let q = crate::tr!(
            "删除任务 {id}?y 删除 · 其他键取消",
            "Delete task {id}? y deletes · any other key cancels"
        );
        Line::styled(ctx.t(&q).to_owned(), ctx.theme.error())
    } else if let Some(message) = &model.message {
        let style = match message.tone {
            Tone::Info => ctx.theme.info(),
            Tone::Warning => ctx.theme.warning(),
            Tone::Error => ctx.theme.error(),
        };
        let mut text = crate::sanitize::inert(ctx.t(&message.text));
        if message.undoable {
            let undo = ctx.hints(&[(&[Action::Undo], Text::new("撤销", "undoes"))]);
            if !undo.is_empty() {
                text = format!("{text} · {undo}");
            }
        }
        Line::styled(text, style)
    } else {
        hints(ctx)
    };
    let mut spans = line.spans;
    if model.saving || model.file.dirty {
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
    frame.render_widget(Paragraph::new(fit_spans(spans, area.width)), area);
}

/// `? 帮助  Enter 详情  >/< 移动  q 退出` on the board; the document keys in the details.
fn hints(ctx: &Ctx) -> Line<'static> {
    let items: Vec<(Action, Text)> = if ctx.model.view == View::Detail {
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
