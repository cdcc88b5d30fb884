//! Keys a table holds that it should not: each warned about, with the nearest known key.

use super::Entry;
use crate::i18n::Text;
use crate::store::load::report::Findings;
use crate::tr;

impl Entry<'_> {
    /// Warns about every key this entry does not know, suggesting the nearest known one.
    pub(crate) fn finish(&self, f: &mut Findings) {
        for (key, _) in self.table.iter() {
            let span = Some(key.span.clone());
            let key = key.name.as_ref();
            if self.known.contains(&key) {
                continue;
            }
            let hint = nearest(key, self.known).map(|near| {
                tr!(
                    "是否想写 `{near}`?未知的键会原样保留",
                    "did you mean `{near}`? Unknown keys are kept as they are"
                )
            });
            let hint = hint.or_else(|| {
                Some(Text::new(
                    "bairi 不认识此键,保存时原样保留",
                    "bairi does not know this key; it is kept as it is on save",
                ))
            });
            f.warn(
                span.or_else(|| self.span.clone()),
                Some(&self.subject),
                tr!("未知的键 `{key}`", "unknown key `{key}`"),
                hint,
            );
        }
    }
}

/// The known key within edit distance 2 of `key`, if any.
fn nearest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_only() {
        assert_eq!(nearest("dedline", &["deadline", "title"]), Some("deadline"));
        assert_eq!(nearest("colour", &["deadline", "title"]), None);
    }
}
