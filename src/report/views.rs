//! The report views for briefings: board, stand-up, leaderboard, weekly, summary.

use chrono::NaiveDate;

use super::doc::{Doc, Section, Table};
use crate::domain::countdown::{phase, phase_text};
use crate::domain::history;
use crate::domain::light::{LightVerdict, TaskLight, task_light};
use crate::domain::milestone::due_label;
use crate::domain::task_facts::{blocking_count, next_milestone};
use crate::domain::{Campaign, Status, Task};
use crate::i18n::{Lang, Text};
use crate::tr;

mod leaderboard;
mod ledger;
mod pledges;
mod summary;
mod weekly;
use leaderboard::leaderboard;
use summary::summary;
use weekly::weekly;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    Board,
    Standup,
    Leaderboard,
    Weekly,
    Summary,
    /// The ledger (台账): pledges and follow-up orders.
    Ledger,
}

impl View {
    pub(crate) const ALL: [View; 6] = [
        View::Board,
        View::Standup,
        View::Leaderboard,
        View::Weekly,
        View::Summary,
        View::Ledger,
    ];

    /// The name on the command line and in exported file names.
    pub(crate) fn key(self) -> &'static str {
        match self {
            View::Board => "board",
            View::Standup => "standup",
            View::Leaderboard => "leaderboard",
            View::Weekly => "weekly",
            View::Summary => "summary",
            View::Ledger => "ledger",
        }
    }

    /// A short name, for a spreadsheet's sheet tab.
    pub(crate) fn short_label(self) -> Text {
        match self {
            View::Board => Text::new("任务总览", "Board"),
            View::Standup => Text::new("站会清单", "Stand-up"),
            View::Leaderboard => Text::new("擂台榜", "Leaderboard"),
            View::Weekly => Text::new("本周清单", "This week"),
            View::Summary => Text::new("活动总结", "Summary"),
            View::Ledger => Text::new("台账", "Ledger"),
        }
    }
}

/// The header of the light column in task tables.
pub(crate) const LIGHT_HEADER: (&str, &str) = ("灯色", "Light");

struct Ctx<'a> {
    c: &'a Campaign,
    today: NaiveDate,
    lang: Lang,
    lights: Vec<LightVerdict>,
}

impl Ctx<'_> {
    fn t(&self, zh: &str, en: &str) -> String {
        Text::new(zh, en).get(self.lang).to_owned()
    }

    fn unit(&self, id: Option<&str>) -> String {
        id.map(|u| self.c.unit(u).map_or(u.to_owned(), |x| x.name.clone()))
            .unwrap_or_default()
    }

    fn person(&self, id: Option<&str>) -> String {
        id.map(|p| self.c.person(p).map_or(p.to_owned(), |x| x.name.clone()))
            .unwrap_or_default()
    }

    fn light(&self, i: usize) -> String {
        let v = &self.lights[i];
        let word = v.light.word().get(self.lang).to_owned();
        if v.overridden {
            format!("{word}*")
        } else {
            word
        }
    }

    fn reasons(&self, i: usize) -> String {
        self.lights[i]
            .reasons
            .iter()
            .map(|r| r.text(&self.c.tasks[i]).get(self.lang).to_owned())
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn next(&self, t: &Task) -> (String, String) {
        next_milestone(t).map_or((String::new(), String::new()), |m| {
            (
                m.title.clone(),
                format!(
                    "{} ({})",
                    m.due,
                    due_label((m.due - self.today).num_days(), self.lang)
                ),
            )
        })
    }

    fn task_header(&self) -> Vec<String> {
        let h = [
            ("编号", "Id"),
            ("任务", "Task"),
            ("分类", "Category"),
            ("状态", "Status"),
            LIGHT_HEADER,
            ("牵头单位", "Lead unit"),
            ("包保领导", "Sponsor"),
            ("下一节点", "Next milestone"),
            ("节点日期", "Due"),
            ("进度", "Progress"),
            ("原因", "Reasons"),
        ];
        h.iter().map(|(z, e)| self.t(z, e)).collect()
    }

    fn task_row(&self, i: usize) -> Vec<String> {
        let t = &self.c.tasks[i];
        let (next, due) = self.next(t);
        let category = self
            .c
            .category(&t.category)
            .map_or(t.category.clone(), |c| match self.lang {
                Lang::Zh => c.name.clone(),
                Lang::En => c.en.clone().unwrap_or_else(|| c.name.clone()),
            });
        vec![
            t.id.clone(),
            t.title.clone(),
            category,
            t.status.label(self.lang).to_owned(),
            self.light(i),
            self.unit(t.lead_unit.as_deref()),
            self.person(t.leader.as_deref()),
            next,
            due,
            t.progress.map(|p| format!("{p}%")).unwrap_or_default(),
            self.reasons(i),
        ]
    }
}

