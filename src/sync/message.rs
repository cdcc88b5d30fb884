//! Commit messages for `bairi sync`: one short subject line (at most 72 columns), every change
//! on its own line in the body; a merge says where it merged from.

use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, Text};
use crate::tr;

/// The widest a subject line may be, in terminal columns.
pub(crate) const SUBJECT_WIDTH: usize = 72;

/// `git commit` arguments for these changes: `-m SUBJECT` and, when the subject could not
/// hold them all, `-m BODY` with one change a line. `None` when nothing changed.
pub(crate) fn for_changes(parts: &[Text], lang: Lang) -> Option<(String, String)> {
    let parts: Vec<String> = parts.iter().map(|p| p.get(lang).to_owned()).collect();
    let whole = parts.join("; ");
    if parts.is_empty() {
        return None;
    }
    if whole.width() <= SUBJECT_WIDTH {
        return Some((whole, String::new()));
    }
    let more = |left: usize| format!(" {}", tr!("等{left}项", "and {left} more").get(lang));
    // As many whole changes as fit before `等N项`; else the first one cut.
    let shown = (1..parts.len())
        .rev()
        .find(|&k| (parts[..k].join("; ") + &more(parts.len() - k)).width() <= SUBJECT_WIDTH);
    let subject = match shown {
        Some(k) => parts[..k].join("; ") + &more(parts.len() - k),
        None => {
            let tail = if parts.len() > 1 {
                more(parts.len() - 1)
            } else {
                String::new()
            };
            cut(&parts[0], SUBJECT_WIDTH - tail.width()) + &tail
        }
    };
    Some((subject, parts.join("\n")))
}

/// `s` cut to at most `max` columns, with `…` when cut.
fn cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if (out.clone() + &c.to_string()).width() + 1 > max {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// The merge commit's subject and body: `bairi sync: merged from origin`, then what came in.
pub(crate) fn for_merge(remote: &str, received: &[Text], lang: Lang) -> (String, String) {
    let subject = tr!(
        "bairi sync:合并自 {remote}",
        "bairi sync: merged from {remote}"
    );
    let subject = cut(subject.get(lang), SUBJECT_WIDTH);
    let body = received
        .iter()
        .map(|p| p.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join("\n");
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_summary_is_the_subject_alone() {
        let parts = [Text::same("T03 推进中→受阻")];
        assert_eq!(
            for_changes(&parts, Lang::Zh),
            Some(("T03 推进中→受阻".to_owned(), String::new()))
        );
        assert_eq!(for_changes(&[], Lang::Zh), None);
    }

    #[test]
    fn a_long_one_keeps_its_subject_short_and_every_change_in_the_body() {
        let parts: Vec<Text> = (1..=40)
            .map(|i| Text::same(format!("T{i:02} 进度 {i}%,节点“开工”已完成")))
            .collect();
        for lang in [Lang::Zh, Lang::En] {
            let (subject, body) = for_changes(&parts, lang).unwrap();
            assert!(subject.width() <= SUBJECT_WIDTH, "{subject}");
            assert!(subject.starts_with("T01 "), "{subject}");
            assert!(!subject.contains('\n'));
            assert_eq!(body.lines().count(), 40, "{body}");
        }
        let one = [Text::same("长".repeat(300))];
        let (subject, body) = for_changes(&one, Lang::Zh).unwrap();
        assert!(
            subject.width() <= SUBJECT_WIDTH && subject.contains('…'),
            "{subject}"
        );
        assert_eq!(body, "长".repeat(300));
    }
}
