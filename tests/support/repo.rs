//! Real git for the sync tests: a quiet environment (no global or system config), git run in
//! a folder, and a bare remote with one clone whose campaign is synced once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day the sync tests pin.
pub const TODAY: &str = "2026-11-22";

/// `cmd` with no global or system git config, and `home` as home, config and data.
pub fn quiet_env<'c>(cmd: &'c mut Command, home: &Path) -> &'c mut Command {
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("BAIRI_NOW")
        .env_remove("GIT_SSH_COMMAND")
}

/// `git ARGS` in `dir`, which must succeed; its output.
pub fn git(home: &Path, dir: &Path, args: &[&str]) -> String {
    let out = quiet_env(&mut Command::new("git"), home)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A committer for the clone in `dir`.
pub fn configure(home: &Path, dir: &Path, name: &str) {
    for (k, v) in [
        ("user.name", name),
        ("user.email", "bairi@example.com"),
        ("commit.gpgsign", "false"),
        ("core.autocrlf", "false"),
    ] {
        git(home, dir, &["config", k, v]);
    }
}

/// A bare remote and one clone `a` holding `qinglan.toml`, synced once.
pub struct Repo {
    pub tmp: tempfile::TempDir,
    pub home: PathBuf,
    pub remote: PathBuf,
    pub a: PathBuf,
}

impl Repo {
    pub fn new() -> Repo {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_owned();
        let home = root.join("home");
        std::fs::create_dir_all(&home).expect("home");
        git(
            &home,
            &root,
            &["init", "-q", "--bare", "-b", "main", "remote.git"],
        );
        git(&home, &root, &["init", "-q", "-b", "main", "a"]);
        let a = root.join("a");
        configure(&home, &a, "Site A");
        std::fs::copy(super::fixture("qinglan.toml"), a.join("qinglan.toml")).expect("copy");
        git(&home, &a, &["remote", "add", "origin", "../remote.git"]);
        let repo = Repo {
            home,
            remote: root.join("remote.git"),
            a,
            tmp,
        };
        let first = repo.sync(&[]);
        assert!(
            first.status.success(),
            "{}",
            String::from_utf8_lossy(&first.stderr)
        );
        repo
    }

    /// `bairi ARGS` in the clone, with `envs` over the quiet environment.
    pub fn bairi(&self, envs: &[(&str, &str)], args: &[&str]) -> Output {
        quiet_env(&mut Command::new(env!("CARGO_BIN_EXE_bairi")), &self.home)
            .envs(envs.iter().copied())
            .args(args)
            .current_dir(&self.a)
            .output()
            .expect("bairi runs")
    }

    /// `bairi sync qinglan.toml` in the clone.
    pub fn sync(&self, envs: &[(&str, &str)]) -> Output {
        self.bairi(envs, &["sync", "qinglan.toml", "--today", TODAY])
    }

    /// A note on T01 from the command line, not yet synced.
    pub fn note(&self, text: &str) {
        let out = self.bairi(
            &[],
            &["note", "qinglan.toml", "T01", text, "--today", TODAY],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The remote's commit subjects, newest first.
    pub fn remote_log(&self) -> String {
        git(&self.home, &self.remote, &["log", "--format=%s", "main"])
    }

    /// The clone's git folder.
    pub fn git_dir(&self) -> PathBuf {
        self.a.join(".git")
    }
}

/// A TCP port that takes connections and never answers: an SSH server that hangs.
pub fn silent_port() -> (std::net::TcpListener, u16) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    (listener, port)
}

/// Processes whose command line mentions `needle` (a unique port, say), from /proc.
pub fn processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let line = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if line.contains(needle) {
            found.push(line);
        }
    }
    found
}
