//! Presentation mode for the hall screen: a big countdown with the counts, the leaderboard,
//! and the red list, one page at a time.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::big::big_lines;
use super::text::{cut, inert};
use crate::domain::countdown::{Phase, clock_part, phase, phase_text, remaining};
use crate::domain::light::TaskLight;
use crate::i18n::Text;
use crate::tr;

/// The pages, in order.
pub const PAGES: usize = 3;

pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, page: usize) {
    match page % PAGES {
        0 => countdown(frame, area, ctx),
        1 => super::leaderboard::render(frame, area, ctx),
        _ => red_list(frame, area, ctx),
    }
}

fn countdown(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let info = &model.campaign().info;
    let lang = model.lang;
    let current = phase(info, model.today);
    let mut lines: Vec<Line> = vec![
        Line::styled(inert(&info.name), ctx.theme.title(true)),
        Line::raw(""),
    ];
    let digits = match current {
        Phase::Running { days_left, .. } => {
            let left = remaining(info, ctx.now).filter(|_| !model.today_pinned);
            let clock = left
                .map(|r| clock_part(r.rest_of_today))
                .map_or(String::new(), |(h, m, s)| format!(" {h:02}:{m:02}:{s:02}"));
            Some(format!("{days_left}{clock}"))
        }
        Phase::LastDay { .. } => remaining(info, ctx.now)
            .filter(|_| !model.today_pinned)
            .map(|r| clock_part(r.rest_of_today))
            .map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}")),
        _ => None,
    };
    let block = if ctx.theme.glyphs.light == "*" {
        "#"
    } else {
        "█"
    };
    if let Some(d) = digits.filter(|d| d.chars().count() * 4 <= usize::from(area.width)) {
        let label = Text::new("剩余天数 · 时:分:秒", "days left · hh:mm:ss");
        lines.push(Line::styled(ctx.t(&label).to_owned(), ctx.theme.dim()));
        for row in big_lines(&d, block) {
            lines.push(Line::styled(row, ctx.theme.light(TaskLight::Red)));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        phase_text(&current, info.total_days(), lang),
        ctx.theme.header(),
    ));
    let d = &model.derived;
    let (r, y, g, done) = (d.red, d.yellow, d.green, d.done);
    let counts = tr!(
        "红灯 {r} · 黄灯 {y} · 绿灯 {g} · 已销号 {done}",
        "red {r} · yellow {y} · green {g} · crossed off {done}"
    );
    lines.push(Line::raw(ctx.t(&counts).to_owned()));
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            Line::styled(cut(&text, area.width.into()), l.style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
}

fn red_list(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let campaign = model.campaign();
    let width = usize::from(area.width);
    let mut lines = vec![Line::styled(
        ctx.t(&Text::new("红灯任务", "Red tasks")).to_owned(),
        ctx.theme.title(true),
    )];
    for (i, t) in campaign.tasks.iter().enumerate() {
        let verdict = &model.derived.lights[i];
        if verdict.light != TaskLight::Red {
            continue;
        }
        let unit = t
            .lead_unit
            .as_deref()
            .and_then(|u| campaign.unit(u))
            .map_or(String::new(), |u| u.name.clone());
        let head = format!("{} {} {}  {unit}", ctx.theme.glyphs.light, t.id, t.title);
        lines.push(Line::styled(
            cut(&inert(&head), width),
            ctx.theme.light(TaskLight::Red),
        ));
        for reason in &verdict.reasons {
            lines.push(Line::raw(cut(
                &inert(&format!("    {}", reason.text(t).get(model.lang))),
                width,
            )));
        }
    }
    if lines.len() == 1 {
        lines.push(Line::raw(
            ctx.t(&Text::new("(没有红灯任务)", "(no red tasks)"))
                .to_owned(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
