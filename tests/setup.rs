//! At home in every terminal: monochrome and ASCII screens, NO_COLOR in a real terminal,
//! user key bindings, the template, completions and the man page, localized help.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::Command;
use std::time::Duration;

use chrono::NaiveDate;
use ratatui::style::{Color, Modifier};

use bairi::i18n::Lang;
use bairi::store::load::{Today, load_str};
use bairi::ui::theme::{Palette, Theme};
use support::pty::Term;

fn draw(theme: &Theme) -> (String, ratatui::buffer::Buffer) {
    let (model, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    let buffer = support::themed::buffer_with(&model, theme, 80, 24);
    (support::buffer_text(&buffer), buffer)
}

#[test]
fn monochrome_board_has_no_colour_but_keeps_selection_and_lights() {
    let (text, buffer) = draw(&Theme::new(Palette::Mono, false));
    for cell in buffer.content() {
        assert!(
            matches!(cell.fg, Color::Reset),
            "a colour in mono: {:?}",
            cell.fg
        );
        assert!(matches!(cell.bg, Color::Reset));
    }
    let selected = buffer.content().iter().find(|c| c.symbol() == "▶").unwrap();
    assert!(selected.modifier.contains(Modifier::REVERSED));
    let red = buffer
        .content()
        .iter()
        .filter(|c| c.symbol() == "红")
        .count();
    assert!(red >= 2, "lights keep their words");
    insta::assert_snapshot!(text);
}

#[test]
fn ascii_board_draws_no_box_drawing_characters() {
    let (text, _) = draw(&Theme::new(Palette::Ansi16, true));
    for c in text.chars() {
        let boxy = ('\u{2500}'..='\u{257F}').contains(&c) || "●✓▶◀↑↓✗○⚠→".contains(c);
        assert!(!boxy, "`{c}` in ASCII mode");
    }
    assert!(text.contains(">智能装备园一"));
    insta::assert_snapshot!(text);
}

#[test]
fn the_256_colour_theme_uses_indexed_colours() {
    let (_, buffer) = draw(&Theme::new(Palette::Ansi256, false));
    assert!(
        buffer
            .content()
            .iter()
            .any(|c| matches!(c.fg, Color::Indexed(196)))
    );
    assert!(!buffer.content().iter().any(|c| matches!(c.fg, Color::Red)));
}

/// SGR parameters that set a colour (30–37, 40–47, 90–97, 100–107, 38;…, 48;…).
fn colour_codes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for seq in text.split("\u{1b}[").skip(1) {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &seq[end..=end] != "m" {
            continue;
        }
        for param in seq[..end].split(';') {
            let n: u32 = param.parse().unwrap_or(0);
            if (30..=38).contains(&n)
                || (40..=48).contains(&n)
                || (90..=97).contains(&n)
                || (100..=107).contains(&n)
            {
                found.push(seq[..end].to_owned());
            }
        }
    }
    found
}

#[test]
fn no_color_writes_no_colour_codes_and_the_selection_stays_reversed() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let args = [path.to_str().unwrap(), "--today", "2026-11-22"];
    let mut term = Term::spawn(&args, 100, 30, dir.path(), &[("NO_COLOR", "1")]);
    term.wait_for("▶智能装备园一期");
    term.send("j");
    term.wait_for("▶新材料三期");
    term.pump(Duration::from_millis(200));
    assert_eq!(colour_codes(&term.bytes), Vec::<String>::new());
    let screen = term.parser().screen();
    let (mut found, mut reversed) = (false, false);
    for row in 0..30 {
        for col in 0..100 {
            if let Some(cell) = screen.cell(row, col).filter(|c| c.contents() == "▶") {
                found = true;
                reversed = cell.inverse();
            }
        }
    }
    assert!(
        found && reversed,
        "the selected card must be in reverse video"
    );
    term.send("q");
    assert!(term.wait_exit());
}

#[test]
fn colour_is_written_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut term = Term::board(&path, 100, 30, dir.path());
    assert!(!colour_codes(&term.bytes).is_empty());
    term.send("q");
    assert!(term.wait_exit());
}

