//! The config file as the campaign loader's own TOML reader reads it: the shapes users write
//! (CRLF line ends, comments, inline tables and arrays, a byte order mark), and every mistake
//! located at its line and column, in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::keymap::{Key, Keymap};
use bairi::app::sort::Sort;
use bairi::config::{self, Config, EXAMPLE};
use bairi::i18n::Lang;
use bairi::store::diag::{Diagnostic, Severity};
use bairi::ui::theme::Palette;

fn read(text: &str) -> (Config, Vec<Diagnostic>) {
    config::parse(text, Config::default()).unwrap_or_else(|e| panic!("{text:?}: {e:#?}"))
}

/// The one error `text` gives, checked to be at (`line`, `column`) and in both languages.
fn the_error(text: &str, line: usize, column: usize) -> Diagnostic {
    let errors = match config::parse(text, Config::default()) {
        Ok(read) => panic!("{text:?} read as {read:#?}"),
        Err(errors) => errors,
    };
    assert_eq!(errors.len(), 1, "{text:?}: {errors:#?}");
    let error = errors.into_iter().next().unwrap();
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(
        (error.line, error.column),
        (line, column),
        "{text:?}: {error:#?}"
    );
    assert!(!error.message.zh.is_empty() && error.message.zh != error.message.en);
    error
}

fn keys(written: &[&str]) -> Vec<Key> {
    written.iter().map(|k| Key::parse(k).unwrap()).collect()
}

/// The example's keys are the built-in keymap; with them set aside, the built-in defaults.
fn assert_is_the_example(config: Config) {
    let defaults: Vec<(Action, Vec<Key>)> = Keymap::default()
        .bindings()
        .map(|(a, k)| (a, k.to_vec()))
        .collect();
    assert_eq!(config.keys, defaults);
    assert_eq!(
        Config {
            keys: Vec::new(),
            ..config
        },
        Config::default()
    );
}

#[test]
fn the_embedded_example_reads_as_the_defaults_with_any_line_ends_and_a_bom() {
    let crlf = EXAMPLE.replace('\n', "\r\n");
    for text in [
        EXAMPLE.to_owned(),
        crlf.clone(),
        format!("\u{feff}{EXAMPLE}"),
        format!("\u{feff}{crlf}"),
    ] {
        let start = Config {
            autosave: false,
            ascii: true,
            backups: 3,
            present_seconds: 99,
            theme: Palette::Mono,
            mouse: false,
            sort: Sort::Id,
            ..Config::default()
        };
        let (read, warnings) = config::parse(&text, start).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_is_the_example(read);
    }
    let dir = tempfile::tempdir().unwrap();
    let (missing, warnings) = config::load(&dir.path().join("none.toml")).unwrap();
    assert!(warnings.is_empty());
    assert_is_the_example(missing);
}

#[test]
fn crlf_line_ends_read_and_locate_as_lf_does() {
    let lf = "# mine\nlang = \"en\"\nsort = \"deadline\"   # mornings\n\n[keys]\nquit = [\"Q\", \"Ctrl-c\"]\n";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(read(&crlf), read(lf));
    assert_eq!(read(&crlf).0.sort, Sort::Deadline);
    let error = the_error("lang = \"en\"\r\n\r\nautosave = \"yes\"\r\n", 3, 12);
    assert!(error.message.en.contains("`autosave`"));
    the_error("[keys]\r\nquit = \"Q\"\r\nup = 3\r\n", 3, 6);
}

