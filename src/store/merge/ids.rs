//! Task ids as bairi numbers them: their order (`T9` before `T10`) and the next free one.

/// The order of task ids as bairi numbers them: `T9` before `T10`.
pub fn id_order(id: &str) -> (&str, u64, &str) {
    let digits = id.chars().rev().take_while(char::is_ascii_digit).count();
    let (prefix, number) = id.split_at(id.len() - digits);
    (prefix, number.parse().unwrap_or(0), id)
}

/// The next id in the file's own pattern: `T14` after `T13`, `Y021` after `Y020`.
pub fn next_task_id(ids: &[&str]) -> String {
    let mut best: Option<(String, u64, usize)> = None;
    for id in ids {
        let digits = id.chars().rev().take_while(char::is_ascii_digit).count();
        let (prefix, number) = id.split_at(id.len() - digits);
        let Ok(n) = number.parse::<u64>() else {
            continue;
        };
        if best.as_ref().is_none_or(|(_, max, _)| n >= *max) {
            best = Some((prefix.to_owned(), n, digits));
        }
    }
    let (prefix, max, width) = best.unwrap_or(("T".to_owned(), 0, 2));
    let mut n = max + 1;
    loop {
        let id = format!("{prefix}{n:0width$}");
        if !ids.contains(&id.as_str()) {
            return id;
        }
        n += 1;
    }
}
