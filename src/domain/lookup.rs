//! One resolver for what a person types where an id belongs, used by every form, the `:`
//! jump and every command: the id as written, without case, with numbers as numbers
//! (`t4` = `T004`), the bare number (`4` = `T004`), `名称 (id)`, or the name itself.

/// A piece of an id: a run of digits (as a number) or of anything else (lower case).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Piece {
    Number(u128),
    Word(String),
}

/// `T008` → [t, 8]; `jtj-2` → [jtj-, 2]: how ids compare and how a typed id is matched.
pub fn id_pieces(id: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = id.trim().chars().peekable();
    while let Some(&c) = chars.peek() {
        let digit = c.is_ascii_digit();
        let mut run = String::new();
        while let Some(&d) = chars.peek() {
            if d.is_ascii_digit() != digit {
                break;
            }
            run.push(d);
            chars.next();
        }
        out.push(match run.parse::<u128>() {
            Ok(n) if digit => Piece::Number(n),
            _ => Piece::Word(run.to_lowercase()),
        });
    }
    out
}

/// What a typed id or name names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    One(usize),
    /// Several fit (`t8` when both `T8` and `T08` exist): their ids.
    Many(Vec<String>),
    None,
}

/// Which of `ids` the text `typed` names, by id only (exact first, then more forgiving).
pub fn by_id(ids: &[&str], typed: &str) -> Found {
    let typed = typed.trim();
    if typed.is_empty() {
        return Found::None;
    }
    if let Some(i) = ids.iter().position(|id| *id == typed) {
        return Found::One(i);
    }
    let lower = typed.to_lowercase();
    let pieces = id_pieces(typed);
    let number = match pieces.as_slice() {
        [Piece::Number(n)] => Some(*n),
        _ => None,
    };
    let tries: [&dyn Fn(&str) -> bool; 3] = [
        &|id: &str| id.to_lowercase() == lower,
        &|id: &str| id_pieces(id) == pieces,
        // A bare number stands for a word and that number: `4` = `T004`, `c4`.
        &|id: &str| {
            number.is_some_and(|n| {
                matches!(id_pieces(id).as_slice(), [Piece::Word(_), Piece::Number(m)] if *m == n)
            })
        },
    ];
    for fits in tries {
        let hits: Vec<usize> = (0..ids.len()).filter(|&i| fits(ids[i])).collect();
        match hits.as_slice() {
            [] => {}
            [one] => return Found::One(*one),
            many => return Found::Many(many.iter().map(|&i| ids[i].to_owned()).collect()),
        }
    }
    Found::None
}

/// Which of `entries` (`(id, names)`) the text `typed` names: by id as [`by_id`] reads it,
/// then written `名称 (id)`, then by one of its names (without case).
pub fn by_id_or_name(entries: &[(&str, Vec<&str>)], typed: &str) -> Found {
    let ids: Vec<&str> = entries.iter().map(|(id, _)| *id).collect();
    let typed = typed.trim();
    match by_id(&ids, typed) {
        Found::None => {}
        found => return found,
    }
    if let Some(inner) = in_brackets(typed)
        && let Some(i) = ids.iter().position(|id| *id == inner)
    {
        return Found::One(i);
    }
    let lower = typed.to_lowercase();
    let hits: Vec<usize> = (0..entries.len())
        .filter(|&i| {
            entries[i]
                .1
                .iter()
                .any(|n| n.trim().to_lowercase() == lower)
        })
        .collect();
    match hits.as_slice() {
        [] => Found::None,
        [one] => Found::One(*one),
        many => Found::Many(many.iter().map(|&i| ids[i].to_owned()).collect()),
    }
}

/// `名称 (id)` (or with full-width brackets): the `id`.
fn in_brackets(typed: &str) -> Option<&str> {
    let typed = typed.trim();
    let body = typed
        .strip_suffix(')')
        .or_else(|| typed.strip_suffix(')'))?;
    let open = body.rfind(['(', '('])?;
    let inner = body[open..].trim_start_matches(['(', '(']);
    Some(inner.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_and_names_find_one() {
        let ids = ["T004", "T059", "T8", "T08"];
        assert_eq!(by_id(&ids, "4"), Found::One(0));
        assert_eq!(by_id(&ids, "t59"), Found::One(1));
        assert_eq!(by_id(&ids, "T4"), Found::One(0));
        assert_eq!(
            by_id(&ids, "8"),
            Found::Many(vec!["T8".into(), "T08".into()])
        );
        assert_eq!(by_id(&ids, "T08"), Found::One(3));
        let units = [("czj", vec!["县财政局"]), ("fgj", vec!["县发改局"])];
        assert_eq!(by_id_or_name(&units, "县发改局"), Found::One(1));
        assert_eq!(by_id_or_name(&units, "县财政局 (czj)"), Found::One(0));
        assert_eq!(by_id_or_name(&units, "县财政局(czj)"), Found::One(0));
        assert_eq!(by_id_or_name(&units, "CZJ"), Found::One(0));
        assert_eq!(by_id_or_name(&units, "财政"), Found::None);
    }
}