#[test]
fn comments_anywhere_are_only_comments() {
    let text = "# mine\nauthor = \"li_mx\"   # me\n# [keys] left for later\n[keys] # my keys\nquit = [  # two ways out\n  \"Q\",    # big\n  # \"q\" was too near w\n  \"Ctrl-c\",\n]         # done\n";
    let (read, warnings) = read(text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(read.author.as_deref(), Some("li_mx"));
    assert_eq!(read.keys, vec![(Action::Quit, keys(&["Q", "Ctrl-c"]))]);
}

#[test]
fn keys_read_as_a_table_an_inline_table_or_dotted_keys() {
    let want = vec![
        (Action::Quit, keys(&["Q"])),
        (Action::Down, keys(&["J", "Down"])),
    ];
    for text in [
        "[keys]\nquit = \"Q\"\ndown = [\"J\", \"Down\",]\n",
        "keys = { quit = \"Q\", down = [\"J\", \"Down\"] }\n",
        "keys.quit = \"Q\"\nkeys.down = [\n  \"J\",\n  \"Down\",\n]\n",
    ] {
        let (read, warnings) = read(text);
        assert!(warnings.is_empty(), "{text:?}: {warnings:?}");
        assert_eq!(read.keys, want, "{text:?}");
    }
    // Columns count characters, not bytes.
    let text = "keys = { \"退出\" = \"q\", quit = \"Qx\" }\n";
    let error = the_error(text, 1, 29);
    assert!(
        error
            .message
            .en
            .contains("`quit` has a key bairi cannot read: \"Qx\"")
    );
    let warnings = read("keys = { \"退出\" = \"q\", quit = \"Q\" }\n").1;
    assert_eq!(warnings.len(), 1);
    assert_eq!((warnings[0].line, warnings[0].column), (1, 10));
    assert!(
        warnings[0]
            .message
            .en
            .contains("unknown action `退出` in [keys]")
    );
}

#[test]
fn a_value_of_the_wrong_type_names_the_setting_its_place_and_what_it_takes() {
    for (text, setting, (line, column), takes) in [
        (
            "lang = \"en\"\n\nautosave = \"yes\"\n",
            "autosave",
            (3, 12),
            "true or false",
        ),
        (
            "backups = -1\n",
            "backups",
            (1, 11),
            "a whole number, 0 or more",
        ),
        (
            "backups = 3.0\n",
            "backups",
            (1, 11),
            "a whole number, 0 or more",
        ),
        (
            "  present_seconds =   0\n",
            "present_seconds",
            (1, 23),
            "a whole number of seconds above 0",
        ),
        (
            "theme = \"pink\"\n",
            "theme",
            (1, 9),
            "\"default\", \"256\" or \"mono\"",
        ),
        (
            "sort = 3\n",
            "sort",
            (1, 8),
            "\"file\", \"light\", \"milestone\", \"deadline\", \"progress\" or \"id\"",
        ),
        ("file = [\"a.toml\"]\n", "file", (1, 8), "a path string"),
        (
            "author = 2026-09-01\n",
            "author",
            (1, 10),
            "a person id string",
        ),
        ("mouse = { on = true }\n", "mouse", (1, 9), "true or false"),
        ("keys = 3\n", "keys", (1, 8), "a [keys] table"),
    ] {
        let error = the_error(text, line, column);
        assert_eq!(
            error.message.en,
            format!("setting `{setting}` has a bad value: expected {takes}"),
            "{text:?}"
        );
        assert!(
            error
                .message
                .zh
                .starts_with(&format!("配置项 `{setting}` 的值不对:应为")),
            "{text:?}"
        );
    }
    let error = the_error("[keys]\nquit = \"Q\"\n\nup = 3\n", 4, 6);
    assert!(
        error
            .message
            .en
            .starts_with("`up` has a key bairi cannot read")
    );
    assert!(error.message.zh.starts_with("`up` 的按键写法不对"));
}

#[test]
fn every_bad_value_is_reported_and_nothing_is_applied() {
    let errors = config::parse(
        "autosave = 1\nmouse = 2\n[keys]\nquit = \"Qx\"\n",
        Config::default(),
    )
    .unwrap_err();
    let places: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(places, vec![(1, 12), (2, 9), (4, 8)]);
}

#[test]
fn a_key_written_twice_is_not_toml_and_is_found_at_the_second() {
    for (text, line, column) in [
        ("autosave = true\nautosave = false\n", 2, 1),
        ("[keys]\nquit = \"Q\"\n\nquit = \"W\"\n", 4, 1),
        ("[keys]\nquit = \"Q\"\n[keys]\n", 3, 2),
        ("keys = { quit = \"Q\", quit = \"W\" }\n", 1, 22),
        ("\"lang\" = \"en\"\nlang = \"zh\"\n", 2, 1),
    ] {
        let error = the_error(text, line, column);
        assert_eq!(
            error.message.en, "the config is not valid TOML: duplicate key",
            "{text:?}"
        );
        assert_eq!(error.message.zh, "配置文件不是有效的 TOML:duplicate key");
        let hint = error.hint.unwrap();
        assert!(
            hint.en.contains("a key is written once") && hint.zh.contains("同一个键只能写一次")
        );
    }
}

#[test]
fn a_byte_order_mark_is_read_past_and_not_counted_as_a_column() {
    let (read, warnings) = read("\u{feff}lang = \"en\"\n");
    assert!(warnings.is_empty());
    assert_eq!(read.lang, Some(Lang::En));
    the_error("\u{feff}autosave = 1\n", 1, 12);
    the_error("\u{feff}lang = \"en\"\nautosave = 1\n", 2, 12);
    let warnings = self::read("\u{feff}autosav = false\n").1;
    assert_eq!((warnings[0].line, warnings[0].column), (1, 1));
    let error = the_error("\u{feff}autosave = yes\n", 1, 12);
    assert!(error.message.en.starts_with("the config is not valid TOML"));
}

#[test]
fn text_that_is_not_toml_is_located_with_what_to_check() {
    for (text, line, column) in [
        ("autosave = yes\n", 1, 12),
        ("lang = \"en\"\n[keys\nquit = \"Q\"\n", 2, 6),
        ("author = \"li_mx\n", 1, 16),
        ("mouse = true sort = \"id\"\n", 1, 19),
        ("[keys]\nquit = [\"Q\"\n", 2, 12),
    ] {
        let error = the_error(text, line, column);
        assert!(
            error
                .message
                .en
                .starts_with("the config is not valid TOML: ")
                && error.message.zh.starts_with("配置文件不是有效的 TOML:"),
            "{text:?}: {error:?}"
        );
        assert!(error.hint.is_some());
    }
    let error = the_error("lang = \"en\"\nautosave = yes\n", 2, 12);
    let en = error.render("c.toml", Lang::En);
    assert!(
        en.starts_with("c.toml:2:12: error: the config is not valid TOML: ")
            && en.contains(" — check the quotes"),
        "{en}"
    );
    let zh = error.render("c.toml", Lang::Zh);
    assert!(
        zh.starts_with("c.toml:2:12: 错误: 配置文件不是有效的 TOML:")
            && zh.contains(" —— 检查该处"),
        "{zh}"
    );
}

#[test]
fn unknown_settings_and_actions_warn_at_their_names_and_are_ignored() {
    let (read, warnings) =
        read("autosav = false\n\n[colours]\nx = 1\n\n[keys]\nfly = \"f\"\nquit = \"Q\"\n");
    assert!(read.autosave);
    assert_eq!(read.keys, vec![(Action::Quit, keys(&["Q"]))]);
    let found: Vec<(usize, usize, &str)> = warnings
        .iter()
        .map(|w| (w.line, w.column, w.message.en.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (1, 1, "unknown setting `autosav`; ignored"),
            (3, 2, "unknown setting `colours`; ignored"),
            (7, 1, "unknown action `fly` in [keys]; ignored"),
        ]
    );
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
}

#[test]
fn a_config_file_with_a_bom_and_crlf_loads_over_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(
        &path,
        "\u{feff}# mine\r\nmouse = false\r\n[keys]\r\nquit = \"Q\"\r\n",
    )
    .unwrap();
    let (read, warnings) = config::load(&path).unwrap();
    assert!(warnings.is_empty());
    assert!(!read.mouse && read.autosave);
    assert!(read.keys.contains(&(Action::Quit, keys(&["Q"]))));
    assert!(
        read.keys
            .contains(&(Action::Down, keys(&["Down", "j", "Space"])))
    );
    std::fs::write(&path, "\u{feff}mouse = false\r\nmouse = true\r\n").unwrap();
    let errors = config::load(&path).unwrap_err();
    assert_eq!((errors[0].line, errors[0].column), (2, 1));
}

