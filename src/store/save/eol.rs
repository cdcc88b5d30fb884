//! Line endings: text bairi writes into a file written with CRLF gets CRLF too, so an edit
//! changes only the lines it changes (toml_edit writes LF).

/// `new` with the line endings of `model`: every LF not already after a CR becomes CRLF when
/// `model` uses CRLF; otherwise `new` as it is.
pub(crate) fn like(model: &str, new: String) -> String {
    if !model.contains("\r\n") {
        return new;
    }
    let mut out = String::with_capacity(new.len() + new.len() / 32);
    let mut after_cr = false;
    for c in new.chars() {
        if c == '\n' && !after_cr {
            out.push('\r');
        }
        after_cr = c == '\r';
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_files_get_crlf_and_lf_files_are_left_alone() {
        assert_eq!(like("a\r\nb\r\n", "x\ny\r\nz\n".into()), "x\r\ny\r\nz\r\n");
        assert_eq!(like("a\nb\n", "x\ny\n".into()), "x\ny\n");
    }
}
