//! `bairi problem FILE TASK --text …` logs a problem (prints its id); `bairi resolve FILE
//! PROBLEM --result …` resolves one. Both are the board's edits (`p`, `r` in the details).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Stamp;
use crate::domain::Campaign;
use crate::i18n::Text;
use crate::store::edit::apply::Edit as Change;
use crate::store::file::NewProblem;
use crate::tr;

/// `bairi problem`.
#[derive(Debug, clap::Args)]
pub(crate) struct ProblemArgs {
    pub(crate) file: PathBuf,
    pub(crate) task: String,
    /// What the problem is.
    #[arg(long)]
    pub(crate) text: String,
    /// The unit that must solve it (its id).
    #[arg(long)]
    pub(crate) unit: Option<String>,
    /// Fix-by date (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub(crate) due: Option<NaiveDate>,
    /// Its kind (派单, 督办, 资金, 用地…), as the office names them.
    #[arg(long)]
    pub(crate) kind: Option<String>,
    /// It blocks the task (a 堵点).
    #[arg(long)]
    pub(crate) blocking: bool,
    #[command(flatten)]
    pub(crate) stamp: Stamp,
}

/// `bairi resolve`.
#[derive(Debug, clap::Args)]
pub(crate) struct ResolveArgs {
    pub(crate) file: PathBuf,
    /// The problem's id (T03-P2).
    pub(crate) problem: String,
    /// What was done: a line on the results list (成果清单).
    #[arg(long)]
    pub(crate) result: String,
    #[command(flatten)]
    pub(crate) stamp: Stamp,
}

impl ProblemArgs {
    pub(crate) fn problem(&self) -> NewProblem {
        NewProblem {
            text: self.text.clone(),
            kind: self.kind.clone().filter(|k| !k.trim().is_empty()),
            blocking: self.blocking,
            owner: self.unit.clone(),
            coordinator: None,
            due: self.due,
        }
    }
}

/// The problem's unit checked first, so a wrong one is named with the list to choose from.
pub(crate) fn add(
    campaign: &Campaign,
    task: String,
    mut problem: NewProblem,
) -> Result<Change, Text> {
    use super::names::{What, resolve};
    problem.owner = problem
        .owner
        .map(|unit| resolve(campaign, What::Unit, &unit))
        .transpose()?;
    Ok(Change::AddProblem { task, problem })
}

/// What resolving `problem` asks: `None` when it is already resolved with this result.
pub(crate) fn resolve(
    campaign: &Campaign,
    problem: &str,
    result: &str,
) -> Result<Option<Change>, Text> {
    let found = campaign.tasks.iter().find_map(|t| {
        t.problems
            .iter()
            .find(|p| p.id == problem)
            .map(|p| (t.id.clone(), p))
    });
    let Some((task, p)) = found else {
        let shown = crate::sanitize::inert(problem);
        return Err(tr!(
            "没有问题 {shown}(问题编号形如 T03-P2)",
            "there is no problem {shown} (problem ids look like T03-P2)"
        ));
    };
    if p.resolved {
        if p.result.as_deref().unwrap_or("").trim() == result.trim() {
            return Ok(None);
        }
        let on = p.resolved_on.map(|d| d.to_string()).unwrap_or_default();
        return Err(tr!(
            "{problem} 已于 {on} 解决,结果不同;文件未改动",
            "{problem} was already resolved on {on} with another result; the file is unchanged"
        ));
    }
    Ok(Some(Change::ResolveProblem {
        task,
        problem: problem.to_owned(),
        result: result.to_owned(),
    }))
}
