//! What a report says, computed from (campaign, today) and independent of the output format.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::Campaign;
use crate::domain::countdown::{Phase, next_checkpoint, phase};
use crate::domain::history::{describe, history};
use crate::domain::leaderboard::{Leaderboard, leaderboards_before};
use crate::domain::light::task_light;
use crate::domain::task_facts::{is_overdue, next_milestone};
use crate::i18n::Lang;

/// Dates serialise as `"YYYY-MM-DD"`.
mod ymd {
    use chrono::NaiveDate;
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub(crate) campaign: CampaignValues,
    pub(crate) tasks: Vec<TaskValues>,
    pub(crate) leaderboards: Vec<LeaderboardValues>,
    /// The ledger (台账): pledges and follow-up orders, in due order.
    pub(crate) ledger: LedgerValues,
}

#[derive(Debug, Serialize)]
pub(crate) struct LedgerValues {
    pub(crate) pledges: Vec<LedgerRowValues>,
    pub(crate) orders: Vec<LedgerRowValues>,
}

/// One ledger row; `unit`, `task` and `by` are ids, `state` is worded in the report's language.
#[derive(Debug, Serialize)]
pub(crate) struct LedgerRowValues {
    pub(crate) unit: Option<String>,
    pub(crate) task: Option<String>,
    pub(crate) text: String,
    #[serde(with = "ymd")]
    pub(crate) made: NaiveDate,
    pub(crate) due: Option<String>,
    pub(crate) state: String,
    pub(crate) late: bool,
    pub(crate) by: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CampaignValues {
    pub(crate) name: String,
    #[serde(with = "ymd")]
    pub(crate) today: NaiveDate,
    #[serde(with = "ymd")]
    pub(crate) start: NaiveDate,
    #[serde(with = "ymd")]
    pub(crate) end: NaiveDate,
    pub(crate) total: i64,
    pub(crate) phase: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) day: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) days_left: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) last_day: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) next_checkpoint: Option<CheckpointValues>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) starts_in: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) ended_ago: Option<i64>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CheckpointValues {
    pub(crate) number: usize,
    #[serde(with = "ymd")]
    pub(crate) date: NaiveDate,
    pub(crate) days_until: i64,
}

#[derive(Debug, Serialize)]
pub(crate) struct TaskValues {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) status: &'static str,
    pub(crate) light: &'static str,
    pub(crate) overridden: bool,
    pub(crate) reasons: Vec<String>,
    pub(crate) overdue: bool,
    /// Due a follow-up order (督办): red in each of the last three published reviews.
    pub(crate) follow_up: bool,
    pub(crate) next_milestone: Option<NextMilestone>,
    /// The task's history lines in file order, worded in the report's language.
    pub(crate) history: Vec<HistoryValues>,
}

