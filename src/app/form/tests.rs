//! Inline checking and pickers, driven by keys as a user types.

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
        vec![("jtj".to_owned(), Text::same("jtj"))]
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