#[test]
fn a_user_key_binding_works_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let config = dir.path().join("config/bairi");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[keys]\nquit = \"Q\"\ndown = [\"J\", \"Down\"]\n",
    )
    .unwrap();
    let mut term = Term::board(&path, 100, 30, dir.path());
    term.send("J");
    term.wait_for("▶新材料三期");
    term.send("q");
    term.pump(Duration::from_millis(300));
    assert!(term.screen().contains("▶新材料三期"), "q no longer quits");
    term.send("?");
    term.wait_for("Q");
    term.send("Q");
    term.send("Q");
    assert!(term.wait_exit());
}

#[test]
fn a_key_conflict_stops_before_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "[keys]\nquit = \"j\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "--lang",
            "en",
            support::fixture("qinglan.toml").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bound to both `down` and `quit`"));
}

#[test]
fn a_bad_config_value_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "lang = \"en\"\n\nautosave = \"yes\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "check",
            support::fixture("qinglan.toml").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("c.toml:3:12:") && err.contains("autosave"),
        "{err}"
    );
}

#[test]
fn new_writes_a_template_that_passes_check_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaign.toml");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(args)
            .env("LANG", "C")
            .output()
            .unwrap()
    };
    assert!(run(&["new", path.to_str().unwrap()]).status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("timezone")
            && text.contains("[[tasks.problems]]")
            && text.contains("[[commitments]]")
    );
    let check = run(&["check", path.to_str().unwrap()]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("0 warning(s)"));
    std::fs::write(&path, "mine").unwrap();
    assert_eq!(run(&["new", path.to_str().unwrap()]).status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    // Whatever today is, the template starts on it and loads clean.
    for day in ["2026-01-01", "2027-06-30", "2028-02-29"] {
        let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        let loaded = load_str(&bairi::cli::new::template(Today::Date(d)), Today::Date(d)).unwrap();
        assert_eq!(loaded.campaign.info.start, d);
        assert!(loaded.warnings.is_empty(), "{day}: {:#?}", loaded.warnings);
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    bairi::synth::write_to(&big, 2_000, 1).unwrap();
    let big = big.to_str().unwrap();
    for args in [
        vec!["man"],
        vec!["report", "--format", "json", "--today", "2026-11-01", big],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn help_completions_and_man_page() {
    let run = |args: &[&str], lang: &str| {
        Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(args)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .output()
            .unwrap()
    };
    let zh = run(&["--help"], "zh_CN.UTF-8");
    let text = String::from_utf8_lossy(&zh.stdout);
    assert!(
        text.contains("用法") && text.contains("检查活动文件") && text.contains("退出码"),
        "{text}"
    );
    let en = run(&["--help"], "en_US.UTF-8");
    assert!(String::from_utf8_lossy(&en.stdout).contains("Exit codes"));
    let forced = run(&["--lang", "en", "--help"], "zh_CN.UTF-8");
    assert!(String::from_utf8_lossy(&forced.stdout).contains("Usage"));
    assert!(run(&["--version"], "C").status.success());
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell], "C");
        assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("bairi"));
    }
    let man = run(&["man"], "C");
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH bairi 1"));
    assert_eq!(run(&["frobnicate", "x", "y"], "C").status.code(), Some(2));
}

#[test]
fn new_keeps_bairis_side_folder_out_of_git_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "target/").unwrap();
    for name in ["a.toml", "b.toml"] {
        let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(["new", dir.path().join(name).to_str().unwrap()])
            .env("LANG", "C")
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let ignore = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    assert_eq!(ignore, "target/\n.bairi/\n");
}

#[test]
fn new_replaces_a_gitignore_planted_as_a_link_never_writing_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim-profile");
    std::fs::write(&victim, "export PATH=/usr/bin\n").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(".gitignore")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["new", dir.path().join("c.toml").to_str().unwrap()])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "export PATH=/usr/bin\n"
    );
    let ignore = dir.path().join(".gitignore");
    assert!(
        !std::fs::symlink_metadata(&ignore)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&ignore)
            .unwrap()
            .contains(".bairi/")
    );
}