#[derive(Debug, Serialize)]
pub(crate) struct HistoryValues {
    #[serde(with = "ymd")]
    pub(crate) date: NaiveDate,
    pub(crate) by: Option<String>,
    /// As the file writes it: 状态, 节点, 销号, 亮灯 or 问题.
    pub(crate) kind: String,
    pub(crate) text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct NextMilestone {
    pub(crate) title: String,
    #[serde(with = "ymd")]
    pub(crate) due: NaiveDate,
    pub(crate) days_until: i64,
}

#[derive(Debug, Serialize)]
pub(crate) struct LeaderboardValues {
    pub(crate) checkpoint: Option<usize>,
    #[serde(with = "ymd")]
    pub(crate) date: NaiveDate,
    pub(crate) done: u32,
    pub(crate) due: u32,
    pub(crate) units: Vec<UnitValues>,
    pub(crate) red_flag: Vec<String>,
    pub(crate) yellow_card: Vec<String>,
    pub(crate) red: Vec<String>,
    pub(crate) yellow: Vec<String>,
    /// The review frozen for this checkpoint, as the meeting saw it (which may differ from
    /// the ranking computed now, after late ticks); absent when not published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) published: Option<PublishedValues>,
}

/// A published review (`[[reviews]]`), as written when it was published.
#[derive(Debug, Serialize)]
pub(crate) struct PublishedValues {
    pub(crate) by: Option<String>,
    pub(crate) published_on: Option<String>,
    pub(crate) kind: String,
    pub(crate) note: Option<String>,
    pub(crate) overall_rate: f64,
    pub(crate) units: Vec<UnitValues>,
    pub(crate) red_flag: Vec<String>,
    pub(crate) yellow_card: Vec<String>,
    pub(crate) red: Vec<String>,
    pub(crate) yellow: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct UnitValues {
    pub(crate) unit: String,
    pub(crate) rank: u32,
    pub(crate) done: u32,
    pub(crate) due: u32,
    pub(crate) rate: f64,
    pub(crate) red_tasks: u32,
}

/// Gathers every value of the report for `today`; reasons are in `lang`.
pub fn gather(campaign: &Campaign, today: NaiveDate, lang: Lang) -> Report {
    let campaign = &*campaign.as_of(today);
    let follow_ups = crate::domain::follow_up::follow_ups(campaign);
    Report {
        campaign: campaign_values(campaign, today),
        tasks: campaign
            .tasks
            .iter()
            .enumerate()
            .map(|(i, task)| {
                let verdict = task_light(task, &campaign.rules.light, today);
                TaskValues {
                    id: task.id.clone(),
                    title: task.title.clone(),
                    status: task.status.key(),
                    light: verdict.light.key(),
                    overridden: verdict.overridden,
                    reasons: verdict
                        .reasons
                        .iter()
                        .map(|r| r.text(task).get(lang).to_owned())
                        .collect(),
                    overdue: is_overdue(task, today),
                    follow_up: follow_ups.get(i).copied().unwrap_or(false),
                    next_milestone: next_milestone(task).map(|m| NextMilestone {
                        title: m.title.clone(),
                        due: m.due,
                        days_until: (m.due - today).num_days(),
                    }),
                    history: history(&task.log)
                        .map(|e| HistoryValues {
                            date: e.date,
                            by: e.by.clone(),
                            kind: e.kind.clone().unwrap_or_default(),
                            text: describe(e, lang),
                        })
                        .collect(),
                }
            })
            .collect(),
        leaderboards: leaderboards_before(campaign, today)
            .into_iter()
            .map(|board| board_values(campaign, board))
            .collect(),
        ledger: ledger_values(campaign, today, lang),
    }
}

fn ledger_values(campaign: &Campaign, today: NaiveDate, lang: Lang) -> LedgerValues {
    use crate::domain::ledger::{LedgerOrder, Row, ledger};
    let l = ledger(campaign, today, LedgerOrder::Due);
    let row = |r: Row| LedgerRowValues {
        unit: r.unit,
        task: r.task,
        text: r.text,
        made: r.made,
        due: r.due.map(|d| d.to_string()),
        state: r.state.text().get(lang).to_owned(),
        late: r.state.is_late(),
        by: r.by,
    };
    LedgerValues {
        pledges: l.pledges.into_iter().map(row).collect(),
        orders: l.orders.into_iter().map(row).collect(),
    }
}

fn campaign_values(campaign: &Campaign, today: NaiveDate) -> CampaignValues {
    let info = &campaign.info;
    let mut values = CampaignValues {
        name: info.name.clone(),
        today,
        start: info.start,
        end: info.end,
        total: info.total_days(),
        phase: "running",
        day: None,
        days_left: None,
        last_day: None,
        next_checkpoint: None,
        starts_in: None,
        ended_ago: None,
    };
    match phase(info, today) {
        Phase::NotStarted { starts_in } => {
            values.phase = "not_started";
            values.starts_in = Some(starts_in);
        }
        Phase::Running { day, days_left } => {
            values.day = Some(day);
            values.days_left = Some(days_left);
            values.last_day = Some(false);
        }
        Phase::LastDay { day } => {
            values.day = Some(day);
            values.days_left = Some(0);
            values.last_day = Some(true);
        }
        Phase::Ended { ended_ago } => {
            values.phase = "ended";
            values.ended_ago = Some(ended_ago);
        }
    }
    if values.phase == "running" {
        values.next_checkpoint = next_checkpoint(info, today).map(|c| CheckpointValues {
            number: c.number,
            date: c.date,
            days_until: c.days_until,
        });
    }
    values
}

fn unit_values(u: &crate::domain::RankedUnit) -> UnitValues {
    UnitValues {
        unit: u.unit.clone(),
        rank: u.rank,
        done: u.done,
        due: u.due,
        rate: u.rate,
        red_tasks: u.red_tasks,
    }
}

fn published_values(r: &crate::domain::Review) -> PublishedValues {
    PublishedValues {
        by: r.by.clone(),
        published_on: r.published_on.map(|d| d.format("%Y-%m-%d").to_string()),
        kind: r.kind.clone(),
        note: r.note.clone(),
        overall_rate: r.overall_rate,
        units: r.units.iter().map(unit_values).collect(),
        red_flag: r.red_flag.clone(),
        yellow_card: r.yellow_card.clone(),
        red: r.red.clone(),
        yellow: r.yellow.clone(),
    }
}

fn board_values(campaign: &Campaign, board: Leaderboard) -> LeaderboardValues {
    let published = board
        .checkpoint
        .and_then(|n| campaign.review(u32::try_from(n).ok()?))
        .map(published_values);
    LeaderboardValues {
        published,
        checkpoint: board.checkpoint,
        date: board.date,
        done: board.done,
        due: board.due,
        units: board.units.iter().map(unit_values).collect(),
        red_flag: board.red_flag,
        yellow_card: board.yellow_card,
        red: board.red,
        yellow: board.yellow,
    }
}
