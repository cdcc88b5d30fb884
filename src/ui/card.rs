//! One card: title, light with a word, lead unit, next milestone countdown, progress.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::Ctx;
use super::header::fit_spans;
use super::text::{fit, inert};
use crate::app::lanes::Lanes;
use crate::domain::Status;
use crate::domain::follow_up::FollowUp;
use crate::domain::light::TaskLight;
use crate::domain::milestone::due_label;
use crate::domain::task_facts::{next_milestone, open_blocking};
use crate::i18n::{Lang, Text};
use crate::ui::theme::Glyphs;

/// The light as `●` plus its word (`●红灯`, `●red`; `●红` where narrow); never colour alone.
pub(crate) fn light_label(
    light: TaskLight,
    overridden: bool,
    lang: Lang,
    wide: bool,
    glyphs: &Glyphs,
) -> String {
    let word = if wide {
        light.word()
    } else {
        light.short_word()
    };
    let glyph = if light == TaskLight::Done {
        glyphs.done
    } else {
        glyphs.light
    };
    let mut out = format!("{glyph}{}", word.get(lang));
    if overridden {
        out.push('*');
    }
    out
}

/// `督` (`FU`) for a task due a follow-up order, `督✓` (`FU✓`) once one is issued.
pub(crate) fn follow_up_mark(state: FollowUp, lang: Lang, glyphs: &Glyphs) -> String {
    let word = Text::new("督", "FU");
    match state {
        FollowUp::Due => word.get(lang).to_owned(),
        FollowUp::Issued => format!("{}{}", word.get(lang), glyphs.done),
    }
}

/// `堵` (`BLK`): the task has an open blocking problem (a 堵点).
pub(crate) fn blocking_mark() -> Text {
    Text::new("堵", "BLK")
}

/// The mark's style: loud while due, quiet once issued.
pub(crate) fn follow_up_style(ctx: &Ctx, state: FollowUp) -> Style {
    match state {
        FollowUp::Due => ctx
            .theme
            .light(TaskLight::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        FollowUp::Issued => ctx.theme.light(TaskLight::Red),
    }
}

/// The lines of the card of task `index`, `rows` tall (1 to 3) and exactly `width` wide.
pub(crate) fn card_lines(
    ctx: &Ctx,
    index: usize,
    width: u16,
    rows: usize,
    selected: bool,
) -> Vec<Line<'static>> {
    let card = Card::new(ctx, index, width, selected);
    let marks = card.marks();
    if rows == 1 {
        return vec![card.one_row(marks)];
    }
    let title_line = card.title_line(&marks);
    let (mut second, mut status) = card.second_line();
    if let Some(s) = status.take_if(|s| card.room(&second, s) || rows < 3) {
        second.push(s);
    }
    let mut third = vec![Span::styled(" ", card.base)];
    let next = next_milestone(card.task);
    third.extend(next.map(|m| card.countdown(m)));
    let progress = card.progress(next.is_some());
    // Times on published red lists, beside the lead unit (never instead of it).
    match card.reds() {
        None => third.extend(progress),
        // After the unit when both fit, or when there is no other line.
        Some(r) if card.wide || rows < 3 || card.room(&second, &r) => {
            second.push(r);
            third.extend(progress);
        }
        // Else after the progress, or in its place when the line cannot hold both.
        Some(r) => {
            let with_progress = progress.into_iter().chain([r.clone()]).collect::<Vec<_>>();
            let all = [third.as_slice(), with_progress.as_slice()].concat();
            if all.iter().map(Span::width).sum::<usize>() <= card.w {
                third = all;
            } else {
                third.push(r);
            }
        }
    }
    if let Some(s) = status.filter(|s| card.room(&third, s)) {
        third.push(s);
    }
    if let Some(m) = next.filter(|_| card.wide) {
        third.push(Span::styled(format!(" · {}", inert(&m.title)), card.base));
    }
    let (base, w) = (card.base, card.w);
    let mut lines = vec![pad(fit_spans(title_line, width), w, base)];
    lines.push(pad(fit_spans(second, width), w, base));
    if rows >= 3 {
        lines.push(pad(fit_spans(third, width), w, base));
    }
    lines
}

/// One card being laid out: its task, width and the style under everything.
struct Card<'a> {
    ctx: &'a Ctx<'a>,
    index: usize,
    task: &'a crate::domain::Task,
    lang: Lang,
    selected: bool,
    wide: bool,
    width: u16,
    w: usize,
    base: Style,
}

impl<'a> Card<'a> {
    fn new(ctx: &'a Ctx<'a>, index: usize, width: u16, selected: bool) -> Self {
        let model = ctx.model;
        let base = if selected {
            ctx.theme.selected()
        } else {
            Style::new()
        };
        Card {
            ctx,
            index,
            task: &model.campaign().tasks[index],
            lang: model.lang,
            selected,
            wide: width >= 30,
            width,
            w: usize::from(width),
            base,
        }
    }

    /// Whether `extra` fits after `spans` on one line.
    fn room(&self, spans: &[Span], extra: &Span) -> bool {
        spans.iter().map(Span::width).sum::<usize>() + extra.width() <= self.w
    }

