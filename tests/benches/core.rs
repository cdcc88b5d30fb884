//! `cargo bench --bench core`: load, check, compute, save and render on generated campaigns
//! of 60, 1,000 and 10,000 tasks, and key to frame (update + render) for a move and an edit.
//! Prints the median of several runs; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test or bench is a failure

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use bairi::app::action::Action;
use bairi::app::keymap::Keymap;
use bairi::app::lanes::Lanes;
use bairi::app::model::{Derived, Model};
use bairi::app::msg::Msg;
use bairi::app::update::update;
use bairi::domain::Status;
use bairi::domain::leaderboard::leaderboards_before;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::{Today, load_str};
use bairi::sync::summary::between;
use bairi::synth;
use bairi::ui::theme::Theme;
use bairi::ui::{Ctx, render};

fn median(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| f()).collect();
    times.sort();
    times[times.len() / 2]
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// The time `f` takes; what it returns is dropped after the clock stops (the app keeps it).
fn time_kept<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    let kept = black_box(f());
    let elapsed = start.elapsed();
    drop(kept);
    elapsed
}

/// A line of `/proc/self/status` in kB (0 where it cannot be read).
fn memory_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn ms(d: Duration) -> String {
    format!("{:>9.3} ms", d.as_secs_f64() * 1000.0)
}

/// The table printed at the end: one row a bench, one cell a size.
struct Rows {
    sizes: usize,
    rows: Vec<(&'static str, Vec<String>)>,
}

impl Rows {
    fn push(&mut self, name: &'static str, col: usize, value: String) {
        if let Some(row) = self.rows.iter_mut().find(|(n, _)| *n == name) {
            row.1[col] = value;
        } else {
            let mut cells = vec![String::new(); self.sizes];
            cells[col] = value;
            self.rows.push((name, cells));
        }
    }
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "{:<34}{:>12}{:>12}{:>12}",
        "bench (median)", "60", "1,000", "10,000"
    );
    let sizes = [60usize, 1_000, 10_000];
    let mut rows = Rows {
        sizes: sizes.len(),
        rows: Vec::new(),
    };
    for (col, &n) in sizes.iter().enumerate() {
        let text = synth::campaign_toml(n, 42);
        let runs = if n >= 10_000 { 9 } else { 21 };
        let at = At {
            col,
            n,
            runs,
            today,
        };
        rows.push(
            "file size",
            col,
            format!("{:>9.1} KB", text.len() as f64 / 1024.0),
        );
        let loaded = bench_load(&mut rows, &at, &text);
        bench_summary(&mut rows, &at, &loaded.campaign);
        drop(loaded);
        let path = dir.path().join(format!("c{n}.toml"));
        std::fs::write(&path, &text).expect("write");
        let file = bench_saves(&mut rows, &at, &path, &text);
        bench_keys(&mut rows, &at, file);
    }
    for (name, cells) in rows.rows {
        let cells: Vec<String> = cells.iter().map(|c| format!("{c:>12}")).collect();
        println!("{name:<34}{}", cells.concat());
    }
}

/// Which column, how many tasks, how many runs, which day.
struct At {
    col: usize,
    n: usize,
    runs: usize,
    today: NaiveDate,
}

/// Parse, load, compute the board and the leaderboards; returns the campaign loaded.
fn bench_load(rows: &mut Rows, at: &At, text: &str) -> bairi::store::load::Loaded {
    let (col, runs, today) = (at.col, at.runs, at.today);
    let parse = median(runs, || {
        time_kept(|| {
            use bairi::store::tree::{Builder, Pieces};
            std::thread::scope(|scope| {
                let mut b = Builder::new(text, "tasks", Pieces::start(text, scope));
                while b.step().unwrap_or(false) {
                    b.take_streamed().for_each(drop);
                }
                b.finish().map(|p| p.layout)
            })
        })
    });
    rows.push("parse only (TOML to tree)", col, ms(parse));
    let load = median(runs, || time_kept(|| load_str(text, Today::Date(today))));
    rows.push("load + check (parse, validate)", col, ms(load));
    let loaded = load_str(text, Today::Date(today)).expect("valid synthetic file");
    let board = median(runs, || {
        time_kept(|| Derived::compute(&loaded.campaign, today, Lanes::Status, None))
    });
    rows.push("compute the board (lights, columns)", col, ms(board));
    rows.push("load + check + compute the board", col, ms(load + board));
    let boards = median(runs, || {
        time_kept(|| leaderboards_before(&loaded.campaign, today))
    });
    rows.push("every past checkpoint's leaderboard", col, ms(boards));
    loaded
}

/// What a sync brought in, summed up in one line (`sync::summary::between`): a status
/// changed, a task added and one removed.
fn bench_summary(rows: &mut Rows, at: &At, old: &bairi::domain::Campaign) {
    let mut new = old.clone();
    let n = new.tasks.len();
    new.tasks[n / 2].status = match new.tasks[n / 2].status {
        Status::Blocked => Status::InProgress,
        _ => Status::Blocked,
    };
    let gone = new.tasks.remove(n / 3);
    let mut added = gone.clone();
    "T99999".clone_into(&mut added.id);
    new.tasks.push(added);
    let summary = median(at.runs, || time_kept(|| between(old, &new)));
    rows.push("summary of a sync (between)", at.col, ms(summary));
}

