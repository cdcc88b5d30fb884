//! Writes one setting chosen on the board (`author`, `sort`) into the user's config file:
//! only that value changes, comments and layout stay; the file and its folder are made when
//! missing; the write is atomic and never goes through a link someone else planted.

use std::path::Path;

use toml_edit::{DocumentMut, Item, Value};

use crate::i18n::Text;
use crate::tr;

/// The first line of a config file bairi makes.
const NEW_FILE: &str = "# bairi settings: config.example.toml lists every one with its default.\n";

/// Sets `key = "value"` at the top of the config at `path`.
pub(crate) fn set(path: &Path, key: &str, value: &str) -> Result<(), Text> {
    let changed = match super::read_text(path) {
        Ok(text) => with_setting(&text, key, value)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            NEW_FILE.to_owned() + &with_setting("", key, value)?
        }
        Err(e) => return Err(tr!("无法读取:{e}", "cannot read it: {e}")),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| tr!("无法创建目录:{e}", "cannot make its folder: {e}"))?;
    }
    let place = own_link_target(path);
    let mode = std::fs::metadata(&place).ok().map(|m| m.permissions());
    crate::store::save::plain::write_with(&place, changed.as_bytes(), |file| {
        mode.map_or(Ok(()), |mode| file.set_permissions(mode))
    })
    .map_err(|e| tr!("无法写入:{e}", "cannot write it: {e}"))
}

/// Where the config is written: through a symlink the running user made (a dotfiles
/// checkout), else at its own name (a link someone else planted is replaced, never
/// followed).
#[cfg(unix)]
fn own_link_target(path: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::MetadataExt;
    match std::fs::symlink_metadata(path) {
        Ok(meta)
            if meta.file_type().is_symlink()
                && meta.uid() == rustix::process::geteuid().as_raw() =>
        {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

#[cfg(not(unix))]
fn own_link_target(path: &Path) -> std::path::PathBuf {
    path.to_owned()
}

/// The config text with `key = "value"`: a value already there is replaced in place (its
/// comments kept), else the line is added before the first table.
pub(crate) fn with_setting(text: &str, key: &str, value: &str) -> Result<String, Text> {
    let mut doc: DocumentMut = text.parse().map_err(|_| {
        Text::new(
            "配置文件不是有效的 TOML,未改动它",
            "the config is not valid TOML; it was left as it is",
        )
    })?;
    let mut new = Value::from(value);
    match doc.get_mut(key) {
        Some(Item::Value(old)) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        Some(_) => {
            return Err(tr!(
                "配置中的 {key} 不是一个值,未改动它",
                "{key} in the config is not a plain value; it was left as it is"
            ));
        }
        None => {
            doc.insert(key, Item::Value(new));
        }
    }
    let out = doc.to_string();
    // toml_edit writes `\n`: a file written with `\r\n` keeps them.
    if text.contains("\r\n") {
        return Ok(out.replace("\r\n", "\n").replace('\n', "\r\n"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_replaced_in_place_keeping_every_comment() {
        let text = "# mine\nlang = \"zh\"\n\n# who I am\nauthor = \"\"   # set me\n\n[keys]\nquit = \"Q\" # q is near w\n";
        let out = with_setting(text, "author", "li_mx").unwrap();
        assert_eq!(
            out,
            "# mine\nlang = \"zh\"\n\n# who I am\nauthor = \"li_mx\"   # set me\n\n[keys]\nquit = \"Q\" # q is near w\n"
        );
    }

    #[test]
    fn a_missing_key_goes_above_the_tables() {
        let text = "# mine\nlang = \"zh\"\n\n[keys]\nquit = \"Q\"\n";
        let out = with_setting(text, "sort", "light").unwrap();
        assert_eq!(
            out,
            "# mine\nlang = \"zh\"\nsort = \"light\"\n\n[keys]\nquit = \"Q\"\n"
        );
        let parsed = crate::config::parse(&out, crate::config::Config::default()).unwrap();
        assert_eq!(parsed.0.sort, crate::app::sort::Sort::Light);
    }

    #[test]
    fn a_config_with_crlf_line_ends_keeps_them() {
        let text =
            "# mine\r\nlang = \"zh\"\r\nauthor = \"\" # me\r\n\r\n[keys]\r\nquit = \"Q\"\r\n";
        let out = with_setting(text, "author", "li_mx").unwrap();
        assert_eq!(out, text.replace("author = \"\"", "author = \"li_mx\""));
        let out = with_setting(text, "sort", "light").unwrap();
        assert_eq!(
            out,
            text.replace("# me\r\n", "# me\r\nsort = \"light\"\r\n")
        );
    }

    #[test]
    fn a_broken_config_is_left_alone() {
        assert!(with_setting("lang = \n", "author", "x").is_err());
        assert!(with_setting("[author]\nx = 1\n", "author", "x").is_err());
    }
}
