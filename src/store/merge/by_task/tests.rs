//! Merging by task text: what stays by text and what takes the whole document.

use super::*;

const HEAD: &str = "schema_version = 1\n\n[campaign]\nname = \"x\"\n";
const T1: &str = "\n[[tasks]]\nid = \"T1\"\nprogress = 10\n";
const T2: &str = "\n[[tasks]]\nid = \"T2\"\nprogress = 20\n";
const REVIEW: &str = "\n[[reviews]]\ncheckpoint = 1\ndate = 2026-09-14\n";

fn merged(base: &str, mine: &str, theirs: &str) -> Merged {
    let (b, m, t) = (
        TaskTexts::read(base).unwrap(),
        TaskTexts::read(mine).unwrap(),
        TaskTexts::read(theirs).unwrap(),
    );
    merge_texts(&b, &m, &t, None)
}

#[test]
fn a_review_published_here_merges_by_text_not_as_a_whole_document() {
    let base = format!("{HEAD}{T1}{T2}");
    let mine = format!("{HEAD}{T1}{T2}{REVIEW}");
    let theirs = format!("{HEAD}{}{T2}", T1.replace("10", "55"));
    let Merged::Text(text) = merged(&base, &mine, &theirs) else {
        panic!("the whole document was merged");
    };
    assert_eq!(
        text,
        format!("{HEAD}{}{T2}{REVIEW}", T1.replace("10", "55"))
    );
}

#[test]
fn their_own_review_after_the_tasks_is_kept_beside_mine() {
    let other = REVIEW.replace("checkpoint = 1", "checkpoint = 2");
    let base = format!("{HEAD}{T1}{T2}");
    let mine = format!("{HEAD}{T1}{}{REVIEW}", T2.replace("20", "30"));
    let theirs = format!("{HEAD}{T1}{T2}{other}");
    let Merged::Text(text) = merged(&base, &mine, &theirs) else {
        panic!("not merged by text");
    };
    assert!(text.contains("progress = 30"));
    assert!(text.contains("checkpoint = 1") && text.contains("checkpoint = 2"));
}

#[test]
fn a_change_here_before_the_tasks_still_takes_the_whole_document() {
    let base = format!("{HEAD}{T1}");
    let mine = format!("{}{T1}", HEAD.replace("\"x\"", "\"y\""));
    assert!(matches!(merged(&base, &mine, &base), Merged::Whole));
}