/// Saves after one edit, with and without copies, and merging saves; returns the file.
/// One edit, made as the board makes it: a task's progress set through `apply`.
fn progress_of(file: &mut CampaignFile, task: &str, progress: u8, today: NaiveDate) {
    let edit = bairi::store::edit::apply::Edit::Progress {
        task: task.to_owned(),
        progress,
    };
    let _ = file.apply(&edit, &bairi::store::edit::apply::Stamp { today, by: None });
}

fn bench_saves(rows: &mut Rows, at: &At, path: &std::path::Path, text: &str) -> CampaignFile {
    let (col, n, runs, today) = (at.col, at.n, at.runs, at.today);
    let mut file = CampaignFile::open(path, Today::Date(today)).expect("open");
    let id = file.campaign.tasks[n / 2].id.clone();
    let mut progress = 0u8;
    let save = median(runs, || {
        progress = (progress + 1) % 100;
        progress_of(&mut file, &id, progress, today);
        time(|| file.save().expect("save"))
    });
    rows.push("save after one edit", col, ms(save));
    // The same with timestamped copies kept (the board's default: 14 days): the version on
    // disk and the version written each kept, compressed, in `.bairi/`.
    file.backups = bairi::store::save::backup::BackupPolicy::standard(14);
    let kept = median(runs, || {
        progress = (progress + 1) % 100;
        progress_of(&mut file, &id, progress, today);
        time(|| file.save().expect("save"))
    });
    file.backups = bairi::store::save::backup::BackupPolicy::default();
    rows.push("save after one edit, copies kept", col, ms(kept));
    let saved = std::fs::read_to_string(path).expect("read");
    let changed = text
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .count();
    rows.push("lines changed by that save", col, format!("{changed:>12}"));
    let mut other = CampaignFile::open(path, Today::Date(today)).expect("open");
    let their_id = other.campaign.tasks[n / 3].id.clone();
    let merged = median(runs.min(5), || {
        progress = (progress + 1) % 100;
        progress_of(&mut other, &their_id, progress, today);
        other.save().expect("their save");
        progress_of(&mut file, &id, progress, today);
        time(|| file.save().expect("merging save"))
    });
    rows.push("save merging a change made elsewhere", col, ms(merged));
    // Published here (a change outside the tasks) while they changed a task.
    let past = bairi::domain::countdown::past_checkpoints(&file.campaign.info, today);
    if let Some(&(cp, date)) = past.last() {
        let board = bairi::domain::leaderboard::leaderboard_at(&file.campaign, Some(cp), date);
        let publish = bairi::store::edit::apply::Edit::Publish {
            board: Box::new(board),
            kind: "竞赛".to_owned(),
            note: None,
        };
        let stamp = bairi::store::edit::apply::Stamp { today, by: None };
        let _ = file.apply(&publish, &stamp);
        progress = (progress + 1) % 100;
        progress_of(&mut other, &their_id, progress, today);
        other.save().expect("their save");
        let before = memory_kb("VmRSS");
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let after_publish = time(|| file.save().expect("merging save after publish"));
        let peak = memory_kb("VmHWM").saturating_sub(before);
        rows.push("save merging after publish (P)", col, ms(after_publish));
        rows.push(
            "  memory it takes (peak - before)",
            col,
            format!("{:>9.1} MB", peak as f64 / 1024.0),
        );
    }
    file
}

/// Render a frame, and key to frame for a move and a tick.
fn bench_keys(rows: &mut Rows, at: &At, file: CampaignFile) {
    let (col, runs, today) = (at.col, at.runs, at.today);
    let mut model = Model::new(file, today, Lang::Zh);
    let (theme, keymap) = (Theme::default(), Keymap::default());
    let now = Utc
        .with_ymd_and_hms(2026, 11, 1, 2, 0, 0)
        .single()
        .unwrap_or_default();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut draw = |model: &Model| {
        let ctx = Ctx {
            model,
            theme: &theme,
            keymap: &keymap,
            now,
        };
        terminal.draw(|f| render(f, &ctx)).expect("draw");
    };
    let frame = median(runs * 3, || time(|| draw(&model)));
    rows.push("render a 200x60 frame", col, ms(frame));
    let moved = median(runs * 3, || {
        time(|| {
            update(&mut model, Msg::Action(Action::Down));
            draw(&model);
        })
    });
    rows.push("key to frame: next card", col, ms(moved));
    model.autosave = false;
    let ticked = median(runs, || {
        update(&mut model, Msg::Action(Action::Down));
        time(|| {
            update(&mut model, Msg::Action(Action::Tick));
            draw(&model);
        })
    });
    rows.push("key to frame: tick a milestone", col, ms(ticked));
}
