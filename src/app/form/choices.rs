//! What an id field offers: its choices (`名称 (id)`, or a fixed word in either language),
//! the ones matching what was typed, reading what was typed back to an id, and taking one.

use super::{Field, Form, Kind};
use crate::app::input::TextInput;
use crate::app::lookup::{Found, by_id_or_name};
use crate::domain::Campaign;
use crate::domain::light::TaskLight;
use crate::domain::status::Light;
use crate::i18n::{Lang, Text};

/// Ids and their names a picker offers: `(id, name)`; the stored value is always the id.
pub(crate) fn choices(campaign: &Campaign, kind: Kind) -> Vec<(String, Text)> {
    let same = |id: &str, name: &str| (id.to_owned(), Text::same(name.to_owned()));
    match kind {
        Kind::Category => campaign
            .categories
            .iter()
            .map(|c| {
                let en = c.en.clone().unwrap_or_else(|| c.name.clone());
                (c.id.clone(), Text::new(c.name.clone(), en))
            })
            .collect(),
        Kind::Unit | Kind::Units => campaign
            .units
            .iter()
            .map(|u| same(&u.id, &u.name))
            .collect(),
        Kind::Person => campaign
            .people
            .iter()
            .map(|p| same(&p.id, &p.name))
            .collect(),
        Kind::Task => campaign
            .tasks
            .iter()
            .map(|t| same(&t.id, &t.title))
            .collect(),
        Kind::Choice(words) => words.iter().map(|w| ((*w).to_owned(), word(w))).collect(),
        Kind::Flag => vec![
            ("yes".into(), Text::new("是", "yes")),
            ("no".into(), Text::new("否", "no")),
        ],
        _ => Vec::new(),
    }
}

/// A fixed word as each language says it (`red` is 红灯, `none` is 无).
fn word(w: &str) -> Text {
    match Light::parse(w) {
        Some(light) => TaskLight::from(light).word(),
        None if w == "none" => Text::new("无", "none"),
        None => Text::same(w.to_owned()),
    }
}

/// Whether a field of `kind` names a thing by id (shown `名称 (id)`), not a fixed word.
fn names_things(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Category | Kind::Unit | Kind::Units | Kind::Person | Kind::Task
    )
}

/// How a choice reads in a field and its list: `县财政局 (czj)`; a fixed word in the
/// interface language (`红灯` / `red`, `是` / `yes`).
pub(crate) fn shown(kind: Kind, id: &str, name: &Text, lang: Lang) -> String {
    let name = name.get(lang).trim();
    if !names_things(kind) {
        return name.to_owned();
    }
    if name.is_empty() || name == id {
        id.to_owned()
    } else {
        format!("{name} ({id})")
    }
}

/// The id the text `raw` names among the field's choices: by id (also short, `t4`), by
/// `名称 (id)`, by a name in either language, or the only choice its text fits.
pub(crate) fn resolve(campaign: &Campaign, kind: Kind, raw: &str) -> Found {
    let all = choices(campaign, kind);
    let shown: Vec<[String; 2]> = all
        .iter()
        .map(|(id, name)| [Lang::Zh, Lang::En].map(|l| shown(kind, id, name, l)))
        .collect();
    let entries: Vec<(&str, Vec<&str>)> = all
        .iter()
        .zip(&shown)
        .map(|((id, name), s)| {
            let names = vec![name.zh.as_str(), name.en.as_str(), &s[0], &s[1]];
            (id.as_str(), names)
        })
        .collect();
    match by_id_or_name(&entries, raw) {
        Found::None => {}
        found => return found,
    }
    let fits: Vec<usize> = (0..all.len())
        .filter(|&i| fits(&all[i].0, &all[i].1, raw))
        .collect();
    match fits.as_slice() {
        [one] => Found::One(*one),
        _ => Found::None,
    }
}

/// A choice fits typed text holding part of its id or one of its names (without case).
fn fits(id: &str, name: &Text, typed: &str) -> bool {
    let typed = typed.trim().to_lowercase();
    typed.is_empty()
        || [id, &name.zh, &name.en]
            .iter()
            .any(|s| s.to_lowercase().contains(&typed))
}

