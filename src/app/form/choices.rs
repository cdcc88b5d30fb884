//! What an id field offers: its choices, the ones matching what was typed, and taking one.

use super::{Field, Form, Kind};
use crate::app::input::TextInput;
use crate::domain::Campaign;

/// Ids and names a picker offers: `(id, name)`.
pub fn choices(campaign: &Campaign, kind: Kind) -> Vec<(String, String)> {
    match kind {
        Kind::Category => campaign
            .categories
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        Kind::Unit | Kind::Units => campaign
            .units
            .iter()
            .map(|u| (u.id.clone(), u.name.clone()))
            .collect(),
        Kind::Person => campaign
            .people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        Kind::Choice(words) => words
            .iter()
            .map(|w| ((*w).to_owned(), (*w).to_owned()))
            .collect(),
        Kind::Flag => vec![("yes".into(), "是".into()), ("no".into(), "否".into())],
        _ => Vec::new(),
    }
}

/// The choices matching what was typed (by id or name, case-insensitive), at most `max`.
pub fn suggestions(campaign: &Campaign, field: &Field, max: usize) -> Vec<(String, String)> {
    let typed = picked_part(field).to_lowercase();
    choices(campaign, field.kind)
        .into_iter()
        .filter(|(id, name)| {
            typed.is_empty()
                || id.to_lowercase().contains(&typed)
                || name.to_lowercase().contains(&typed)
        })
        .take(max)
        .collect()
}

impl<P> Form<P> {
    /// Puts the highlighted suggestion into the focused id field unless it already holds an
    /// exact choice.
    pub fn accept_pick(&mut self, campaign: &Campaign) {
        let pick = self.pick;
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let all = choices(campaign, field.kind);
        let part = picked_part(field);
        if all.is_empty() || all.iter().any(|(id, _)| id == part) {
            return;
        }
        if field.kind == Kind::Units && part.is_empty() {
            return;
        }
        if let Some((id, _)) = suggestions(campaign, field, usize::MAX).get(pick) {
            let text = field.input.text();
            let kept = text.trim_end().len() - part.len();
            field.input = TextInput::new(&format!("{}{id}", &text[..kept]));
        }
    }
}

/// Where several units are separated.
pub const UNIT_SEPARATORS: [char; 6] = [',', ',', '、', ';', ';', ' '];

/// The part of an id field a pick replaces: all of it, or the last of several units.
fn picked_part(field: &Field) -> &str {
    let text = field.input.text().trim_end();
    match field.kind {
        Kind::Units => text.rsplit(UNIT_SEPARATORS).next().unwrap_or_default(),
        _ => text.trim_start(),
    }
}
