//! The ledger view's state (台账, view 5): the selected row and the order of the rows.

use super::model::Model;
use crate::domain::ledger::{Ledger, Row, ledger};

/// The ledger as the board shows it: as of today, in the chosen order.
pub(crate) fn shown(model: &Model) -> Ledger {
    ledger(model.campaign(), model.today, model.ledger.order)
}

/// The selected row, if any (the selection is kept inside the rows).
pub(crate) fn selected(model: &Model) -> Option<Row> {
    let l = shown(model);
    let last = l.len().checked_sub(1)?;
    l.get(model.ledger.row.min(last)).cloned()
}

/// The index of the row's task in the file.
pub(crate) fn task_index(model: &Model, row: &Row) -> Option<usize> {
    let id = row.task.as_deref()?;
    model.campaign().tasks.iter().position(|t| t.id == id)
}
