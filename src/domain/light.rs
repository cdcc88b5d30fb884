//! A task's light (red / yellow / green, or crossed off) with the reasons for it.

use chrono::{Days, NaiveDate};

use super::milestone::done_by;
use super::model::{LightRules, Milestone, Problem, RuleLight, Task};
pub(crate) use super::reason::Reason;
use super::status::{Light, Status};
use super::task_facts::lag;
use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskLight {
    /// Crossed off: no light, a grey ✓.
    Done,
    Red,
    Yellow,
    Green,
}

impl TaskLight {
    pub(crate) fn key(self) -> &'static str {
        match self {
            TaskLight::Done => "done",
            TaskLight::Red => "red",
            TaskLight::Yellow => "yellow",
            TaskLight::Green => "green",
        }
    }

    /// The one word for a light on every screen and in every report: `红灯` / `red`.
    pub(crate) fn word(self) -> Text {
        match self {
            TaskLight::Done => Text::new("销号", "done"),
            TaskLight::Red => Text::new("红灯", "red"),
            TaskLight::Yellow => Text::new("黄灯", "yellow"),
            TaskLight::Green => Text::new("绿灯", "green"),
        }
    }

    /// The same word where columns are scarce (narrow cards, the header's counts): Chinese
    /// drops the `灯`; English has no shorter word that still reads as one.
    pub(crate) fn short_word(self) -> Text {
        match self {
            TaskLight::Red => Text::new("红", "red"),
            TaskLight::Yellow => Text::new("黄", "yellow"),
            TaskLight::Green => Text::new("绿", "green"),
            TaskLight::Done => self.word(),
        }
    }
}

