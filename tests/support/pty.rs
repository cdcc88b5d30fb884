//! Runs the real binary in a pseudo-terminal and reads its screen through a vt100 parser.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Term {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    _master: Box<dyn MasterPty + Send>,
    /// Every byte the program wrote.
    pub bytes: Vec<u8>,
}

impl Term {
    /// Starts `bairi ARGS` in a `cols`×`rows` terminal with a clean environment (and, unless
    /// the test wrote one, a config naming [`super::AUTHOR`]).
    pub fn spawn(args: &[&str], cols: u16, rows: u16, home: &Path, env: &[(&str, &str)]) -> Term {
        Term::spawn_via(&[], args, cols, rows, home, env)
    }

    /// [`Term::spawn`] through a command that then runs bairi (`setpriv … /bin/sh -c …`):
    /// `via` is that command and its arguments, bairi's path follows them.
    pub fn spawn_via(
        via: &[&str],
        args: &[&str],
        cols: u16,
        rows: u16,
        home: &Path,
        env: &[(&str, &str)],
    ) -> Term {
        super::default_config(home);
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let bairi = env!("CARGO_BIN_EXE_bairi");
        let mut cmd = CommandBuilder::new(via.first().copied().unwrap_or(bairi));
        if !via.is_empty() {
            cmd.args(&via[1..]);
            cmd.arg(bairi);
        }
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("LANG", "zh_CN.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn bairi");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Term {
            child,
            writer,
            output: rx,
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            _master: pair.master,
            bytes: Vec::new(),
        }
    }

    /// `bairi PATH --today 2026-11-22` (the example's day) in a `cols`×`rows` terminal, once
    /// the board shows T01 selected.
    pub fn board(path: &Path, cols: u16, rows: u16, home: &Path) -> Term {
        let file = path.to_str().expect("a UTF-8 path");
        let mut term = Term::spawn(&[file, "--today", "2026-11-22"], cols, rows, home, &[]);
        term.wait_for("▶智能装备园一期");
        term
    }

    /// Reads whatever arrives within `wait`.
    pub fn pump(&mut self, wait: Duration) {
        let deadline = Instant::now() + wait;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.output.recv_timeout(left) {
                Ok(chunk) => {
                    self.parser.process(&chunk);
                    self.bytes.extend_from_slice(&chunk);
                }
                Err(_) => break,
            }
        }
    }

    /// Waits until the screen contains `needle` (up to 10 s); panics with the screen if not.
    pub fn wait_for(&mut self, needle: &str) {
        wait_for_on(self, needle, Term::screen, Term::pump);
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// What another program writing to the same terminal would leave on it.
    pub fn scribble(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
    }

    pub fn parser(&self) -> &vt100::Parser {
        &self.parser
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Waits for the program to end (up to 10 s) and returns whether it exited successfully.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            self.pump(Duration::from_millis(20));
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
        }
        let _ = self.child.kill();
        panic!("bairi did not exit:\n{}", self.screen());
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

/// Pumps `term` until its screen contains `needle` (up to 10 s); panics with the screen if not.
pub(super) fn wait_for_on<T>(
    term: &mut T,
    needle: &str,
    screen: fn(&T) -> String,
    pump: fn(&mut T, Duration),
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if screen(term).contains(needle) {
            return;
        }
        pump(term, Duration::from_millis(50));
    }
    panic!("`{needle}` never appeared on screen:\n{}", screen(term));
}

pub(super) fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size above zero")
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