/// The choices matching what was typed (part of the id or a name, a short id, or the line
/// as shown), at most `max`: `(id, line as shown in each language)`.
pub(crate) fn suggestions(campaign: &Campaign, field: &Field, max: usize) -> Vec<(String, Text)> {
    let typed = picked_part(field);
    let all = choices(campaign, field.kind);
    let named = match resolve(campaign, field.kind, typed) {
        Found::One(i) => all.get(i).map(|(id, _)| id.clone()),
        _ => None,
    };
    all.into_iter()
        .filter(|(id, name)| fits(id, name, typed) || named.as_deref() == Some(id.as_str()))
        .take(max)
        .map(|(id, name)| {
            let line = Text::new(
                shown(field.kind, &id, &name, Lang::Zh),
                shown(field.kind, &id, &name, Lang::En),
            );
            (id, line)
        })
        .collect()
}

impl<P> Form<P> {
    /// Puts the highlighted suggestion into the focused id field, as it is shown, unless
    /// it already names one choice (then it is written out as shown).
    pub(crate) fn accept_pick(&mut self, campaign: &Campaign) {
        let (pick, lang) = (self.pick, self.lang);
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let all = choices(campaign, field.kind);
        if all.is_empty() || field.input.text().trim().is_empty() && !field.required {
            return;
        }
        if field.kind == Kind::Units {
            return accept_unit_pick(campaign, field, pick, lang);
        }
        let id = match resolve(campaign, field.kind, field.input.text()) {
            Found::One(i) => all.get(i).map(|(id, _)| id.clone()),
            _ => suggestions(campaign, field, usize::MAX)
                .get(pick)
                .map(|(id, _)| id.clone()),
        };
        if let Some((id, name)) = id.and_then(|id| all.into_iter().find(|(i, _)| *i == id)) {
            let text = shown(field.kind, &id, &name, lang);
            if text != field.input.text() {
                field.input = TextInput::new(&text);
            }
        }
    }

    /// Writes each id field's value (an id, as the file holds it) as it is shown:
    /// `县财政局 (czj)`, `红灯`, `否`. Called once the form is built.
    pub(crate) fn show_ids(&mut self, campaign: &Campaign) {
        let lang = self.lang;
        for field in &mut self.fields {
            let raw = field.input.text().trim().to_owned();
            if raw.is_empty() {
                continue;
            }
            let all = choices(campaign, field.kind);
            if let Some((id, name)) = all.iter().find(|(id, _)| *id == raw) {
                field.input = TextInput::new(&shown(field.kind, id, name, lang));
            }
        }
    }
}

/// Where several units are separated (配合单位): commas and semicolons, full-width (as a
/// Chinese input method types them) or not, and 、.
pub(crate) const UNIT_SEPARATORS: [char; 5] = [',', '\u{FF0C}', '、', ';', '\u{FF1B}'];

/// The part of an id field a pick replaces: all of it, or the last of several units.
fn picked_part(field: &Field) -> &str {
    let text = field.input.text().trim_end();
    match field.kind {
        Kind::Units => text
            .rsplit(UNIT_SEPARATORS)
            .next()
            .unwrap_or_default()
            .trim(),
        _ => text.trim_start(),
    }
}

/// In a field of several units, the last one typed becomes the one it names (or the
/// highlighted suggestion), as shown; the ones before it stay as typed.
fn accept_unit_pick(campaign: &Campaign, field: &mut Field, pick: usize, lang: Lang) {
    let part = picked_part(field).to_owned();
    if part.is_empty() {
        return;
    }
    let all = choices(campaign, Kind::Units);
    let id = match resolve(campaign, Kind::Units, &part) {
        Found::One(i) => all.get(i).map(|(id, _)| id.clone()),
        _ => suggestions(campaign, field, usize::MAX)
            .get(pick)
            .map(|(id, _)| id.clone()),
    };
    let Some((id, name)) = id.and_then(|id| all.into_iter().find(|(i, _)| *i == id)) else {
        return;
    };
    let text = field.input.text().trim_end();
    let kept = &text[..text.len() - picked_part(field).len()];
    let kept = kept.trim_end();
    let named = shown(Kind::Units, &id, &name, lang);
    let line = if kept.is_empty() {
        named
    } else {
        format!("{kept} {named}")
    };
    field.input = TextInput::new(&line);
}
