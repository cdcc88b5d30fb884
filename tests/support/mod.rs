//! Shared helpers for the integration tests.
#![allow(dead_code)] // each test binary uses a part of the shared helpers

pub mod board;
pub mod dates;
pub mod edits;
pub mod files;
pub mod git_rounds;
pub mod git_world;
pub mod locks;
pub mod pty;
pub mod repo;
pub mod seeded;
pub mod skip;
pub mod sshd;
pub mod themed;
pub mod users;

use std::path::{Path, PathBuf};

/// The qinglan example campaign, copied into a temp dir so a test may edit it.
pub fn qinglan_copy(dir: &Path) -> PathBuf {
    let path = dir.join("qinglan.toml");
    std::fs::copy(fixture("qinglan.toml"), &path).expect("copy fixture");
    path
}

/// The qinglan example with two red streaks written into its reviews: T06 red at checkpoints
/// 3, 4 and 5 (due a follow-up order from 2026-11-10 on), and T02 red at 4 and 5 (due one
/// once checkpoint 6, where it is red again, is published).
pub fn qinglan_red_streaks(dir: &Path) -> PathBuf {
    let path = qinglan_copy(dir);
    let text = std::fs::read_to_string(&path).expect("read the copy");
    let text = text
        .replacen("red    = [\"T02\"]", "red    = [\"T02\", \"T06\"]", 1)
        .replacen(
            "red    = [\"T05\", \"T06\"]",
            "red    = [\"T02\", \"T05\", \"T06\"]",
            1,
        );
    std::fs::write(&path, text).expect("write the copy");
    path
}

/// [`qinglan_red_streaks`] opened on `today` in a temp dir.
pub fn streaks_model(
    today: &str,
    lang: bairi::i18n::Lang,
) -> (bairi::app::model::Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = qinglan_red_streaks(dir.path());
    (model_of(&path, today, lang), dir)
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The lines that differ between two texts, as (before, after) pairs by line number; both
/// texts must have the same number of lines.
pub fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

/// Lines added to `after` that `before` does not have (for appends); no line may be removed.
pub fn added_lines(before: &str, after: &str) -> Vec<String> {
    let mut old = before.lines().peekable();
    let mut added = Vec::new();
    for line in after.lines() {
        if old.peek() == Some(&line) {
            old.next();
        } else {
            added.push(line.to_owned());
        }
    }
    assert_eq!(old.next(), None, "lines were removed");
    added
}

/// Asserts that `after` is the qinglan text `before` with T01 moved from 推进中 to 受阻 on
/// 2026-11-22 by li_mx (the author the test boards are given): its status line changed and
/// one history line added.
pub fn assert_t01_blocked(before: &str, after: &str) {
    // T01 is the first task: its status line is the first such line.
    let (old, new) = ("status     = \"推进中\"", "status     = \"受阻\"");
    assert_eq!(
        added_lines(&before.replacen(old, new, 1), after),
        ["  { date = 2026-11-22, by = \"li_mx\", kind = \"状态\", text = \"推进中→受阻\" },"],
        "T01's status line changed and one history line was added"
    );
}

/// A rendered buffer as text, one line per row, wide characters written once.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Whether someone still holds the save lock (the lock file itself stays, by design).
pub fn lock_held(path: &Path) -> bool {
    !matches!(
        bairi::store::side::lock::Lock::try_acquire(path),
        Ok(Some(_))
    )
}

/// The person the boards started by these tests edit as (qinglan's 李明轩): with no
/// `author` in the config, a board's first edit asks who is editing.
pub const AUTHOR: &str = "li_mx";

/// The config file of a board started with `home` (its XDG_CONFIG_HOME).
pub fn config_path(home: &Path) -> PathBuf {
    home.join("config/bairi/config.toml")
}

/// Writes that config: `author` (see [`AUTHOR`]), then `settings`.
pub fn write_config(home: &Path, settings: &str) {
    let path = config_path(home);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("config dir");
    let text = format!("author = \"{AUTHOR}\"\n{settings}");
    std::fs::write(path, text).expect("config");
}

/// The author-only config, unless the test wrote a config of its own.
pub fn default_config(home: &Path) {
    if !config_path(home).exists() {
        write_config(home, "");
    }
}

/// A config with `autosave = false` for a board started with `home`.
pub fn autosave_off(home: &Path) {
    write_config(home, "autosave = false\n");
}

/// Another process holding the campaign's save lock (flock(1) from util-linux), in a process
/// group of its own so that killing it ends its `sleep` too.
pub struct HeldLock {
    child: std::process::Child,
}

impl HeldLock {
    /// Lets the lock go: flock and its `sleep` end.
    pub fn kill(&mut self) -> std::io::Result<()> {
        let group = format!("-{}", self.child.id());
        std::process::Command::new("kill")
            .args(["-KILL", "--", &group])
            .status()
            .map(|_| ())
    }

    pub fn wait(&mut self) -> std::io::Result<std::process::ExitStatus> {
        self.child.wait()
    }

    /// Lets the lock go and waits for flock to end.
    pub fn release(mut self) {
        let _ = self.kill();
        let _ = self.wait();
    }
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        let _ = self.kill();
        let _ = self.child.wait();
    }
}

pub fn hold_lock(campaign: &Path) -> HeldLock {
    use std::os::unix::process::CommandExt;
    let lock = bairi::store::side::lock::lock_path(campaign);
    bairi::store::side::sidecar::folder_for(&lock).expect("side folder");
    let child = std::process::Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "30"])
        .process_group(0)
        .spawn()
        .expect("flock(1) from util-linux");
    let held = HeldLock { child };
    wait_until("flock to hold the lock", || lock_held(campaign));
    held
}

