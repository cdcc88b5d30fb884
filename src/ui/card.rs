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
pub fn light_label(
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
pub fn follow_up_mark(state: FollowUp, lang: Lang, glyphs: &Glyphs) -> String {
    let word = Text::new("督", "FU");
    match state {
        FollowUp::Due => word.get(lang).to_owned(),
        FollowUp::Issued => format!("{}{}", word.get(lang), glyphs.done),
    }
}

/// `堵` (`BLK`): the task has an open blocking problem (a 堵点).
pub fn blocking_mark() -> Text {
    Text::new("堵", "BLK")
}

/// The mark's style: loud while due, quiet once issued.
pub fn follow_up_style(ctx: &Ctx, state: FollowUp) -> Style {
    match state {
        FollowUp::Due => ctx
            .theme
            .light(TaskLight::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        FollowUp::Issued => ctx.theme.light(TaskLight::Red),
    }
}

/// The lines of the card of task `index`, `rows` tall (1 to 3) and exactly `width` wide.
pub fn card_lines(
    ctx: &Ctx,
    index: usize,
    width: u16,
    rows: usize,
    selected: bool,
) -> Vec<Line<'static>> {
    let model = ctx.model;
    let campaign = model.campaign();
    let task = &campaign.tasks[index];
    let verdict = &model.derived.lights[index];
    let lang = model.lang;
    let wide = width >= 30;
    let w = usize::from(width);
    let base = if selected {
        ctx.theme.selected()
    } else {
        Style::new()
    };
    let marker = if selected {
        ctx.theme.glyphs.selected
    } else {
        " "
    };
    let title = if wide {
        &task.title
    } else {
        task.display_title()
    };
    let light = Span::styled(
        light_label(
            verdict.light,
            verdict.overridden,
            lang,
            wide,
            &ctx.theme.glyphs,
        ),
        ctx.theme.light(verdict.light).patch(base),
    );

    // The follow-up mark leads the title, so the light word and the lead unit keep their
    // place on the line below.
    let follow_up = model
        .derived
        .follow_ups
        .get(index)
        .copied()
        .flatten()
        .map(|state| {
            let mark = follow_up_mark(state, lang, &ctx.theme.glyphs);
            let style = follow_up_style(ctx, state);
            let style = if selected { style.patch(base) } else { style };
            Span::styled(mark, style)
        });
    // `堵`: an open blocking problem (a 堵点) holds the task up.
    let blocked = open_blocking(task).next().is_some().then(|| {
        let style = ctx
            .theme
            .light(TaskLight::Yellow)
            .add_modifier(Modifier::BOLD);
        let style = if selected { style.patch(base) } else { style };
        Span::styled(blocking_mark().get(lang).to_owned(), style)
    });
    let marks: Vec<Span> = follow_up.into_iter().chain(blocked).collect();
    let mark_width: usize = marks.iter().map(|m| m.width() + 1).sum();
    let mut title_line = vec![Span::styled(
        marker.to_owned(),
        base.add_modifier(Modifier::BOLD),
    )];
    for mark in &marks {
        title_line.push(mark.clone());
        title_line.push(Span::styled(" ", base));
    }
    title_line.push(Span::styled(
        fit(&inert(title), w.saturating_sub(1 + mark_width)),
        base.add_modifier(Modifier::BOLD),
    ));
    if rows == 1 {
        title_line = vec![
            Span::styled(marker.to_owned(), base.add_modifier(Modifier::BOLD)),
            light.clone(),
        ];
        for mark in marks {
            title_line.push(Span::styled(" ", base));
            title_line.push(mark);
        }
        title_line.push(Span::styled(
            format!(" {}", inert(task.display_title())),
            base,
        ));
        return vec![pad(fit_spans(title_line, width), w, base)];
    }

    let unit = task
        .lead_unit
        .as_deref()
        .and_then(|u| campaign.unit(u))
        .map(|u| inert(u.short.as_deref().unwrap_or(&u.name)))
        .unwrap_or_default();
    // Outside the status columns a card says its status: after the lead unit when it fits,
    // else at the end of the next line (the unit is never cut for it); by lead unit the unit
    // is the lane.
    let status = Span::styled(format!(" {}", task.status.label(lang)), base);
    let (unit, mut status) = match model.lanes {
        Lanes::Status => (unit, None),
        Lanes::Category | Lanes::Sponsor => (unit, Some(status)),
        Lanes::LeadUnit => (String::new(), Some(status)),
    };
    let mut second = vec![Span::styled(" ", base), light];
    if !unit.is_empty() {
        second.push(Span::styled(format!(" {unit}"), base));
    }
    let room = |spans: &[Span], extra: &Span| {
        spans.iter().map(Span::width).sum::<usize>() + extra.width() <= w
    };
    if let Some(s) = status.take_if(|s| room(&second, s) || rows < 3) {
        second.push(s);
    }

    let mut third = vec![Span::styled(" ", base)];
    let next = next_milestone(task);
    if let Some(m) = next {
        let days = (m.due - model.today).num_days();
        let style = if days < 0 {
            ctx.theme.light(TaskLight::Red).patch(base)
        } else if days <= campaign.rules.light.warn_days {
            ctx.theme.light(TaskLight::Yellow).patch(base)
        } else {
            base
        };
        third.push(Span::styled(due_label(days, lang), style));
    }
    // A crossed-off task is finished whatever its last reported progress said.
    let progress = if task.status == Status::Done {
        Some(100)
    } else {
        task.progress
    };
    let progress = progress.map(|p| {
        let sep = if next.is_some() { " " } else { "" };
        Span::styled(format!("{sep}{p}%"), base)
    });

    // Times on published red lists, beside the lead unit (never instead of it).
    let reds = model.derived.red_counts.get(index).copied().unwrap_or(0);
    let reds = (reds > 0).then(|| {
        let word = if wide {
            TaskLight::Red.word()
        } else {
            TaskLight::Red.short_word()
        };
        Span::styled(
            format!(" {}×{reds}", word.get(lang)),
            ctx.theme.light(TaskLight::Red).patch(base),
        )
    });
    let fits = |spans: &[Span], extra: &Span| {
        spans.iter().map(Span::width).sum::<usize>() + extra.width() <= w
    };
    match reds {
        None => third.extend(progress),
        // After the unit when both fit, or when there is no other line.
        Some(r) if wide || rows < 3 || fits(&second, &r) => {
            second.push(r);
            third.extend(progress);
        }
        // Else after the progress, or in its place when the line cannot hold both.
        Some(r) => {
            let with_progress = progress.into_iter().chain([r.clone()]).collect::<Vec<_>>();
            let all = [third.as_slice(), with_progress.as_slice()].concat();
            if all.iter().map(Span::width).sum::<usize>() <= w {
                third = all;
            } else {
                third.push(r);
            }
        }
    }
    if let Some(s) = status.filter(|s| room(&third, s)) {
        third.push(s);
    }
    if let Some(m) = next.filter(|_| wide) {
        third.push(Span::styled(format!(" · {}", inert(&m.title)), base));
    }

    let mut lines = vec![pad(fit_spans(title_line, width), w, base)];
    lines.push(pad(fit_spans(second, width), w, base));
    if rows >= 3 {
        lines.push(pad(fit_spans(third, width), w, base));
    }
    lines
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
