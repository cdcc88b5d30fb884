//! `cargo bench --bench terminal`: the real binary in a pseudo-terminal at 120×40. Measures
//! the time to the first frame, the bytes written per cursor move, the bytes written per
//! second while idle (with the live countdown, and with `--today` pinned, when nothing on
//! screen changes) and the peak memory, for 60 and 10,000 tasks. Prints; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test or bench is a failure

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Run {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Run {
    fn start(file: &str, pinned: bool, home: &std::path::Path) -> (Run, Instant) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        // The synthetic campaign's first person edits: without an author the first edit
        // would ask who is editing.
        let config = home.join("config/bairi");
        let _ = std::fs::create_dir_all(&config);
        let _ = std::fs::write(config.join("config.toml"), "author = \"p00\"\n");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_bairi"));
        cmd.arg(file);
        if pinned {
            cmd.args(["--today", "2026-11-01"]);
        }
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "zh_CN.UTF-8");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        if let Ok(v) = std::env::var("MALLOC_ARENA_MAX") {
            cmd.env("MALLOC_ARENA_MAX", v);
        }
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        (
            Run {
                child,
                writer,
                output: rx,
                _master: pair.master,
            },
            started,
        )
    }

    /// Bytes that arrive within `wait`.
    fn drain(&self, wait: Duration) -> Vec<u8> {
        let deadline = Instant::now() + wait;
        let mut out = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.output.recv_timeout(left) {
                Ok(chunk) => out.extend(chunk),
                Err(_) => break,
            }
        }
        out
    }

    /// Whether any output arrives within `wait` (returns at the first bytes).
    fn first_bytes(&self, wait: Duration) -> bool {
        self.output.recv_timeout(wait).is_ok()
    }

    /// Waits until `needle` shows on the screen (as a terminal would draw it).
    fn until(&self, needle: &str) {
        let rows = std::num::NonZeroU16::new(40).expect("rows");
        let cols = std::num::NonZeroU16::new(120).expect("cols");
        let mut screen = vt100::Parser::new(rows, cols, 0);
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(2)) {
                screen.process(&chunk);
                if screen.screen().contents().contains(needle) {
                    return;
                }
            }
        }
    }

    fn peak_memory_kb(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
    }

    fn quit(mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "{:<44}{:>14}{:>14}",
        "terminal bench (120x40)", "60 tasks", "10,000 tasks"
    );
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for (col, n) in [60usize, 10_000].into_iter().enumerate() {
        let path = dir.path().join(format!("c{n}.toml"));
        bairi::synth::write_to(&path, n, 42).expect("write campaign");
        let file = path.to_str().unwrap_or_default();
        let mut put = |name: &str, value: String| match rows.iter_mut().find(|(r, _)| r == name) {
            Some(row) => row.1[col] = value,
            None => {
                let mut cells = vec![String::new(); 2];
                cells[col] = value;
                rows.push((name.to_owned(), cells));
            }
        };

        // Pinned date: nothing ticks, so every byte after a key is the key's.
        let (mut run, started) = Run::start(file, true, dir.path());
        run.until("合成测试");
        put(
            "time to first frame",
            format!("{:.1} ms", started.elapsed().as_secs_f64() * 1000.0),
        );
        run.drain(Duration::from_millis(500));
        let mut moves = Vec::new();
        for _ in 0..10 {
            let _ = run.writer.write_all(b"j");
            let _ = run.writer.flush();
            moves.push(run.drain(Duration::from_millis(150)).len());
        }
        moves.sort_unstable();
        put(
            "bytes per cursor move (median of 10)",
            format!("{}", moves[moves.len() / 2]),
        );
        let idle = run.drain(Duration::from_secs(3));
        put(
            "idle bytes/s, nothing changing",
            format!("{:.1}", idle.len() as f64 / 3.0),
        );
        put(
            "peak memory (VmHWM), browsing",
            run.peak_memory_kb()
                .map_or("?".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
        );
        // Another process saves; then an edit here merges with it (in the store worker)
        // while the next keys are pressed: how long until each is answered.
        let mut answers = Vec::new();
        for round in 0..5 {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let changed = text.replacen("progress", "progress ", round + 1);
            let _ = std::fs::write(&path, changed);
            let _ = run.writer.write_all(b">");
            let _ = run.writer.flush();
            run.drain(Duration::from_millis(30));
            let asked = Instant::now();
            let _ = run.writer.write_all(b"j");
            let _ = run.writer.flush();
            if run.first_bytes(Duration::from_secs(5)) {
                answers.push(asked.elapsed());
            }
            run.drain(Duration::from_millis(1500));
        }
        answers.sort();
        put(
            "key answered during a merging save",
            answers.get(answers.len() / 2).map_or("?".into(), |d| {
                format!("{:.1} ms", d.as_secs_f64() * 1000.0)
            }),
        );
        put(
            "peak memory (VmHWM), after merging saves",
            run.peak_memory_kb()
                .map_or("?".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
        );
        run.quit();

        // The live countdown: one redraw a second.
        let (run, _) = Run::start(file, false, dir.path());
        run.until("合成测试");
        run.drain(Duration::from_millis(1200));
        let idle = run.drain(Duration::from_secs(5));
        put(
            "idle bytes/s, seconds ticking",
            format!("{:.1}", idle.len() as f64 / 5.0),
        );
        run.quit();
    }
    for (name, cells) in rows {
        let cells: Vec<String> = cells.iter().map(|c| format!("{c:>14}")).collect();
        println!("{name:<44}{}", cells.concat());
    }
}