impl From<Light> for TaskLight {
    fn from(light: Light) -> Self {
        match light {
            Light::Red => TaskLight::Red,
            Light::Yellow => TaskLight::Yellow,
            Light::Green => TaskLight::Green,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LightVerdict {
    pub light: TaskLight,
    /// Set by a leader's `light_override` (shown with `*`).
    pub overridden: bool,
    /// Why, most serious first; empty for green and crossed off.
    pub reasons: Vec<Reason>,
}

/// What is known when judging: everything in the file (the live board), or only what was
/// true by the end of a past day (a leaderboard snapshot).
#[derive(Clone, Copy)]
struct Knowledge {
    today: NaiveDate,
    known_by: Option<NaiveDate>,
}

impl Knowledge {
    fn milestone_done(&self, m: &Milestone) -> bool {
        self.known_by.map_or(m.done, |d| done_by(m, d))
    }

    fn problem_open(&self, p: &Problem) -> bool {
        match self.known_by {
            None => !p.resolved,
            Some(d) => p.raised <= d && !(p.resolved && p.resolved_on.is_none_or(|r| r <= d)),
        }
    }

    fn crossed_off(&self, task: &Task) -> bool {
        task.status == Status::Done
            && self
                .known_by
                .is_none_or(|d| task.closed_on.is_none_or(|c| c <= d))
    }
}

/// The light on the live board for `today`.
pub fn task_light(task: &Task, rules: &LightRules, today: NaiveDate) -> LightVerdict {
    judge(
        task,
        rules,
        Knowledge {
            today,
            known_by: None,
        },
    )
}

/// The light as it stood at the end of day `d`: judged the next morning, knowing only what
/// was done, raised and resolved by `d`.
pub(crate) fn task_light_at_end_of(task: &Task, rules: &LightRules, d: NaiveDate) -> LightVerdict {
    let today = d.checked_add_days(Days::new(1)).unwrap_or(d);
    judge(
        task,
        rules,
        Knowledge {
            today,
            known_by: Some(d),
        },
    )
}

fn judge(task: &Task, rules: &LightRules, k: Knowledge) -> LightVerdict {
    let today = k.today;
    if k.crossed_off(task) {
        return LightVerdict {
            light: TaskLight::Done,
            overridden: false,
            reasons: Vec::new(),
        };
    }
    if let Some(o) = task
        .light_override
        .as_ref()
        .filter(|o| o.until.is_none_or(|u| u >= today))
    {
        return LightVerdict {
            light: o.light.into(),
            overridden: true,
            reasons: vec![Reason::Override],
        };
    }
    let mut red = Vec::new();
    let mut yellow = Vec::new();
    let warn_until = today
        .checked_add_days(Days::new(rules.warn_days.unsigned_abs()))
        .unwrap_or(today);
    for (n, m) in task.milestones.iter().enumerate() {
        if k.milestone_done(m) {
            continue;
        }
        if m.due < today {
            red.push(Reason::MilestoneOverdue(n));
        } else if m.due <= warn_until {
            let days = (m.due - today).num_days();
            yellow.push(Reason::MilestoneDueSoon { milestone: n, days });
        }
    }
    if task.deadline < today && !task.status.is_finished() {
        // Every milestone done and only the status lagging: still red, but the reason says
        // what is left to do.
        let all_done =
            !task.milestones.is_empty() && task.milestones.iter().all(|m| k.milestone_done(m));
        red.push(if all_done {
            Reason::AwaitingSignOff
        } else {
            Reason::PastDeadline
        });
    }
    for (n, p) in task.problems.iter().enumerate() {
        if k.problem_open(p) && p.due.is_some_and(|d| d < today) {
            let reason = Reason::ProblemOverdue(n);
            push_by_rule(rules.overdue_problem, reason, &mut red, &mut yellow);
        }
    }
    for (n, p) in task.problems.iter().enumerate() {
        if k.problem_open(p) && p.blocking {
            let reason = Reason::Blocking(n);
            push_by_rule(rules.blocking_problem, reason, &mut red, &mut yellow);
        }
    }
    if task.status == Status::NotStarted && today > task.start {
        let reason = Reason::NotStartedLate;
        push_by_rule(rules.not_started_late, reason, &mut red, &mut yellow);
    }
    if let Some(behind) = lag(task, today) {
        // Whole points, rounded down: "≥ N points" then means exactly lag ≥ N.
        let pts = behind.floor() as i64;
        let reason = Reason::Behind(pts);
        if rules.lag_red_pts.is_some_and(|r| pts >= r) {
            red.push(reason);
        } else if rules.lag_yellow_pts.is_some_and(|y| pts >= y) {
            yellow.push(reason);
        }
    }
    let (light, reasons) = if !red.is_empty() {
        (TaskLight::Red, red)
    } else if !yellow.is_empty() {
        (TaskLight::Yellow, yellow)
    } else {
        (TaskLight::Green, Vec::new())
    };
    LightVerdict {
        light,
        overridden: false,
        reasons,
    }
}

fn push_by_rule(rule: RuleLight, reason: Reason, red: &mut Vec<Reason>, yellow: &mut Vec<Reason>) {
    match rule {
        RuleLight::Red => red.push(reason),
        RuleLight::Yellow => yellow.push(reason),
        RuleLight::None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::LightOverride;
    use crate::domain::test_support::{date, problem, task};

    fn light(t: &Task, today: &str) -> LightVerdict {
        task_light(t, &LightRules::default(), date(today))
    }

    #[test]
    fn overdue_milestone_is_red_with_its_reason() {
        let t = task(
            "T02",
            "zjj",
            Status::Blocked,
            "2026-12-07",
            &[("2026-11-20", None), ("2026-12-07", None)],
        );
        let v = light(&t, "2026-11-22");
        assert_eq!(v.light, TaskLight::Red);
        assert_eq!(v.reasons.len(), 1);
        assert!(
            v.reasons[0].text(&t).zh.contains("节点逾期:节点1(11-20)"),
            "{}",
            v.reasons[0].text(&t).zh
        );
    }

    #[test]
    fn due_soon_is_yellow_and_a_day_later_is_green() {
        let t = task(
            "T03",
            "jxj",
            Status::InProgress,
            "2026-12-09",
            &[("2026-11-23", None)],
        );
        assert_eq!(light(&t, "2026-11-22").light, TaskLight::Yellow);
        assert_eq!(light(&t, "2026-11-19").light, TaskLight::Green);
        assert_eq!(light(&t, "2026-11-20").light, TaskLight::Yellow);
    }

    #[test]
    fn past_the_deadline_with_every_milestone_done_awaits_sign_off() {
        let mut t = task(
            "T05",
            "zjj",
            Status::InProgress,
            "2026-11-15",
            &[
                ("2026-11-01", Some("2026-10-30")),
                ("2026-11-14", Some("2026-11-14")),
            ],
        );
        let v = light(&t, "2026-11-22");
        assert_eq!(v.light, TaskLight::Red, "the rule is unchanged");
        assert_eq!(v.reasons, vec![Reason::AwaitingSignOff]);
        assert_eq!(
            v.reasons[0].text(&t).zh,
            "节点已全部完成,待销号(完成时限 11-15)"
        );
        t.milestones[1].done = false;
        t.milestones[1].done_on = None;
        assert!(
            light(&t, "2026-11-22")
                .reasons
                .contains(&Reason::PastDeadline)
        );
    }

    #[test]
    fn past_deadline_is_red_unless_finished() {
        let mut t = task("T08", "xk", Status::Blocked, "2026-11-15", &[]);
        assert_eq!(light(&t, "2026-11-22").light, TaskLight::Red);
        t.status = Status::PendingSignoff;
        assert_eq!(light(&t, "2026-11-22").light, TaskLight::Green);
        t.status = Status::Done;
        assert_eq!(light(&t, "2026-11-22").light, TaskLight::Done);
    }

    #[test]
    fn overdue_problems_follow_the_rule() {
        let mut t = task("T06", "xk", Status::InProgress, "2026-12-09", &[]);
        t.problems = vec![problem("P1", "2026-10-20", Some("2026-11-20"), None)];
        t.problems[0].blocking = false;
        assert_eq!(light(&t, "2026-11-22").light, TaskLight::Yellow);
        let rules = LightRules {
            overdue_problem: RuleLight::Red,
            ..LightRules::default()
        };
        assert_eq!(
            task_light(&t, &rules, date("2026-11-22")).light,
            TaskLight::Red
        );
        let rules = LightRules {
            overdue_problem: RuleLight::None,
            ..LightRules::default()
        };
        assert_eq!(
            task_light(&t, &rules, date("2026-11-22")).light,
            TaskLight::Green
        );
    }

    #[test]
    fn an_open_blocking_problem_follows_its_rule() {
        let mut t = task("T02", "zjj", Status::Blocked, "2026-12-09", &[]);
        t.problems = vec![problem("P1", "2026-10-20", None, None)];
        t.problems[0].blocking = false;
        assert_eq!(light(&t, "2026-11-22").light, TaskLight::Green);
        t.problems[0].blocking = true;
        let v = light(&t, "2026-11-22");
        assert_eq!(v.light, TaskLight::Yellow);
        assert_eq!(v.reasons[0].text(&t).zh, "堵点未打通:问题P1");
        let red = LightRules {
            blocking_problem: RuleLight::Red,
            ..LightRules::default()
        };
        assert_eq!(
            task_light(&t, &red, date("2026-11-22")).light,
            TaskLight::Red
        );
        let none = LightRules {
            blocking_problem: RuleLight::None,
            ..LightRules::default()
        };
        assert_eq!(
            task_light(&t, &none, date("2026-11-22")).light,
            TaskLight::Green
        );
        t.problems[0].resolved = true;
        assert_eq!(light(&t, "2026-11-22").light, TaskLight::Green);
    }

    #[test]
    fn not_started_after_its_start() {
        let mut t = task("T13", "ctjt", Status::NotStarted, "2026-12-09", &[]);
        t.start = date("2026-11-25");
        assert_eq!(light(&t, "2026-11-25").light, TaskLight::Green);
        assert_eq!(light(&t, "2026-11-26").light, TaskLight::Yellow);
    }

    #[test]
    fn lag_rules_only_when_set() {
        let mut t = task("T1", "u", Status::InProgress, "2026-09-11", &[]);
        t.progress = Some(10);
        assert_eq!(light(&t, "2026-09-09").light, TaskLight::Green);
        let rules = LightRules {
            lag_yellow_pts: Some(10),
            lag_red_pts: Some(30),
            ..LightRules::default()
        };
        assert_eq!(
            task_light(&t, &rules, date("2026-09-04")).light,
            TaskLight::Yellow
        );
        assert_eq!(
            task_light(&t, &rules, date("2026-09-09")).light,
            TaskLight::Red
        );
        // Expected 66.7 on day 2 of 3, progress 37: 29.7 behind is not yet 30.
        let mut t = task("T2", "u", Status::InProgress, "2026-09-04", &[]);
        t.progress = Some(37);
        let v = task_light(&t, &rules, date("2026-09-03"));
        assert_eq!(v.light, TaskLight::Yellow);
        assert!(
            v.reasons[0].text(&t).zh.contains("29 个百分点"),
            "{}",
            v.reasons[0].text(&t).zh
        );
    }

    #[test]
    fn an_override_wins_until_it_expires() {
        let mut t = task(
            "T1",
            "u",
            Status::InProgress,
            "2026-12-09",
            &[("2026-11-01", None)],
        );
        t.light_override = Some(LightOverride {
            light: Light::Green,
            reason: "已协调".into(),
            until: Some(date("2026-11-25")),
        });
        let v = light(&t, "2026-11-22");
        assert_eq!((v.light, v.overridden), (TaskLight::Green, true));
        assert!(v.reasons[0].text(&t).zh.contains("已协调"));
        assert_eq!(light(&t, "2026-11-26").light, TaskLight::Red);
    }

    #[test]
    fn at_the_end_of_a_day_only_what_was_known_counts() {
        // Due 10-12, done 10-16: red at the end of 10-12, green at the end of 10-16.
        let t = task(
            "T06",
            "xk",
            Status::InProgress,
            "2026-12-09",
            &[("2026-10-12", Some("2026-10-16"))],
        );
        let rules = LightRules::default();
        assert_eq!(
            task_light_at_end_of(&t, &rules, date("2026-10-12")).light,
            TaskLight::Red
        );
        assert_eq!(
            task_light_at_end_of(&t, &rules, date("2026-10-16")).light,
            TaskLight::Green
        );
        // Due on the day itself and done that day: fine.
        let t = task(
            "T12",
            "zjj",
            Status::InProgress,
            "2026-12-09",
            &[("2026-09-14", Some("2026-09-14"))],
        );
        assert_eq!(
            task_light_at_end_of(&t, &rules, date("2026-09-14")).light,
            TaskLight::Green
        );
        // A problem raised later did not exist yet.
        let mut t = task("T05", "cd", Status::InProgress, "2026-12-09", &[]);
        t.problems = vec![problem("P", "2026-10-28", Some("2026-10-01"), None)];
        assert_eq!(
            task_light_at_end_of(&t, &rules, date("2026-10-26")).light,
            TaskLight::Green
        );
        // Crossed off later: not yet crossed off then.
        let mut t = task(
            "T07",
            "cd",
            Status::Done,
            "2026-11-30",
            &[("2026-09-28", Some("2026-09-20"))],
        );
        t.closed_on = Some(date("2026-11-02"));
        assert_eq!(
            task_light_at_end_of(&t, &rules, date("2026-09-28")).light,
            TaskLight::Green
        );
        assert_eq!(
            task_light_at_end_of(&t, &rules, date("2026-11-09")).light,
            TaskLight::Done
        );
    }
}
