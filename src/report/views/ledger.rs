//! The ledger (台账) as a report: pledges (承诺践诺) and follow-up orders (督办), one table each,
//! in due order; the main table (CSV, Excel) holds both, with a column saying which.

use super::Ctx;
use crate::domain::ledger::{LedgerOrder, Row, ledger};
use crate::report::doc::{Doc, Section, Table};

fn header(x: &Ctx, made: (&str, &str)) -> Vec<String> {
    [
        ("单位", "Unit"),
        ("任务", "Task"),
        ("内容", "Text"),
        made,
        ("期限", "Due"),
        ("状态", "State"),
        ("记录人", "Recorded by"),
    ]
    .iter()
    .map(|(z, e)| x.t(z, e))
    .collect()
}

fn row(x: &Ctx, r: &Row) -> Vec<String> {
    vec![
        x.unit(r.unit.as_deref()),
        r.task.clone().unwrap_or_default(),
        r.text.clone(),
        r.made.to_string(),
        r.due.map(|d| d.to_string()).unwrap_or_default(),
        r.state.text().get(x.lang).to_owned(),
        x.person(r.by.as_deref()),
    ]
}

pub(super) fn ledger_doc(x: &Ctx) -> Doc {
    let l = ledger(x.c, x.today, LedgerOrder::Due);
    let pledge_word = x.t("承诺践诺", "Pledge");
    let order_word = x.t("督办", "Follow-up order");
    let none = x.t("(无)", "(none)");
    let section = |heading: String, made: (&str, &str), rows: &[Row]| Section {
        heading,
        lines: if rows.is_empty() {
            vec![none.clone()]
        } else {
            Vec::new()
        },
        table: (!rows.is_empty()).then(|| Table {
            header: header(x, made),
            rows: rows.iter().map(|r| row(x, r)).collect(),
        }),
    };
    let sections = vec![
        section(
            x.t("承诺践诺", "Pledges (承诺践诺)"),
            ("作出日期", "Made on"),
            &l.pledges,
        ),
        section(
            x.t("督办事项", "Follow-up orders (督办)"),
            ("下达日期", "Issued on"),
            &l.orders,
        ),
    ];
    let mut main_header = vec![x.t("类别", "Kind")];
    main_header.extend(header(x, ("作出/下达日期", "Made/issued on")));
    let tagged = |word: &String, rows: &[Row]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                let mut cells = vec![word.clone()];
                cells.extend(row(x, r));
                cells
            })
            .collect()
    };
    let mut rows = tagged(&pledge_word, &l.pledges);
    rows.extend(tagged(&order_word, &l.orders));
    Doc {
        sections,
        main: Table {
            header: main_header,
            rows,
        },
        ..Doc::default()
    }
}
