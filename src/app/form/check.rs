//! Checking a form: each field's text read as its kind, or why it cannot be.

use chrono::NaiveDate;

use super::{Field, Form, Kind, Value, choices, resolve};
use crate::app::dates;
use crate::app::lookup::Found;
use crate::domain::Campaign;
use crate::i18n::Text;
use crate::tr;

impl<P> Form<P> {
    /// Checks every field; on the first failure focuses it and keeps the message.
    pub(crate) fn check(&mut self, campaign: &Campaign) -> Option<Vec<(&'static str, Value)>> {
        let mut out = Vec::with_capacity(self.fields.len());
        for (i, field) in self.fields.iter().enumerate() {
            match check_field(campaign, field, self.today) {
                Ok(v) => out.push((field.key, v)),
                Err(why) => {
                    self.focus = i;
                    self.error = Some((i, why));
                    return None;
                }
            }
        }
        Some(out)
    }
}

/// The full date a date field written another way (`+3`, `12-10`, `明天`) stands for, to
/// show beside it; `None` when it is empty, already full, or not a date.
pub(crate) fn echo(field: &Field, today: Option<NaiveDate>) -> Option<NaiveDate> {
    if field.kind != Kind::Date {
        return None;
    }
    let raw = field.input.text().trim();
    let date = today.map_or_else(|| parse_date(raw), |t| dates::parse(raw, t))?;
    (raw != date.to_string()).then_some(date)
}

fn check_field(
    campaign: &Campaign,
    field: &Field,
    today: Option<NaiveDate>,
) -> Result<Value, Text> {
    let typed = field.input.text();
    let raw = typed.trim();
    let label = &field.label;
    if raw.is_empty() {
        return if field.required {
            Err(Text::new(
                format!("请填写{}", label.zh),
                format!("{} is required", label.en),
            ))
        } else {
            Ok(Value::Empty)
        };
    }
    match field.kind {
        // Text is stored as typed (not trimmed), and a field left as it opened gives back
        // what the file holds, byte for byte (the input shows it made inert).
        Kind::Text if typed == crate::sanitize::inert(&field.original) => {
            Ok(Value::Text(field.original.clone()))
        }
        Kind::Text => Ok(Value::Text(typed.to_owned())),
        Kind::Date => today
            .map_or_else(|| parse_date(raw), |t| dates::parse(raw, t))
            .map(Value::Date)
            .ok_or_else(|| {
                Text::new(
                    "日期写作 2026-09-01、12-10、+3、明天 或 周五",
                    "write a date like 2026-09-01, 12-10, +3, tomorrow or fri",
                )
            }),
        Kind::Number(lo, hi) => match raw.trim_end_matches('%').parse::<i64>() {
            Ok(n) if (lo..=hi).contains(&n) => Ok(Value::Number(n)),
            _ => Err(tr!(
                "请填 {lo} 到 {hi} 之间的整数",
                "enter a whole number from {lo} to {hi}"
            )),
        },
        Kind::Decimal => raw
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0)
            .map(Value::Decimal)
            .ok_or_else(|| Text::new("请填数字", "enter a number")),
        Kind::Units => {
            let mut ids: Vec<String> = Vec::new();
            let all = choices(campaign, Kind::Units);
            for part in raw
                .split(super::choices::UNIT_SEPARATORS)
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let Found::One(i) = resolve(campaign, Kind::Units, part) else {
                    let part = crate::sanitize::inert(part);
                    return Err(tr!(
                        "没有 `{part}`,请从列表中选择",
                        "there is no `{part}`; pick one from the list"
                    ));
                };
                if let Some((id, _)) = all.get(i)
                    && !ids.contains(id)
                {
                    ids.push(id.clone());
                }
            }
            Ok(Value::Text(ids.join(",")))
        }
        Kind::Category | Kind::Unit | Kind::Person | Kind::Task | Kind::Choice(_) | Kind::Flag => {
            let all = choices(campaign, field.kind);
            match resolve(campaign, field.kind, raw) {
                Found::One(i) => {
                    let id = all.get(i).map_or("", |(id, _)| id.as_str());
                    Ok(if field.kind == Kind::Flag {
                        Value::Flag(id == "yes")
                    } else {
                        Value::Text(id.to_owned())
                    })
                }
                Found::Many(ids) => {
                    let (raw, ids) = (crate::sanitize::inert(raw), ids.join("、"));
                    Err(tr!(
                        "`{raw}` 可指 {ids},请写完整",
                        "`{raw}` could be {ids}; write it in full"
                    ))
                }
                Found::None => {
                    let raw = crate::sanitize::inert(raw);
                    Err(tr!(
                        "没有 `{raw}`,请从列表中选择",
                        "there is no `{raw}`; pick one from the list"
                    ))
                }
            }
        }
    }
}

/// `2026-09-01` (or `2026-9-1`).
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}
