//! The back-scheduling forms (倒排工期, `b`): steps with days, counted back from the deadline,
//! then the proposed milestones to confirm (a form without fields).

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use super::schedule::{back_schedule, parse_steps, started_in_the_past};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::store::edit::task_fields::MilestoneFields;
use crate::tr;

const FIELDS: &[FieldDef] = &[
    field(
        "steps",
        (
            "如 签约 10, 腾空 15, 拆除 7",
            "e.g. sign 10, vacate 15, demolish 7",
        ),
        Kind::Text,
        true,
        "",
    ),
    field(
        "snap",
        (
            "对齐到之前的攻坚节点(是/否)",
            "Snap to the earlier checkpoint (yes/no)",
        ),
        Kind::Flag,
        false,
        "no",
    ),
];

pub(crate) fn spec(id: &str) -> Spec {
    let title = tr!(
        "{id} 倒排工期:步骤 天数,逗号分隔",
        "{id} back-schedule: steps with days, comma-separated"
    );
    Spec::new(title, FIELDS, &[])
}

/// Counts the steps back and opens the proposals to confirm, warning of steps that would
/// have started before today.
pub(crate) fn submit(model: &mut Model, task: String, v: &Values) -> Result<Done, Text> {
    let steps = parse_steps(&v.string("steps"))?;
    let Some(t) = model.campaign().task(&task) else {
        return Err(tr!("没有任务 {task}", "there is no task {task}"));
    };
    let checkpoints = model.campaign().info.checkpoints.as_slice();
    let snap = v.flag("snap").then_some(checkpoints);
    let proposals = back_schedule(t.deadline, &steps, snap);
    let late = started_in_the_past(t.deadline, &steps, model.today);
    super::open(
        model,
        super::Purpose::BackScheduleReview { task, proposals },
    );
    if let Some(form) = model.form_mut() {
        form.notes.extend(late);
    }
    Ok(Done::Reopened)
}

pub(crate) fn review_spec(id: &str) -> Spec {
    let title = tr!(
        "{id} 倒排结果:Enter 添加为节点,Esc 取消",
        "{id} proposed milestones: Enter adds them, Esc cancels"
    );
    Spec::new(title, &[], &[])
}

/// Adds the proposed milestones.
pub(crate) fn confirm(
    model: &mut Model,
    task: String,
    proposals: Vec<MilestoneFields>,
) -> Result<Done, Text> {
    let n = proposals.len();
    let add = Edit::AddMilestones {
        task: task.clone(),
        milestones: proposals,
    };
    make(model, add, |_| {
        tr!("{task} 已添加 {n} 个节点", "{task}: {n} milestones added")
    })
}
