//! A conflict as the board shows it, read from the merge's values: where two versions of a
//! list differ. The store parses; the conflict list (`ui/conflicts.rs`) only draws.

/// Where two versions of a list (milestones, problems) differ: the first item that does
/// (1-based) and, for tables, only its keys that differ on each side. `None` when the values
/// are not lists, or differ only in length.
pub(crate) fn narrow(mine: &str, theirs: &str) -> Option<(usize, String, String)> {
    use toml_edit::Value;
    let (Ok(Value::Array(a)), Ok(Value::Array(b))) =
        (mine.parse::<Value>(), theirs.parse::<Value>())
    else {
        return None;
    };
    let plain = |v: &Value| {
        let mut v = v.clone();
        v.decor_mut().clear();
        v.to_string()
    };
    let (i, (x, y)) = a
        .iter()
        .zip(b.iter())
        .enumerate()
        .find(|(_, (x, y))| plain(x) != plain(y))?;
    let (Value::InlineTable(x), Value::InlineTable(y)) = (x, y) else {
        return Some((i + 1, plain(x), plain(y)));
    };
    let side = |t: &toml_edit::InlineTable, other: &toml_edit::InlineTable| {
        let keys: Vec<String> = t
            .iter()
            .filter(|(k, v)| other.get(k).map(plain) != Some(plain(v)))
            .map(|(k, v)| format!("{k} = {}", plain(v).trim()))
            .collect();
        if keys.is_empty() {
            "—".to_owned()
        } else {
            keys.join(", ")
        }
    };
    Some((i + 1, side(x, y), side(y, x)))
}

#[cfg(test)]
mod tests {
    use super::narrow;

    #[test]
    fn a_milestone_conflict_names_the_item_and_the_keys_that_differ() {
        let mine = r#"[{ title = "甲", due = 2026-09-14, done = true, done_on = 2026-09-10 }, { title = "乙", due = 2026-12-03, done = true, done_on = 2026-12-03 }]"#;
        let theirs = r#"[{ title = "甲", due = 2026-09-14, done = true, done_on = 2026-09-10 }, { title = "乙", due = 2026-12-03, done = true, done_on = 2026-11-25 }]"#;
        assert_eq!(
            narrow(mine, theirs),
            Some((
                2,
                "done_on = 2026-12-03".to_owned(),
                "done_on = 2026-11-25".to_owned()
            ))
        );
        assert_eq!(narrow("\"推进中\"", "\"受阻\""), None);
    }
}
