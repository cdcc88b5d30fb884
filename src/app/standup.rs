//! The stand-up (早晚两碰头): the red tasks, then the yellow ones (or every live task, or the
//! evening's close-out gaps), one at a time, and what was recorded today.

use chrono::NaiveDate;

use crate::domain::Campaign;
use crate::domain::history;
use crate::domain::light::{LightVerdict, TaskLight};
use crate::domain::task_facts::open_problems;
use crate::i18n::Text;

/// Which tasks the stand-up walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Walk {
    /// Red tasks, then yellow ones (the morning stand-up).
    #[default]
    RedThenYellow,
    /// Every live (not crossed off) task, red and yellow first.
    AllLive,
    /// Live tasks without a note today (日清 gap), for the evening.
    NoNoteToday,
}

impl Walk {
    pub(crate) fn next(self) -> Walk {
        match self {
            Walk::RedThenYellow => Walk::AllLive,
            Walk::AllLive => Walk::NoNoteToday,
            Walk::NoNoteToday => Walk::RedThenYellow,
        }
    }

    pub(crate) fn label(self) -> Text {
        match self {
            Walk::RedThenYellow => Text::new("红灯、黄灯任务", "red, then yellow tasks"),
            Walk::AllLive => Text::new("全部在办任务", "every live task"),
            Walk::NoNoteToday => Text::new("今日未记录(日清)", "no note today (close-out)"),
        }
    }
}

/// Where the stand-up is. It is kept while the lead looks at the board, a task's details or
/// a problem, and resumed on coming back, until the walk is over or the date changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standup {
    pub(crate) walk: Walk,
    /// Task indices, fixed when the walk starts (a task turning green stays in the queue, so
    /// a resolved item stays counted).
    pub queue: Vec<usize>,
    /// The same tasks by id, to find them again after the file was read anew.
    pub ids: Vec<String>,
    /// `queue.len()` means the summary.
    pub pos: usize,
    /// The day the walk started; `None` before the first.
    pub(crate) day: Option<NaiveDate>,
}

impl Standup {
    /// Whether coming back to the stand-up resumes this walk: it started today and its
    /// summary has not been reached.
    pub(crate) fn resumes_on(&self, today: NaiveDate) -> bool {
        self.day == Some(today) && self.pos < self.queue.len()
    }
}

/// The queue for a walk: red tasks in file order, then yellow (then the rest for `AllLive`).
pub(crate) fn queue(
    campaign: &Campaign,
    lights: &[LightVerdict],
    today: NaiveDate,
    walk: Walk,
) -> Vec<usize> {
    let live = |i: usize| lights[i].light != TaskLight::Done;
    let with =
        |light: TaskLight| (0..campaign.tasks.len()).filter(move |&i| lights[i].light == light);
    match walk {
        Walk::RedThenYellow => with(TaskLight::Red)
            .chain(with(TaskLight::Yellow))
            .collect(),
        Walk::AllLive => with(TaskLight::Red)
            .chain(with(TaskLight::Yellow))
            .chain(with(TaskLight::Green))
            .collect(),
        Walk::NoNoteToday => (0..campaign.tasks.len())
            .filter(|&i| {
                live(i) && !history::notes(&campaign.tasks[i].log).any(|e| e.date == today)
            })
            .collect(),
    }
}

/// What was recorded today, for the closing summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Today {
    pub(crate) notes: Vec<(String, String)>,
    pub(crate) ticked: Vec<(String, String)>,
    pub(crate) raised: Vec<(String, String)>,
    pub(crate) resolved: Vec<(String, String)>,
    pub(crate) open_problems: usize,
}

pub(crate) fn recorded_today(campaign: &Campaign, today: NaiveDate) -> Today {
    let mut out = Today::default();
    for t in &campaign.tasks {
        for e in history::notes(&t.log).filter(|e| e.date == today) {
            out.notes.push((t.id.clone(), e.text.clone()));
        }
        for m in t.milestones.iter().filter(|m| m.done_on == Some(today)) {
            out.ticked.push((t.id.clone(), m.title.clone()));
        }
        for p in t.problems.iter().filter(|p| p.raised == today) {
            out.raised.push((t.id.clone(), p.text.clone()));
        }
        for p in t.problems.iter().filter(|p| p.resolved_on == Some(today)) {
            out.resolved.push((t.id.clone(), p.text.clone()));
        }
        out.open_problems += open_problems(t).count();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;
    use crate::domain::light::task_light;
    use crate::domain::model::LogEntry;
    use crate::domain::test_support::{campaign, date, task};

    #[test]
    fn red_first_then_yellow_then_the_rest() {
        let today = date("2026-11-22");
        let mut tasks = vec![
            task(
                "G",
                "u",
                Status::InProgress,
                "2026-12-30",
                &[("2026-12-20", None)],
            ),
            task(
                "Y",
                "u",
                Status::InProgress,
                "2026-12-30",
                &[("2026-11-23", None)],
            ),
            task(
                "R",
                "u",
                Status::InProgress,
                "2026-12-30",
                &[("2026-11-20", None)],
            ),
            task(
                "D",
                "u",
                Status::Done,
                "2026-12-30",
                &[("2026-11-20", Some("2026-11-19"))],
            ),
        ];
        tasks[0].log.push(LogEntry {
            date: today,
            text: "今天".into(),
            by: None,
            kind: None,
        });
        // A history line (a tick today) is not today's note: Y still has none.
        let tick = crate::domain::history::Event::tick("Y", "Y-M1", "x", true);
        tasks[1].log.push(tick.entry(today, None));
        let c = campaign(tasks, &["u"]);
        let lights: Vec<_> = c
            .tasks
            .iter()
            .map(|t| task_light(t, &c.rules.light, today))
            .collect();
        let ids = |q: Vec<usize>| {
            q.into_iter()
                .map(|i| c.tasks[i].id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(queue(&c, &lights, today, Walk::RedThenYellow)),
            ["R", "Y"]
        );
        assert_eq!(
            ids(queue(&c, &lights, today, Walk::AllLive)),
            ["R", "Y", "G"]
        );
        assert_eq!(
            ids(queue(&c, &lights, today, Walk::NoNoteToday)),
            ["Y", "R"]
        );
        let notes = recorded_today(&c, today).notes;
        assert_eq!(notes, [("G".to_owned(), "今天".to_owned())]);
    }
}
