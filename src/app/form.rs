//! Forms: labelled one-line fields with pickers for ids and inline validation. A prompt is
//! a form of one field.

use chrono::NaiveDate;

use super::input::TextInput;
use crate::domain::Campaign;
use crate::i18n::Text;
use crate::tr;

/// Keys that edit a form (routed here instead of the keymap while a form is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKey {
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    DeleteWord,
    DeleteToStart,
    NextField,
    PrevField,
    Up,
    Down,
    Submit,
    Cancel,
}

/// What a field holds, and so how it is checked and what it offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    /// A whole number within bounds.
    Number(i64, i64),
    /// A decimal number (investment).
    Decimal,
    Category,
    Unit,
    Person,
    /// One of fixed words (`red`, `yellow`, `green`...).
    Choice(&'static [&'static str]),
    /// yes / no.
    Flag,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: &'static str,
    pub label: Text,
    pub kind: Kind,
    pub required: bool,
    pub input: TextInput,
    /// Holds the value it was opened with, untouched: the first character typed replaces it
    /// (drawn highlighted, like selected text).
    pub fresh: bool,
}

impl Field {
    pub fn new(key: &'static str, label: Text, kind: Kind, required: bool, value: &str) -> Field {
        Field {
            key,
            label,
            kind,
            required,
            input: TextInput::new(value),
            fresh: !value.is_empty(),
        }
    }
}

/// A checked value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(i64),
    Decimal(f64),
    Flag(bool),
}

impl Value {
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }

    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    pub fn number(&self) -> Option<i64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn decimal(&self) -> Option<f64> {
        match self {
            Value::Decimal(x) => Some(*x),
            Value::Number(n) => Some(*n as f64),
            _ => None,
        }
    }

    pub fn flag(&self) -> bool {
        matches!(self, Value::Flag(true))
    }
}

/// An open form: its purpose (what submitting does) is kept by the caller.
#[derive(Debug, Clone)]
pub struct Form<P> {
    pub purpose: P,
    pub title: Text,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The highlighted suggestion of the focused id field.
    pub pick: usize,
    /// The field a check failed on, and why.
    pub error: Option<(usize, Text)>,
    /// Today, for relative dates (`+3`, `明天`, `周五`); without it only full dates are read.
    pub today: Option<NaiveDate>,
}

