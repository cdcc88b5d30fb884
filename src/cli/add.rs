//! `bairi add FILE --title … --category … --lead-unit … --deadline …`: a new task, as the
//! board's `a` form adds it, with its milestones; prints the new id.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Stamp;
use super::names::{What, resolve};
use crate::domain::Campaign;
use crate::i18n::Text;
use crate::store::edit::task_fields::{MilestoneFields, TaskFields};
use crate::tr;

/// `bairi add`.
#[derive(Debug, clap::Args)]
pub(crate) struct AddArgs {
    pub(crate) file: PathBuf,
    /// The task's full name.
    #[arg(long)]
    pub(crate) title: String,
    /// Its category (an id of [[categories]]).
    #[arg(long)]
    pub(crate) category: String,
    /// The unit ranked for it (牵头单位, an id of [[units]]).
    #[arg(long)]
    pub(crate) lead_unit: String,
    /// 完成时限 (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub(crate) deadline: NaiveDate,
    /// Its start (YYYY-MM-DD); default today.
    #[arg(long, value_parser = super::parse_date)]
    pub(crate) start: Option<NaiveDate>,
    /// The sponsoring leader (包保领导, a person id).
    #[arg(long)]
    pub(crate) leader: Option<String>,
    /// The person responsible (责任人, a person id).
    #[arg(long)]
    pub(crate) owner: Option<String>,
    /// A milestone, `title@YYYY-MM-DD`; repeat for more.
    #[arg(long = "milestone")]
    pub(crate) milestones: Vec<String>,
    #[command(flatten)]
    pub(crate) stamp: Stamp,
}

/// What `bairi add` asks for, before the file is read.
pub(crate) struct NewTask {
    pub(crate) fields: TaskFields,
    pub(crate) start: Option<NaiveDate>,
    pub(crate) milestones: Vec<String>,
}

impl AddArgs {
    pub(crate) fn new_task(&self) -> NewTask {
        NewTask {
            fields: TaskFields {
                title: self.title.clone(),
                category: self.category.clone(),
                lead_unit: Some(self.lead_unit.clone()),
                leader: self.leader.clone(),
                owner: self.owner.clone(),
                deadline: Some(self.deadline),
                ..TaskFields::default()
            },
            start: self.start,
            milestones: self.milestones.clone(),
        }
    }
}

/// The task's fields and milestones, every reference and date checked; start is `today`
/// unless given.
pub(crate) fn fields(
    campaign: &Campaign,
    new: NewTask,
    today: NaiveDate,
) -> Result<(TaskFields, Vec<MilestoneFields>), Text> {
    let mut fields = new.fields;
    if fields.title.trim().is_empty() {
        return Err(Text::new("任务名称不能为空", "a task needs a title"));
    }
    // Each reference by id, short id or name, written as the id.
    let named =
        |what: What, typed: Option<String>| typed.map(|t| resolve(campaign, what, &t)).transpose();
    fields.category = resolve(campaign, What::Category, &fields.category)?;
    fields.lead_unit = named(What::Unit, fields.lead_unit.take())?;
    fields.leader = named(What::Person, fields.leader.take())?;
    fields.owner = named(What::Person, fields.owner.take())?;
    let start = new.start.unwrap_or(today);
    if let Some(deadline) = fields.deadline.filter(|d| *d < start) {
        return Err(tr!(
            "完成时限 {deadline} 早于开始日期 {start};文件未改动",
            "the deadline {deadline} is before the start {start}; the file is unchanged"
        ));
    }
    fields.start = Some(start);
    let milestones = new
        .milestones
        .iter()
        .map(|m| milestone(m))
        .collect::<Result<Vec<_>, Text>>()?;
    Ok((fields, milestones))
}

/// `title@2026-09-01`.
fn milestone(given: &str) -> Result<MilestoneFields, Text> {
    let shown = crate::sanitize::inert(given);
    let wrong = || {
        tr!(
            "--milestone `{shown}` 应写成 标题@日期,例如 \"完成征收@2026-09-01\";文件未改动",
            "--milestone `{shown}` should be title@date, e.g. \"land acquired@2026-09-01\"; the file is unchanged"
        )
    };
    let (title, due) = given.rsplit_once('@').ok_or_else(wrong)?;
    let due = super::parse_date(due.trim()).map_err(|_| wrong())?;
    if title.trim().is_empty() {
        return Err(wrong());
    }
    Ok(MilestoneFields {
        title: title.trim().to_owned(),
        due,
        unit: None,
    })
}
