//! Two laptops and a server: a bare remote holding a campaign, cloned twice (sites A and B),
//! both set up by `bairi sync`. No global git config is read; the day is pinned.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub use super::repo::{TODAY, git};
use super::repo::{configure, quiet_env};

/// The campaign's name in each clone.
pub const FILE: &str = "qinglan.toml";

/// The campaign's text in clone `dir`.
pub fn text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(FILE)).expect("read")
}

pub struct World {
    _tmp: tempfile::TempDir,
    pub home: PathBuf,
    pub remote: PathBuf,
    pub a: PathBuf,
    pub b: PathBuf,
}

impl World {
    /// A remote holding the qinglan campaign (as `prepare` leaves it), cloned twice.
    pub fn new(prepare: impl FnOnce(String) -> String) -> World {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_owned();
        let home = root.join("home");
        std::fs::create_dir_all(&home).expect("home");
        let remote = root.join("remote.git");
        git(
            &home,
            &root,
            &["init", "-q", "--bare", "-b", "main", "remote.git"],
        );
        let a = root.join("a");
        git(&home, &root, &["init", "-q", "-b", "main", "a"]);
        configure(&home, &a, "Site A");
        let text = std::fs::read_to_string(super::fixture(FILE)).expect("fixture");
        std::fs::write(a.join(FILE), prepare(text)).expect("write");
        git(&home, &a, &["remote", "add", "origin", "../remote.git"]);
        let w = World {
            _tmp: tmp,
            home,
            remote,
            a: a.clone(),
            b: root.join("b"),
        };
        w.sync(&a);
        let first = git(&w.home, &a, &["log", "--format=%s"]);
        assert_eq!(first.trim(), "新建活动文件");
        git(&w.home, &root, &["clone", "-q", "remote.git", "b"]);
        configure(&w.home, &w.b, "Site B");
        w.sync(&w.b);
        w
    }

    /// `bairi ARGS` in `dir`.
    pub fn bairi(&self, dir: &Path, args: &[&str]) -> Output {
        self.bairi_with(dir, &[], args)
    }

    /// `bairi ARGS` in `dir` with `envs` set over the quiet environment.
    pub fn bairi_with(&self, dir: &Path, envs: &[(&str, &str)], args: &[&str]) -> Output {
        quiet_env(&mut Command::new(env!("CARGO_BIN_EXE_bairi")), &self.home)
            .envs(envs.iter().copied())
            .args(args)
            .current_dir(dir)
            .output()
            .expect("bairi runs")
    }

    /// `bairi sync` in `dir`; it must succeed. Returns what it printed.
    pub fn sync(&self, dir: &Path) -> String {
        let out = self.bairi(dir, &["sync", FILE, "--today", TODAY]);
        assert!(
            out.status.success(),
            "sync in {}: {}{}",
            dir.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `bairi ARGS --today TODAY` in `dir` on the campaign; it must succeed.
    pub fn edit(&self, dir: &Path, args: &[&str]) {
        let mut all = args.to_vec();
        all.extend(["--today", TODAY]);
        let out = self.bairi(dir, &all);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `bairi check` in `dir`: it must pass; returns what it said (warnings included).
    pub fn check(&self, dir: &Path) -> String {
        let out = self.bairi(dir, &["check", FILE, "--today", TODAY]);
        let said = String::from_utf8_lossy(&out.stderr).into_owned()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "check: {said}");
        said
    }
}

/// Rewrites the campaign in clone `dir`.
pub fn change(dir: &Path, change: impl FnOnce(String) -> String) {
    let text = change(text(dir));
    std::fs::write(dir.join(FILE), text).expect("write");
}

/// The campaign in clone `dir`, loaded on [`TODAY`].
pub fn load(dir: &Path) -> bairi::domain::Campaign {
    let text = text(dir);
    let today = bairi::store::load::Today::Date(super::day(TODAY));
    bairi::store::load::load_str(&text, today)
        .expect("loads")
        .campaign
}