    fn marker(&self) -> Span<'static> {
        let marker = if self.selected {
            self.ctx.theme.glyphs.selected
        } else {
            " "
        };
        Span::styled(marker.to_owned(), self.base.add_modifier(Modifier::BOLD))
    }

    fn light(&self) -> Span<'static> {
        let verdict = &self.ctx.model.derived.lights[self.index];
        Span::styled(
            light_label(
                verdict.light,
                verdict.overridden,
                self.lang,
                self.wide,
                &self.ctx.theme.glyphs,
            ),
            self.ctx.theme.light(verdict.light).patch(self.base),
        )
    }

    /// The marks that lead the title, so the light word and the lead unit keep their place
    /// on the line below: the follow-up mark, then `堵` when an open blocking problem (a 堵点)
    /// holds the task up.
    fn marks(&self) -> Vec<Span<'static>> {
        let (ctx, lang, base) = (self.ctx, self.lang, self.base);
        let follow_up = ctx
            .model
            .derived
            .follow_ups
            .get(self.index)
            .copied()
            .flatten()
            .map(|state| {
                let mark = follow_up_mark(state, lang, &ctx.theme.glyphs);
                let style = follow_up_style(ctx, state);
                let style = if self.selected {
                    style.patch(base)
                } else {
                    style
                };
                Span::styled(mark, style)
            });
        let blocked = open_blocking(self.task).next().is_some().then(|| {
            let style = ctx
                .theme
                .light(TaskLight::Yellow)
                .add_modifier(Modifier::BOLD);
            let style = if self.selected {
                style.patch(base)
            } else {
                style
            };
            Span::styled(blocking_mark().get(lang).to_owned(), style)
        });
        follow_up.into_iter().chain(blocked).collect()
    }

    /// A card one row tall: the light, the marks, the short title.
    fn one_row(&self, marks: Vec<Span<'static>>) -> Line<'static> {
        let mut line = vec![self.marker(), self.light()];
        for mark in marks {
            line.push(Span::styled(" ", self.base));
            line.push(mark);
        }
        line.push(Span::styled(
            format!(" {}", inert(self.task.display_title())),
            self.base,
        ));
        pad(fit_spans(line, self.width), self.w, self.base)
    }

    /// The marks, then the title (in full where wide), cut to the room left.
    fn title_line(&self, marks: &[Span<'static>]) -> Vec<Span<'static>> {
        let title = if self.wide {
            &self.task.title
        } else {
            self.task.display_title()
        };
        let mark_width: usize = marks.iter().map(|m| m.width() + 1).sum();
        let mut line = vec![self.marker()];
        for mark in marks {
            line.push(mark.clone());
            line.push(Span::styled(" ", self.base));
        }
        line.push(Span::styled(
            fit(&inert(title), self.w.saturating_sub(1 + mark_width)),
            self.base.add_modifier(Modifier::BOLD),
        ));
        line
    }

    /// The light and the lead unit, and the status word: outside the status columns a card
    /// says its status after the lead unit when it fits, else at the end of the next line
    /// (the unit is never cut for it); by lead unit the unit is the lane.
    fn second_line(&self) -> (Vec<Span<'static>>, Option<Span<'static>>) {
        let (model, base) = (self.ctx.model, self.base);
        let unit = self
            .task
            .lead_unit
            .as_deref()
            .and_then(|u| model.campaign().unit(u))
            .map(|u| inert(u.short.as_deref().unwrap_or(&u.name)))
            .unwrap_or_default();
        let status = Span::styled(format!(" {}", self.task.status.label(self.lang)), base);
        let (unit, status) = match model.lanes {
            Lanes::Status => (unit, None),
            Lanes::Category | Lanes::Sponsor => (unit, Some(status)),
            Lanes::LeadUnit => (String::new(), Some(status)),
        };
        let mut second = vec![Span::styled(" ", base), self.light()];
        if !unit.is_empty() {
            second.push(Span::styled(format!(" {unit}"), base));
        }
        (second, status)
    }

    /// Days to the next milestone, yellow within the warning days, red once late.
    fn countdown(&self, m: &crate::domain::Milestone) -> Span<'static> {
        let model = self.ctx.model;
        let days = (m.due - model.today).num_days();
        let style = if days < 0 {
            self.ctx.theme.light(TaskLight::Red).patch(self.base)
        } else if days <= model.campaign().rules.light.warn_days {
            self.ctx.theme.light(TaskLight::Yellow).patch(self.base)
        } else {
            self.base
        };
        Span::styled(due_label(days, self.lang), style)
    }

    /// The progress; a crossed-off task is finished whatever its last report said.
    fn progress(&self, after_countdown: bool) -> Option<Span<'static>> {
        let progress = if self.task.status == Status::Done {
            Some(100)
        } else {
            self.task.progress
        };
        progress.map(|p| {
            let sep = if after_countdown { " " } else { "" };
            Span::styled(format!("{sep}{p}%"), self.base)
        })
    }

    /// `红×2`: times on published red lists.
    fn reds(&self) -> Option<Span<'static>> {
        let reds = self
            .ctx
            .model
            .derived
            .red_counts
            .get(self.index)
            .copied()
            .unwrap_or(0);
        (reds > 0).then(|| {
            let word = if self.wide {
                TaskLight::Red.word()
            } else {
                TaskLight::Red.short_word()
            };
            Span::styled(
                format!(" {}×{reds}", word.get(self.lang)),
                self.ctx.theme.light(TaskLight::Red).patch(self.base),
            )
        })
    }
}

/// Fills a line with styled spaces to `w` columns, so a selected card is one solid block.
fn pad(line: Line<'_>, w: usize, style: Style) -> Line<'static> {
    let used = line.width();
    let mut spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|s| Span::styled(s.content.into_owned(), s.style))
        .collect();
    if used < w {
        spans.push(Span::styled(" ".repeat(w - used), style));
    }
    Line::from(spans)
}