/// Builds a view as of `today`; `checkpoint` picks the leaderboard (default: the latest past one).
pub fn build(
    c: &Campaign,
    today: NaiveDate,
    lang: Lang,
    view: View,
    checkpoint: Option<usize>,
) -> Result<Doc, Text> {
    let c = &*c.as_of(today);
    let lights = c
        .tasks
        .iter()
        .map(|t| task_light(t, &c.rules.light, today))
        .collect();
    let x = Ctx {
        c,
        today,
        lang,
        lights,
    };
    let when = phase_text(&phase(&c.info, today), c.info.total_days(), lang);
    let intro = vec![format!("{} · {today} · {when}", c.info.name)];
    let (title, mut doc) = match view {
        View::Board => (x.t("任务总览", "Board"), board(&x)),
        View::Standup => (x.t("站会清单", "Stand-up list"), standup(&x)),
        View::Leaderboard => (x.t("擂台榜", "Leaderboard"), leaderboard(&x, checkpoint)?),
        View::Weekly => (x.t("本周清单(按单位)", "This week, by unit"), weekly(&x)),
        View::Summary => (x.t("活动总结", "Summary"), summary(&x)),
        View::Ledger => (x.t("台账", "Ledger"), ledger::ledger_doc(&x)),
    };
    doc.title = format!("{} · {title}", c.info.short);
    doc.intro = intro;
    Ok(doc)
}

fn board(x: &Ctx) -> Doc {
    let count = |l: TaskLight| x.lights.iter().filter(|v| v.light == l).count();
    let (r, y, g, d) = (
        count(TaskLight::Red),
        count(TaskLight::Yellow),
        count(TaskLight::Green),
        count(TaskLight::Done),
    );
    let k = blocking_count(&x.c.tasks);
    let mut counts = vec![
        tr!(
            "红灯 {r} · 黄灯 {y} · 绿灯 {g} · 已销号 {d} · 堵点 {k} 个",
            "red {r} · yellow {y} · green {g} · crossed off {d} · blocking problems (堵点) {k}"
        )
        .get(x.lang)
        .to_owned(),
    ];
    counts.push(
        Status::ALL
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    s.label(x.lang),
                    x.c.tasks.iter().filter(|t| t.status == *s).count()
                )
            })
            .collect::<Vec<_>>()
            .join(" · "),
    );
    let mut sections = vec![Section {
        heading: x.t("统计", "Counts"),
        lines: counts,
        table: None,
    }];
    for cat in &x.c.categories {
        let rows: Vec<Vec<String>> = (0..x.c.tasks.len())
            .filter(|&i| x.c.tasks[i].category == cat.id)
            .map(|i| x.task_row(i))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let heading = match x.lang {
            Lang::Zh => cat.name.clone(),
            Lang::En => cat.en.clone().unwrap_or_else(|| cat.name.clone()),
        };
        sections.push(Section {
            heading,
            lines: Vec::new(),
            table: Some(Table {
                header: x.task_header(),
                rows,
            }),
        });
    }
    let reds: Vec<String> = (0..x.c.tasks.len())
        .filter(|&i| x.lights[i].light == TaskLight::Red)
        .map(|i| {
            format!(
                "{} {}: {}",
                x.c.tasks[i].id,
                x.c.tasks[i].title,
                x.reasons(i)
            )
        })
        .collect();
    sections.push(Section {
        heading: x.t("红灯清单", "Red list"),
        lines: reds,
        table: None,
    });
    Doc {
        sections,
        main: Table {
            header: x.task_header(),
            rows: (0..x.c.tasks.len()).map(|i| x.task_row(i)).collect(),
        },
        ..Doc::default()
    }
}

fn standup(x: &Ctx) -> Doc {
    let order: Vec<usize> = [TaskLight::Red, TaskLight::Yellow]
        .iter()
        .flat_map(|l| (0..x.c.tasks.len()).filter(move |&i| x.lights[i].light == *l))
        .collect();
    let mut sections = Vec::new();
    for &i in &order {
        let t = &x.c.tasks[i];
        let mut lines = vec![format!(
            "{} · {} · {}",
            x.light(i),
            t.status.label(x.lang),
            x.unit(t.lead_unit.as_deref())
        )];
        let reasons = x.lights[i].reasons.iter();
        lines.extend(reasons.map(|r| r.text(t).get(x.lang).to_owned()));
        for p in t.problems.iter().filter(|p| !p.resolved) {
            let due = p.due.map(|d| d.to_string()).unwrap_or_default();
            lines.push(format!("{}: {} {due}", x.t("问题", "problem"), p.text));
        }
        if let Some(e) = history::notes(&t.log).next_back() {
            lines.push(format!(
                "{}: {} {}",
                x.t("最近记录", "last note"),
                e.date,
                e.text
            ));
        }
        sections.push(Section {
            heading: format!("{} {}", t.id, t.title),
            lines,
            table: None,
        });
    }
    Doc {
        sections,
        main: Table {
            header: x.task_header(),
            rows: order.into_iter().map(|i| x.task_row(i)).collect(),
        },
        ..Doc::default()
    }
}