#[test]
fn invalid_toml_stops_the_command_with_its_place_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "lang = \"en\"\r\nautosave = yes\r\n").unwrap();
    let campaign = support::fixture("qinglan.toml");
    for (lang, words) in [
        ("en", "c.toml:2:12: error: the config is not valid TOML"),
        ("zh", "c.toml:2:12: 错误: 配置文件不是有效的 TOML"),
    ] {
        let out = support::bairi(&[
            "--config",
            config.to_str().unwrap(),
            "--lang",
            lang,
            "check",
            campaign.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{err}");
    }
}

#[test]
fn a_key_that_is_not_text_is_shown_as_written_and_refused() {
    let error = the_error("[keys]\nquit = 7\n", 2, 8);
    assert!(
        error.message.en.contains("cannot read: 7 ("),
        "{}",
        error.message.en
    );
    // A list with one good key and one that is not text binds nothing: it is refused.
    let error = the_error("[keys]\nquit = [\"q\", 3]\n", 2, 8);
    assert!(
        error.message.en.contains("cannot read: [\"q\", 3] ("),
        "{}",
        error.message.en
    );
}

#[test]
fn a_key_bound_twice_or_ctrl_s_is_an_error_at_its_line() {
    let twice = the_error("[keys]\n\nquit = \"j\"\n", 3, 1);
    assert!(
        twice.message.en.contains("bound to both `down` and `quit`"),
        "{twice:?}"
    );
    assert!(twice.hint.is_some());
    let ctrl_s = the_error("lang = \"en\"\n[keys]\nundo = [\"u\", \"Ctrl-s\"]\n", 3, 1);
    assert!(ctrl_s.message.en.contains("Ctrl-s"), "{ctrl_s:?}");
}

/// `bairi --config CONFIG ARGS` in English.
fn with_config(config: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .arg("--config")
        .arg(config)
        .args(["--lang", "en"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_board_and_every_command_refuse_a_bad_keymap_alike() {
    let dir = tempfile::tempdir().unwrap();
    let campaign = support::qinglan_copy(dir.path());
    let file = campaign.to_str().unwrap();
    for (settings, says) in [
        (
            "[keys]\nquit = \"j\"\n",
            "c.toml:2:1: error: key j is bound to both `down` and `quit`",
        ),
        (
            "[keys]\nundo = \"Ctrl-s\"\n",
            "c.toml:2:1: error: `undo` cannot be bound to Ctrl-s",
        ),
    ] {
        let config = dir.path().join("c.toml");
        std::fs::write(&config, settings).unwrap();
        let board = with_config(&config, &[file]);
        let board_err = String::from_utf8_lossy(&board.stderr).into_owned();
        assert_eq!(board.status.code(), Some(2), "board: {board_err}");
        assert!(board_err.contains(says), "board: {board_err}");
        for args in [
            vec!["check", file],
            vec!["report", file, "--format", "json"],
            vec!["note", file, "T01", "x"],
            vec!["present", file],
        ] {
            let out = with_config(&config, &args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert_eq!(err, board_err, "{args:?}: the same words as the board");
        }
        assert_eq!(
            std::fs::read(&campaign).unwrap(),
            std::fs::read(support::fixture("qinglan.toml")).unwrap(),
            "nothing written"
        );
    }
}
