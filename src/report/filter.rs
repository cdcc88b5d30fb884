//! `bairi report … --unit U --sponsor P --light red --category C --overdue`: the report of
//! the tasks every criterion keeps (the board's filter, [`Filter`]), in every view and format.

use chrono::NaiveDate;

use crate::domain::Campaign;
use crate::domain::filter::Filter;
use crate::domain::light::{TaskLight, task_light};
use crate::i18n::Text;

/// A light to filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum LightArg {
    Red,
    Yellow,
    Green,
    /// Crossed off (销号).
    Done,
}

/// The criteria of `bairi report`; none given, every task.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct Only {
    /// Only the tasks this unit leads (牵头, a unit id).
    #[arg(long)]
    pub(crate) unit: Option<String>,
    /// Only the tasks this leader sponsors (包保, a person id).
    #[arg(long)]
    pub(crate) sponsor: Option<String>,
    /// Only the tasks of this light: red, yellow, green or done.
    #[arg(long, value_enum)]
    pub(crate) light: Option<LightArg>,
    /// Only the tasks of this category (an id).
    #[arg(long)]
    pub(crate) category: Option<String>,
    /// Only the tasks past their deadline and not finished.
    #[arg(long)]
    pub(crate) overdue: bool,
}

impl Only {
    /// The one filter of every criterion given, each id checked against the campaign.
    pub(crate) fn filter(&self, campaign: &Campaign) -> Result<Option<Filter>, Text> {
        use crate::domain::names::{What, resolve};
        let mut parts = Vec::new();
        if let Some(unit) = &self.unit {
            parts.push(Filter::LeadUnit(resolve(campaign, What::Unit, unit)?));
        }
        if let Some(person) = &self.sponsor {
            parts.push(Filter::Sponsor(resolve(campaign, What::Person, person)?));
        }
        if let Some(light) = self.light {
            parts.push(Filter::Light(match light {
                LightArg::Red => TaskLight::Red,
                LightArg::Yellow => TaskLight::Yellow,
                LightArg::Green => TaskLight::Green,
                LightArg::Done => TaskLight::Done,
            }));
        }
        if let Some(category) = &self.category {
            parts.push(Filter::Category(resolve(
                campaign,
                What::Category,
                category,
            )?));
        }
        if self.overdue {
            parts.push(Filter::Overdue);
        }
        Ok(Filter::of(parts))
    }
}

/// Keeps only the tasks `filter` keeps, judged on `today` (lights as the board shows them).
pub(crate) fn keep(campaign: &mut Campaign, filter: &Filter, today: NaiveDate) {
    let Campaign { rules, tasks, .. } = campaign;
    tasks.retain(|t| filter.keeps(t, &task_light(t, &rules.light, today), today));
}
