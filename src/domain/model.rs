//! The campaign as loaded: plain data, every default already applied.

use chrono::NaiveDate;

use super::status::{Light, Status};
use super::zone::Zone;

/// One campaign file, understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    pub info: CampaignInfo,
    pub rules: Rules,
    pub categories: Vec<Category>,
    pub units: Vec<Unit>,
    pub(crate) people: Vec<Person>,
    pub tasks: Vec<Task>,
    pub commitments: Vec<Commitment>,
    pub reviews: Vec<Review>,
    /// Fields a git merge found changed both ways, kept as in the file until settled.
    pub conflicts: Vec<OpenConflict>,
    /// How the file spells statuses, so that writes keep to it.
    pub(crate) status_spelling: StatusSpelling,
}

/// A `[[conflicts]]` record: `field` of `task` (or a top-level key, without a task) was
/// changed both ways; the file holds one value and the record the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenConflict {
    pub(crate) task: Option<String>,
    pub(crate) field: String,
    pub(crate) by: Option<String>,
    /// Who made the value the file kept (the side that merged), when recorded.
    pub(crate) kept_by: Option<String>,
    pub(crate) date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum StatusSpelling {
    #[default]
    English,
    Chinese,
}

impl StatusSpelling {
    pub(crate) fn write(self, status: Status) -> &'static str {
        match self {
            StatusSpelling::English => status.key(),
            StatusSpelling::Chinese => status.zh(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignInfo {
    pub name: String,
    /// Header label; `name` when the file gives none.
    pub(crate) short: String,
    /// Day 1.
    pub start: NaiveDate,
    /// The last day, inclusive.
    pub(crate) end: NaiveDate,
    pub(crate) timezone: Zone,
    pub(crate) investment_unit: String,
    /// Review dates in order, the end date always last; checkpoint N is `checkpoints[N - 1]`.
    pub checkpoints: Vec<NaiveDate>,
}

impl CampaignInfo {
    /// end − start + 1.
    pub(crate) fn total_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub light: LightRules,
    pub(crate) leaderboard: LeaderboardRules,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LightRules {
    pub(crate) warn_days: i64,
    pub(crate) overdue_problem: RuleLight,
    pub(crate) not_started_late: RuleLight,
    /// An open problem with `blocking = true` (a 堵点).
    pub(crate) blocking_problem: RuleLight,
    pub(crate) lag_yellow_pts: Option<i64>,
    pub(crate) lag_red_pts: Option<i64>,
}

impl Default for LightRules {
    fn default() -> Self {
        LightRules {
            warn_days: 3,
            overdue_problem: RuleLight::Yellow,
            not_started_late: RuleLight::Yellow,
            blocking_problem: RuleLight::Yellow,
            lag_yellow_pts: None,
            lag_red_pts: None,
        }
    }
}

/// What a rule turns a task into: `"yellow" | "red" | "none"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleLight {
    Yellow,
    Red,
    None,
}

impl RuleLight {
    pub(crate) fn parse(s: &str) -> Option<RuleLight> {
        match s {
            "yellow" => Some(RuleLight::Yellow),
            "red" => Some(RuleLight::Red),
            "none" => Some(RuleLight::None),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LeaderboardRules {
    pub(crate) rate: RateMode,
    pub(crate) red_flag_top: usize,
    pub(crate) yellow_card_bottom: usize,
}

impl Default for LeaderboardRules {
    fn default() -> Self {
        LeaderboardRules {
            rate: RateMode::Cumulative,
            red_flag_top: 1,
            yellow_card_bottom: 0,
        }
    }
}

/// How the milestone rate counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RateMode {
    /// Every milestone due by the checkpoint.
    Cumulative,
    /// Only milestones due after the previous checkpoint.
    Period,
    /// Like cumulative, but a milestone counts only if done on or before its due date.
    OnTime,
}

impl RateMode {
    pub(crate) fn parse(s: &str) -> Option<RateMode> {
        match s {
            "cumulative" => Some(RateMode::Cumulative),
            "period" => Some(RateMode::Period),
            "on_time" => Some(RateMode::OnTime),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) en: Option<String>,
    pub(crate) short: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub(crate) short: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) head: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub(crate) id: String,
    pub name: String,
    pub(crate) title: Option<String>,
    pub(crate) unit: Option<String>,
    pub(crate) role: Option<String>,
}

/// A card on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub id: String,
    pub title: String,
    pub(crate) short: Option<String>,
    pub category: String,
    /// Sponsoring leader (包保领导), a person id.
    pub leader: Option<String>,
    /// The unit ranked for this task (牵头单位).
    pub lead_unit: Option<String>,
    pub co_units: Vec<String>,
    /// 责任人, a person id.
    pub(crate) owner: Option<String>,
    pub status: Status,
    /// 1 重中之重, 2 重点, 3 一般.
    pub priority: u8,
    pub(crate) investment: Option<f64>,
    pub target: Option<String>,
    /// The task's own start, else the campaign's.
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    pub progress: Option<u8>,
    pub(crate) progress_label: Option<String>,
    pub milestones: Vec<Milestone>,
    pub log: Vec<LogEntry>,
    pub problems: Vec<Problem>,
    pub closed_on: Option<NaiveDate>,
    pub closed_by: Option<String>,
    pub light_override: Option<LightOverride>,
}

impl Task {
    /// The card text when space is tight.
    pub fn display_title(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.title)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Given in the file, else `<task id>-M<n>` by position.
    pub(crate) id: String,
    pub title: String,
    pub due: NaiveDate,
    pub done: bool,
    pub done_on: Option<NaiveDate>,
    /// Credits another unit in the milestone rate.
    pub(crate) unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub date: NaiveDate,
    pub text: String,
    pub by: Option<String>,
    pub kind: Option<String>,
}

/// A blocker on the problem list (问题清单); a resolved one's `result` joins the results list.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub id: String,
    pub text: String,
    pub(crate) raised: NaiveDate,
    pub resolved: bool,
    pub kind: Option<String>,
    pub blocking: bool,
    /// The unit that must fix it.
    pub owner: Option<String>,
    /// The leader who coordinates.
    pub coordinator: Option<String>,
    /// Fix-by date (限期).
    pub due: Option<NaiveDate>,
    pub(crate) resolved_on: Option<NaiveDate>,
    pub result: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LightOverride {
    pub light: Light,
    pub(crate) reason: String,
    pub(crate) until: Option<NaiveDate>,
}

/// A pledge (承诺践诺).
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub unit: String,
    pub made_on: NaiveDate,
    pub text: String,
    pub due: NaiveDate,
    pub kept: bool,
    pub by: Option<String>,
    pub task: Option<String>,
    pub kept_on: Option<NaiveDate>,
    /// The day it was checked at a review and found broken (`kept` stays false).
    pub broken_on: Option<NaiveDate>,
    /// Its history: each verdict corrected (`践诺→未践诺`), one line each.
    pub log: Vec<LogEntry>,
}

/// What a published leaderboard was: the biweekly contest (竞赛) or the monthly review (督评).
pub(crate) const REVIEW_KINDS: &[&str] = &["竞赛", "督评"];

/// A published, frozen leaderboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub checkpoint: u32,
    pub date: NaiveDate,
    pub kind: String,
    pub(crate) overall_rate: f64,
    pub red_flag: Vec<String>,
    pub yellow_card: Vec<String>,
    pub units: Vec<RankedUnit>,
    pub red: Vec<String>,
    pub yellow: Vec<String>,
    pub note: Option<String>,
    /// Who published it (a person id), when known.
    pub(crate) by: Option<String>,
    /// The day it was published, when known.
    pub(crate) published_on: Option<NaiveDate>,
}

/// A unit's standing at a checkpoint: as the leaderboard computes it, or as a published
/// review froze it.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedUnit {
    pub unit: String,
    pub rank: u32,
    pub done: u32,
    pub due: u32,
    /// 0–100.
    pub(crate) rate: f64,
    pub red_tasks: u32,
}

impl Campaign {
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub fn task_index(&self, id: &str) -> Option<usize> {
        self.tasks.iter().position(|t| t.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub(crate) fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The review shown for checkpoint `n`: when two copies that both published it were
    /// merged, both are kept and the later one (in the file) shows.
    /// Who published checkpoint `n`'s review and when, as one phrase (`陈志远 11-23 发布`,
    /// `published by 陈志远 on 11-23`); `None` when the review says neither.
    pub(crate) fn publication(&self, n: u32) -> Option<crate::i18n::Text> {
        let r = self.review(n)?;
        let who =
            r.by.as_deref()
                .map(|p| self.person(p).map_or(p, |x| x.name.as_str()))
                .map(crate::sanitize::inert);
        let day = r.published_on.map(|d| d.format("%m-%d").to_string());
        Some(match (who, day) {
            (Some(who), Some(day)) => crate::tr!("{who} {day} 发布", "published by {who} on {day}"),
            (Some(who), None) => crate::tr!("{who} 发布", "published by {who}"),
            (None, Some(day)) => crate::tr!("{day} 发布", "published on {day}"),
            (None, None) => return None,
        })
    }

    pub fn review(&self, n: u32) -> Option<&Review> {
        self.reviews.iter().rev().find(|r| r.checkpoint == n)
    }

    /// The campaign as it stood on `today`: reviews published (dated) after it left out, so
    /// that the leaderboard shown, red counts and follow-up orders are those of that day.
    pub(crate) fn as_of(&self, today: NaiveDate) -> std::borrow::Cow<'_, Campaign> {
        if self.reviews.iter().all(|r| r.date <= today) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut then = self.clone();
        then.reviews.retain(|r| r.date <= today);
        std::borrow::Cow::Owned(then)
    }
}