/// Polls `ready` every few milliseconds until it holds; panics naming `what` after 20 s
/// (a test waits for a state it can see, not for a guessed time).
pub fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !ready() {
        assert!(
            std::time::Instant::now() < deadline,
            "waited 20 s for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Sends signal `name` (`TERM`, `HUP`…) to process `pid` with kill(1), which must succeed.
pub fn send_signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("kill(1) runs");
    assert!(status.success(), "kill -{name} {pid}");
}

/// The one recovery copy a board left in `dir`, as text.
pub fn the_recovery_copy(dir: &Path) -> String {
    let copies: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".recovered-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    std::fs::read_to_string(&copies[0]).expect("read the copy")
}

/// A date written `YYYY-MM-DD`.
pub fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

/// The example campaign's day (its expected values are for 2026-11-22).
pub fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

/// That day, pinned as the loader's "today".
pub fn pinned() -> bairi::domain::Today {
    bairi::domain::Today::Date(today())
}

/// The qinglan example opened on `today` in a temp dir (kept alive by the returned guard).
pub fn qinglan_model(
    today: &str,
    lang: bairi::i18n::Lang,
) -> (bairi::app::model::Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = qinglan_copy(dir.path());
    (model_of(&path, today, lang), dir)
}

/// The board's model of the campaign at `path`, opened on `today`.
pub fn model_of(path: &Path, today: &str, lang: bairi::i18n::Lang) -> bairi::app::model::Model {
    let file =
        bairi::store::file::CampaignFile::open(path, bairi::store::load::Today::Date(day(today)))
            .expect("the campaign opens");
    bairi::app::model::Model::new(file, day(today), lang)
}

/// `bairi ARGS` in English, its data and config kept under `home`.
pub fn bairi_at(home: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("bairi runs")
}

/// Sets `cmd` to run in English with `home` as its home and its data and config under it.
pub fn english_at<'c>(
    cmd: &'c mut std::process::Command,
    home: &Path,
) -> &'c mut std::process::Command {
    cmd.env("LANG", "en_US.UTF-8")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
}

/// `bairi ARGS` in English with no config file at all.
pub fn bairi(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .output()
        .expect("bairi runs")
}

/// Compares `actual` with the golden file `tests/golden/NAME` (`UPDATE_GOLDEN=1` rewrites it:
/// review the diff before committing).
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden file written");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(actual, expected, "{} differs", path.display());
}

/// Applies `actions` in order on the model's own day.
pub fn press(m: &mut bairi::app::model::Model, actions: &[bairi::app::action::Action]) {
    for a in actions {
        bairi::app::update::update(m, bairi::app::msg::Msg::Action(*a));
    }
}

/// Types `text` into the open form or list.
pub fn typed(m: &mut bairi::app::model::Model, text: &str) {
    let actions: Vec<_> = text.chars().map(bairi::app::action::Action::Type).collect();
    press(m, &actions);
}

/// The model drawn at `w`×`h` with `keymap` at 02:00 UTC on its day: the screen as text and
/// where things are on it (what the shell keeps for the mouse).
fn draw(
    m: &bairi::app::model::Model,
    keymap: &bairi::app::keymap::Keymap,
    w: u16,
    h: u16,
) -> (String, bairi::app::hits::HitMap) {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    let now = m
        .today
        .and_hms_opt(2, 0, 0)
        .expect("a time of day")
        .and_utc();
    let theme = bairi::ui::theme::Theme::default();
    let mut hits = bairi::app::hits::HitMap::default();
    terminal
        .draw(|f| {
            let ctx = bairi::ui::Ctx {
                model: m,
                theme: &theme,
                keymap,
                now,
            };
            hits = bairi::ui::render_mapped(f, &ctx);
        })
        .expect("draws");
    (buffer_text(terminal.backend().buffer()), hits)
}

/// The screen at `w`×`h` with `keymap`, drawn at 02:00 UTC on the model's day.
pub fn screen_with(
    m: &bairi::app::model::Model,
    keymap: &bairi::app::keymap::Keymap,
    w: u16,
    h: u16,
) -> String {
    draw(m, keymap, w, h).0
}

/// Where things are on the screen at `w`×`h` (what the shell keeps for the mouse).
pub fn hits(m: &bairi::app::model::Model, w: u16, h: u16) -> bairi::app::hits::HitMap {
    draw(m, &bairi::app::keymap::Keymap::default(), w, h).1
}

/// The same with the default keys.
pub fn screen(m: &bairi::app::model::Model, w: u16, h: u16) -> String {
    screen_with(m, &bairi::app::keymap::Keymap::default(), w, h)
}

/// Saves the board's file as the shell does when `update` asks to (`Effect::Save`): a copy
/// is saved (by the store worker there) and the outcome handed back to the model. Returns
/// whether it saved.
pub fn save_now(m: &mut bairi::app::model::Model) -> bool {
    let mut file = Box::new(m.store().clone());
    let result = file.save();
    let ok = result.is_ok();
    let saved = bairi::app::msg::Msg::Saved {
        file,
        result,
        unsynced: None,
    };
    bairi::app::update::update(m, saved);
    ok
}

/// A writer whose bytes can be taken out while ratatui's backend owns it.
#[derive(Default, Clone)]
pub struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Shared {
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}
