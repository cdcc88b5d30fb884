//! A terminal whose far end can hang up, as sshd's or tmux's does when the link drops: the
//! test holds the only descriptor of the pty master, and dropping it is the hang-up.

use std::fs::File;
use std::io::Write;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, poll};
use rustix::fs::{Mode, OFlags};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

use super::pty::nonzero;

pub struct Link {
    child: Child,
    /// The only descriptor of the master side; `None` once hung up.
    master: Option<OwnedFd>,
    parser: vt100::Parser,
}

impl Link {
    /// Starts `bairi ARGS` as the leader of a new session whose controlling terminal is a
    /// fresh `cols`×`rows` pty, with a clean environment.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, home: &Path, env: &[(&str, &str)]) -> Link {
        let flags = OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC;
        let master = openpt(flags).expect("openpt");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        let size = Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&master, size).expect("window size");
        let slave = rustix::fs::open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .expect("open the pty's slave side");
        let slave = File::from(slave);
        super::default_config(home);
        // setsid(1) makes it the leader of a new session with the pty (its stdin) as the
        // controlling terminal, then execs bairi in the same process (no unsafe `pre_exec`).
        let mut cmd = Command::new("setsid");
        cmd.arg("--ctty")
            .arg(env!("CARGO_BIN_EXE_bairi"))
            .args(args)
            .env_clear()
            .env("TERM", "xterm-256color")
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("LANG", "zh_CN.UTF-8")
            .envs(env.iter().copied())
            .stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(Stdio::from(slave.try_clone().expect("dup")))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().expect("spawn bairi");
        drop(cmd);
        Link {
            child,
            master: Some(master),
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
        }
    }

    /// Reads whatever arrives within `wait`.
    pub fn pump(&mut self, wait: Duration) {
        let Some(master) = self.master.as_ref() else {
            return;
        };
        let deadline = Instant::now() + wait;
        let mut buf = [0u8; 8192];
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let timeout = rustix::event::Timespec {
                tv_sec: 0,
                tv_nsec: left.as_nanos().min(50_000_000) as i64,
            };
            let mut fds = [PollFd::new(master, PollFlags::IN)];
            if poll(&mut fds, Some(&timeout)).unwrap_or(0) == 0 {
                continue;
            }
            match rustix::io::read(master, &mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => self.parser.process(&buf[..n]),
            }
        }
    }

    /// Waits until the screen contains `needle` (up to 10 s); panics with the screen if not.
    pub fn wait_for(&mut self, needle: &str) {
        super::pty::wait_for_on(self, needle, Link::screen, Link::pump);
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn send(&mut self, keys: &str) {
        let master = self.master.as_ref().expect("still connected");
        let mut out = File::from(master.try_clone().expect("dup"));
        out.write_all(keys.as_bytes()).expect("write keys");
        drop(out);
        self.pump(Duration::from_millis(30));
    }

    /// Closes the master side: the link is gone.
    pub fn hang_up(&mut self) {
        self.master = None;
    }

    /// Waits up to `limit` for the program to end; its exit code, or `None` if it did not.
    pub fn exit_within(&mut self, limit: Duration) -> Option<i32> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            self.pump(Duration::from_millis(10));
            if let Ok(Some(status)) = self.child.try_wait() {
                use std::os::unix::process::ExitStatusExt;
                return Some(
                    status
                        .code()
                        .unwrap_or_else(|| -status.signal().unwrap_or(1000)),
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