/// Ids and names a picker offers: `(id, name)`.
pub fn choices(campaign: &Campaign, kind: Kind) -> Vec<(String, String)> {
    match kind {
        Kind::Category => campaign
            .categories
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        Kind::Unit => campaign
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
    let typed = field.input.text().trim().to_lowercase();
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
    pub fn new(purpose: P, title: Text, fields: Vec<Field>) -> Form<P> {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
            pick: 0,
            error: None,
            today: None,
        }
    }

    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn value(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.input.text())
    }

    /// Puts the highlighted suggestion into the focused id field unless it already holds an
    /// exact choice.
    pub fn accept_pick(&mut self, campaign: &Campaign) {
        let pick = self.pick;
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let all = choices(campaign, field.kind);
        if all.is_empty() || all.iter().any(|(id, _)| id == field.input.text().trim()) {
            return;
        }
        if let Some((id, _)) = suggestions(campaign, field, usize::MAX).get(pick) {
            field.input = TextInput::new(id);
        }
    }

    /// Applies an editing key; returns `Some(true)` on submit, `Some(false)` on cancel.
    pub fn key(&mut self, key: FieldKey, campaign: &Campaign) -> Option<bool> {
        let has_picks = self
            .fields
            .get(self.focus)
            .is_some_and(|f| !choices(campaign, f.kind).is_empty());
        match key {
            FieldKey::Submit => {
                self.accept_pick(campaign);
                return Some(true);
            }
            FieldKey::Cancel => return Some(false),
            FieldKey::NextField => {
                self.accept_pick(campaign);
                self.move_focus((self.focus + 1) % self.fields.len().max(1));
            }
            FieldKey::PrevField => {
                let n = self.fields.len().max(1);
                self.move_focus((self.focus + n - 1) % n);
            }
            FieldKey::Down if has_picks => self.pick += 1,
            FieldKey::Up if has_picks => self.pick = self.pick.saturating_sub(1),
            FieldKey::Down => {
                self.move_focus((self.focus + 1).min(self.fields.len().saturating_sub(1)));
            }
            FieldKey::Up => self.move_focus(self.focus.saturating_sub(1)),
            edit => {
                if let Some(field) = self.fields.get_mut(self.focus) {
                    // Backspace or Delete on an untouched value clears it, as on selected text.
                    if field.fresh && matches!(edit, FieldKey::Backspace | FieldKey::Delete) {
                        field.input.clear();
                    } else {
                        edit_text(&mut field.input, edit);
                    }
                    field.fresh = false;
                }
                self.pick = 0;
            }
        }
        if let Some(field) = self.fields.get(self.focus) {
            let max = suggestions(campaign, field, usize::MAX).len();
            self.pick = self.pick.min(max.saturating_sub(1));
        }
        self.error = None;
        None
    }

    pub fn type_char(&mut self, c: char) {
        if let Some(field) = self.focused() {
            if field.fresh {
                field.input.clear();
                field.fresh = false;
            }
            field.input.insert(&c.to_string());
        }
        self.pick = 0;
        self.error = None;
    }

    /// Focus moves to field `to`: a date written `+3` or `周五` in the field left is
    /// written out in full, and the value of the field reached is selected (typing replaces it).
    fn move_focus(&mut self, to: usize) {
        let today = self.today;
        if let Some(date) = self.fields.get(self.focus).and_then(|f| echo(f, today))
            && let Some(field) = self.fields.get_mut(self.focus)
        {
            field.input = TextInput::new(&date.to_string());
        }
        self.focus = to;
        self.pick = 0;
        if let Some(field) = self.fields.get_mut(to) {
            field.fresh = !field.input.text().is_empty();
        }
    }

    /// Checks every field; on the first failure focuses it and keeps the message.
    pub fn check(&mut self, campaign: &Campaign) -> Option<Vec<(&'static str, Value)>> {
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

/// Applies a text-editing key to an input (other keys do nothing).
pub fn edit_text(input: &mut TextInput, key: FieldKey) {
    match key {
        FieldKey::Backspace => input.backspace(),
        FieldKey::Delete => input.delete(),
        FieldKey::Left => input.left(),
        FieldKey::Right => input.right(),
        FieldKey::Home => input.home(),
        FieldKey::End => input.end(),
        FieldKey::DeleteWord => input.delete_word(),
        FieldKey::DeleteToStart => input.delete_to_start(),
        _ => {}
    }
}

/// The full date a date field written another way (`+3`, `12-10`, `明天`) stands for, to
/// show beside it; `None` when it is empty, already full, or not a date.
pub fn echo(field: &Field, today: Option<NaiveDate>) -> Option<NaiveDate> {
    if field.kind != Kind::Date {
        return None;
    }
    let raw = field.input.text().trim();
    let date = today.map_or_else(|| parse_date(raw), |t| super::dates::parse(raw, t))?;
    (raw != date.to_string()).then_some(date)
}

fn check_field(
    campaign: &Campaign,
    field: &Field,
    today: Option<NaiveDate>,
) -> Result<Value, Text> {
    let raw = field.input.text().trim();
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
        Kind::Text => Ok(Value::Text(raw.to_owned())),
        Kind::Date => today
            .map_or_else(|| parse_date(raw), |t| super::dates::parse(raw, t))
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
        Kind::Flag => match raw {
            "yes" | "y" | "是" | "true" => Ok(Value::Flag(true)),
            "no" | "n" | "否" | "false" => Ok(Value::Flag(false)),
            _ => Err(Text::new("请填 yes 或 no(是/否)", "enter yes or no")),
        },
        Kind::Category | Kind::Unit | Kind::Person | Kind::Choice(_) => {
            if choices(campaign, field.kind)
                .iter()
                .any(|(id, _)| id == raw)
            {
                Ok(Value::Text(raw.to_owned()))
            } else {
                Err(tr!(
                    "没有 `{raw}`,请从列表中选择",
                    "there is no `{raw}`; pick one from the list"
                ))
            }
        }
    }
}

/// `2026-09-01` (or `2026-9-1`).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;
    use crate::domain::test_support::{campaign, task};

    fn form() -> Form<()> {
        Form::new(
            (),
            Text::same("t"),
            vec![
                Field::new("text", Text::new("内容", "Text"), Kind::Text, true, ""),
                Field::new("owner", Text::new("单位", "Unit"), Kind::Unit, false, ""),
                Field::new("due", Text::new("限期", "Due"), Kind::Date, false, ""),
            ],
        )
    }

    #[test]
    fn required_fields_and_bad_dates_fail_inline() {
        let c = campaign(
            vec![task("T1", "zjj", Status::InProgress, "2026-12-01", &[])],
            &["zjj", "jtj"],
        );
        let mut f = form();
        assert!(f.check(&c).is_none());
        assert_eq!(f.error.as_ref().map(|(i, _)| *i), Some(0));
        f.type_char('问');
        f.key(FieldKey::NextField, &c);
        f.key(FieldKey::NextField, &c);
        for ch in "next week".chars() {
            f.type_char(ch);
        }
        assert!(f.check(&c).is_none());
        assert_eq!(f.focus, 2);
        assert!(f.error.as_ref().unwrap().1.en.contains("2026-09-01"));
    }

    #[test]
    fn pickers_offer_matching_ids_and_accept_on_tab() {
        let c = campaign(vec![], &["zjj", "jtj"]);
        let mut f = form();
        f.key(FieldKey::NextField, &c);
        f.type_char('j');
        f.type_char('t');
        assert_eq!(
            suggestions(&c, &f.fields[1], 5),
            vec![("jtj".to_owned(), "jtj".to_owned())]
        );
        f.key(FieldKey::NextField, &c);
        assert_eq!(f.value("owner"), "jtj");
        f.key(FieldKey::PrevField, &c);
        f.key(FieldKey::DeleteToStart, &c);
        f.key(FieldKey::End, &c);
        f.key(FieldKey::DeleteToStart, &c);
        f.type_char('x');
        f.key(FieldKey::NextField, &c);
        f.fields[0].input = TextInput::new("内容");
        assert!(f.check(&c).is_none());
        assert!(f.error.as_ref().unwrap().1.en.contains("no `x`"));
    }
}
