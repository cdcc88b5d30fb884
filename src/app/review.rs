//! The review meeting (督评会) as one keyboard path, in five steps: publish the latest past
//! checkpoint, record the yellow-card units' pledges, check the pledges due, issue the
//! follow-up orders due, and write the text briefing beside the campaign. This is the flow's
//! state and what each step lists; its keys are in `update::review`.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::state::mode::View;
use crate::domain::Campaign;
use crate::domain::countdown::past_checkpoints;
use crate::domain::follow_up::FollowUp;
use crate::domain::leaderboard::{Leaderboard, leaderboard_at};
use crate::domain::pledge::pledges_due;
use crate::i18n::Text;
use crate::tr;

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Publish,
    Pledges,
    Checks,
    FollowUps,
    Briefing,
}

impl Step {
    pub(crate) const ALL: [Step; 5] = [
        Step::Publish,
        Step::Pledges,
        Step::Checks,
        Step::FollowUps,
        Step::Briefing,
    ];

    /// 1 to 5.
    pub(crate) fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub(crate) fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub(crate) fn label(self) -> Text {
        match self {
            Step::Publish => Text::new("发布擂台榜", "publish"),
            Step::Pledges => Text::new("黄牌承诺", "pledges"),
            Step::Checks => Text::new("核查承诺", "check pledges"),
            Step::FollowUps => Text::new("督办", "follow-up orders"),
            Step::Briefing => Text::new("简报", "briefing"),
        }
    }

    /// `第2步/共5步 · 黄牌承诺`.
    pub(crate) fn indicator(self) -> Text {
        let (n, total) = (self.number(), Step::ALL.len());
        let label = self.label();
        Text::new(
            format!("第{n}步/共{total}步 · {}", label.zh),
            format!("step {n} of {total} · {}", label.en),
        )
    }
}

/// One thing a step goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Publish checkpoint N.
    Publish(usize),
    /// A yellow-card unit, to record its pledge.
    Unit(String),
    /// A pledge due (its index in `commitments`), to mark kept or broken.
    Pledge(usize),
    /// A task due a follow-up order (by id).
    Task(String),
}

/// What became of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Open,
    Done,
    Skipped,
    Kept,
    Broken,
}

/// The flow while it runs.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewFlow {
    pub step: Step,
    pub items: Vec<(Item, Outcome)>,
    /// The item the cursor is on; `items.len()` once the step is through.
    pub(crate) pos: usize,
    /// The view Esc goes back to.
    pub(crate) from: View,
    /// The checkpoint reviewed: the latest one before today.
    pub(crate) checkpoint: Option<(usize, NaiveDate)>,
    /// What the step says above its list (already published, nothing to do…).
    pub(crate) note: Option<Text>,
    /// A form the flow opened is up: its closing moves the flow on.
    pub(crate) awaiting: bool,
    /// Where the briefing was written.
    pub(crate) briefing: Option<PathBuf>,
}

impl ReviewFlow {
    pub(crate) fn new(campaign: &Campaign, today: NaiveDate, from: View) -> ReviewFlow {
        let mut flow = ReviewFlow {
            step: Step::Publish,
            items: Vec::new(),
            pos: 0,
            from,
            checkpoint: past_checkpoints(&campaign.info, today).last().copied(),
            note: None,
            awaiting: false,
            briefing: None,
        };
        flow.enter(Step::Publish, campaign, today, &[]);
        flow
    }

    /// Goes to `step` and lists its items; `follow_ups` are the board's states per task.
    pub(crate) fn enter(
        &mut self,
        step: Step,
        campaign: &Campaign,
        today: NaiveDate,
        follow_ups: &[Option<FollowUp>],
    ) {
        self.step = step;
        self.note = None;
        self.awaiting = false;
        self.items = match step {
            Step::Publish => self.publish_items(campaign),
            Step::Pledges => self.bench(campaign, today),
            Step::Checks => pledges_due(campaign, today)
                .into_iter()
                .map(|(i, _)| (Item::Pledge(i), Outcome::Open))
                .collect(),
            Step::FollowUps => campaign
                .tasks
                .iter()
                .zip(follow_ups)
                .filter_map(|(t, s)| {
                    let done = match s {
                        Some(FollowUp::Due) => Outcome::Open,
                        Some(FollowUp::Issued) => Outcome::Done,
                        None => return None,
                    };
                    Some((Item::Task(t.id.clone()), done))
                })
                .collect(),
            Step::Briefing => Vec::new(),
        };
        if self.items.is_empty() && self.note.is_none() {
            self.note = Some(match step {
                Step::Pledges => {
                    Text::new("本次没有黄牌单位", "no unit is on the yellow-card bench")
                }
                Step::Checks => Text::new("没有到期待查的承诺", "no pledge is due to be checked"),
                Step::FollowUps => Text::new(
                    "没有连续三次红灯、需要督办的任务",
                    "no task was red at the last three reviews",
                ),
                _ => Text::same(""),
            });
        }
        self.pos = self.first_open(0);
    }

    fn publish_items(&mut self, campaign: &Campaign) -> Vec<(Item, Outcome)> {
        let Some((n, _)) = self.checkpoint else {
            self.note = Some(Text::new(
                "今天之前还没有攻坚节点,没有可发布的擂台榜",
                "no checkpoint has passed yet: nothing to publish",
            ));
            return Vec::new();
        };
        if published(campaign, n) {
            self.note = Some(tr!(
                "第{n}节点擂台榜已发布,继续下一步",
                "checkpoint {n} is already published; go on"
            ));
            return vec![(Item::Publish(n), Outcome::Done)];
        }
        vec![(Item::Publish(n), Outcome::Open)]
    }

    /// The yellow-card units of the checkpoint reviewed: as published, else as computed.
    fn bench(&self, campaign: &Campaign, today: NaiveDate) -> Vec<(Item, Outcome)> {
        self.board(campaign)
            .map(|b| b.yellow_card)
            .unwrap_or_default()
            .into_iter()
            .map(|u| {
                // A unit whose pledge is still to be checked is shown it, not asked again.
                let open = crate::domain::ledger::running_pledge(campaign, &u, today).is_some();
                (
                    Item::Unit(u),
                    if open { Outcome::Done } else { Outcome::Open },
                )
            })
            .collect()
    }

    /// The leaderboard of the checkpoint reviewed.
    pub(crate) fn board(&self, campaign: &Campaign) -> Option<Leaderboard> {
        let (n, date) = self.checkpoint?;
        Some(match campaign.review(n as u32) {
            Some(review) => Leaderboard::from_review(review),
            None => leaderboard_at(campaign, Some(n), date),
        })
    }

    /// The first item at or after `from` still open, else the end.
    pub(crate) fn first_open(&self, from: usize) -> usize {
        (from..self.items.len())
            .find(|&i| self.items[i].1 == Outcome::Open)
            .unwrap_or(self.items.len())
    }

    pub(crate) fn current(&self) -> Option<&(Item, Outcome)> {
        self.items.get(self.pos)
    }

    /// Records what became of the current item and moves to the next one still open.
    pub(crate) fn settle(&mut self, outcome: Outcome) {
        if let Some(item) = self.items.get_mut(self.pos) {
            item.1 = outcome;
        }
        self.pos = self.first_open(self.pos + 1);
    }
}

fn published(campaign: &Campaign, n: usize) -> bool {
    campaign.reviews.iter().any(|r| r.checkpoint as usize == n)
}
