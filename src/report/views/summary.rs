//! The summary view (活动总结): crossed off of total, milestone rate, problems → results, and
//! by category the tasks, lights, milestones and investment, with a totals row (合计).

use super::Ctx;
use crate::domain::Status;
use crate::domain::leaderboard::rate;
use crate::domain::light::TaskLight;
use crate::domain::milestone::done_by;
use crate::i18n::Lang;
use crate::report::doc::{Doc, Section, Table};
use crate::tr;

/// `279950 万元(28.00 亿元)`: the amount in the file's unit, and in 亿元 when large.
fn money(x: &Ctx, amount: f64) -> String {
    // An empty sum of floats is -0.0; show it as 0.
    let amount = amount + 0.0;
    let unit = &x.c.info.investment_unit;
    if unit == "万元" && amount >= 10_000.0 {
        format!("{amount:.0} 万元({:.2} 亿元)", amount / 10_000.0)
    } else {
        format!("{amount:.0} {unit}")
    }
}

/// A number for a spreadsheet cell: no trailing `.0`.
fn number(n: f64) -> String {
    let n = n + 0.0;
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// `94%`; `—` when nothing is due yet (no rate at all, not 100%; an empty cell in Excel).
fn percent(done: u32, due: u32) -> String {
    if due == 0 {
        "—".to_owned()
    } else {
        format!("{}%", rate(done, due).round())
    }
}

/// One category's (or all tasks') counts; the columns that sum, and the rate that does not.
#[derive(Default, Clone, Copy)]
struct Counts {
    tasks: usize,
    crossed: usize,
    red: usize,
    yellow: usize,
    green: usize,
    done: u32,
    due: u32,
    investment: f64,
}

impl Counts {
    fn of(x: &Ctx, pick: impl Fn(usize) -> bool) -> Counts {
        let mut c = Counts::default();
        for (i, t) in x.c.tasks.iter().enumerate().filter(|(i, _)| pick(*i)) {
            c.tasks += 1;
            c.crossed += usize::from(t.status == Status::Done);
            match x.lights[i].light {
                TaskLight::Red => c.red += 1,
                TaskLight::Yellow => c.yellow += 1,
                TaskLight::Green => c.green += 1,
                TaskLight::Done => {}
            }
            for m in t.milestones.iter().filter(|m| m.due <= x.today) {
                c.due += 1;
                c.done += u32::from(done_by(m, x.today));
            }
            c.investment += t.investment.unwrap_or(0.0);
        }
        c
    }

    fn cells(&self, name: String, investment: String) -> Vec<String> {
        let r = percent(self.done, self.due);
        vec![
            name,
            self.tasks.to_string(),
            self.crossed.to_string(),
            self.red.to_string(),
            self.yellow.to_string(),
            self.green.to_string(),
            self.done.to_string(),
            self.due.to_string(),
            r,
            investment,
        ]
    }
}

fn header(x: &Ctx, investment: String) -> Vec<String> {
    let mut h: Vec<String> = [
        ("分类", "Category"),
        ("任务数", "Tasks"),
        ("已销号", "Crossed off"),
        ("红灯", "Red"),
        ("黄灯", "Yellow"),
        ("绿灯", "Green"),
        ("节点已完成", "Milestones done"),
        ("节点应完成", "Milestones due"),
        ("节点完成率", "Milestone rate"),
    ]
    .iter()
    .map(|(z, e)| x.t(z, e))
    .collect();
    h.push(investment);
    h
}

pub(super) fn summary(x: &Ctx) -> Doc {
    let all = Counts::of(x, |_| true);
    let (crossed, total) = (all.crossed, all.tasks);
    let (done, due) = (all.done, all.due);
    let r = percent(done, due);
    let problems: Vec<_> =
        x.c.tasks
            .iter()
            .flat_map(|t| t.problems.iter().map(move |p| (t, p)))
            .collect();
    let solved = problems.iter().filter(|(_, p)| p.resolved).count();
    let n_problems = problems.len();
    let lines = vec![
        tr!(
            "销号 {crossed}/{total} 项",
            "crossed off {crossed} of {total}"
        )
        .get(x.lang)
        .to_owned(),
        tr!(
            "节点完成率 {done}/{due}({r})",
            "milestone rate {done}/{due} ({r})"
        )
        .get(x.lang)
        .to_owned(),
        tr!(
            "问题 {n_problems} 个,已解决 {solved} 个",
            "problems {n_problems}, resolved {solved}"
        )
        .get(x.lang)
        .to_owned(),
    ];
    let results: Vec<String> = problems
        .iter()
        .filter_map(|(t, p)| {
            p.result
                .as_ref()
                .map(|r| format!("{} {} → {r}", t.id, p.text))
        })
        .collect();
    let unit = x.c.info.investment_unit.clone();
    let mut shown = Table {
        header: header(x, x.t("总投资", "Investment")),
        rows: Vec::new(),
    };
    let mut main = Table {
        header: header(
            x,
            tr!("总投资({unit})", "Investment ({unit})")
                .get(x.lang)
                .to_owned(),
        ),
        rows: Vec::new(),
    };
    let categories = x.c.categories.iter().map(|cat| {
        let name = match x.lang {
            Lang::Zh => cat.name.clone(),
            Lang::En => cat.en.clone().unwrap_or_else(|| cat.name.clone()),
        };
        (name, Counts::of(x, |i| x.c.tasks[i].category == cat.id))
    });
    let total_row = (x.t("合计", "Total"), all);
    for (name, counts) in categories.chain(std::iter::once(total_row)) {
        shown
            .rows
            .push(counts.cells(name.clone(), money(x, counts.investment)));
        main.rows
            .push(counts.cells(name, number(counts.investment)));
    }
    Doc {
        sections: vec![
            Section {
                heading: x.t("总体", "Overall"),
                lines,
                table: None,
            },
            Section {
                heading: x.t("问题清单 → 成果清单", "Problems → results"),
                lines: results,
                table: None,
            },
            Section {
                heading: x.t("分类统计与投资", "By category, with investment"),
                lines: Vec::new(),
                table: Some(shown),
            },
        ],
        main,
        main_totals: 1,
        ..Doc::default()
    }
}
