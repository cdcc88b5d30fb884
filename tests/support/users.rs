//! Two Unix users in one group (`bairi-alice`, `bairi-bob`, group `bairi-office`), created
//! once when the tests run as root, and bairi run as one of them (setpriv), with a umask and
//! a working directory of the test's choosing.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use tempfile::TempDir;

/// The ids of the test users and group.
pub struct Users {
    pub alice: u32,
    pub bob: u32,
    pub office: u32,
}

fn id(args: &[&str]) -> Option<u32> {
    let out = Command::new("id").args(args).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn run(cmd: &str, args: &[&str]) {
    let _ = Command::new(cmd).args(args).output();
}

/// The test users, created once; `None` when not root or without useradd and setpriv.
pub fn users() -> Option<&'static Users> {
    static USERS: OnceLock<Option<Users>> = OnceLock::new();
    USERS
        .get_or_init(|| {
            let tools = [
                "/usr/bin/setpriv",
                "/usr/sbin/useradd",
                "/usr/sbin/groupadd",
            ];
            if id(&["-u"]) != Some(0) || !tools.iter().all(|t| Path::new(t).exists()) {
                return None;
            }
            run("/usr/sbin/groupadd", &["-f", "bairi-office"]);
            for user in ["bairi-alice", "bairi-bob"] {
                if id(&["-u", user]).is_none() {
                    run(
                        "/usr/sbin/useradd",
                        &["-M", "-U", "-G", "bairi-office", user],
                    );
                }
            }
            let office = Command::new("getent")
                .args(["group", "bairi-office"])
                .output()
                .ok()
                .and_then(|o| {
                    String::from_utf8_lossy(&o.stdout)
                        .split(':')
                        .nth(2)?
                        .parse()
                        .ok()
                })?;
            Some(Users {
                alice: id(&["-u", "bairi-alice"])?,
                bob: id(&["-u", "bairi-bob"])?,
                office,
            })
        })
        .as_ref()
}

/// Says a test was skipped for want of root, useradd and setpriv.
pub fn skip(what: &str) {
    super::skip::skipped(what, "(with useradd and setpriv) to act as two users");
}

/// How bairi is run as a user: the umask and working directory it starts with.
#[derive(Clone, Copy)]
pub struct Session<'a> {
    pub user: &'a str,
    pub umask: u32,
    pub cwd: Option<&'a Path>,
}

impl<'a> Session<'a> {
    /// `user` with umask 022 in the test's own directory.
    pub fn of(user: &'a str) -> Session<'a> {
        Session {
            user,
            umask: 0o022,
            cwd: None,
        }
    }

    /// What runs bairi this way: setpriv, then a shell that sets the umask (bairi follows).
    pub fn via(&self) -> Vec<String> {
        vec![
            "/usr/bin/setpriv".into(),
            format!("--reuid={}", self.user),
            format!("--regid={}", self.user),
            "--init-groups".into(),
            "/bin/sh".into(),
            "-c".into(),
            format!("umask {:03o}; exec \"$0\" \"$@\"", self.umask),
        ]
    }

    /// The command that runs bairi with `args` this way.
    pub fn command(&self, args: &[&str], home: &Path) -> Command {
        let via = self.via();
        let mut cmd = Command::new(&via[0]);
        cmd.args(&via[1..])
            .arg(env!("CARGO_BIN_EXE_bairi"))
            .args(args);
        if let Some(cwd) = self.cwd {
            cmd.current_dir(cwd);
        }
        super::english_at(&mut cmd, home);
        cmd
    }

    /// Runs bairi with `args` this way.
    pub fn run(&self, args: &[&str], home: &Path) -> Output {
        self.command(args, home).output().unwrap()
    }
}

/// Runs bairi as `user` with that user's groups.
pub fn as_user(user: &str, args: &[&str], home: &Path) -> Output {
    Session::of(user).run(args, home)
}

/// A folder everyone may enter, an `office` folder in it (root's, `group`'s, `mode`), and a
/// home anyone may write.
pub fn office(dir: &Path, mode: u32, group: u32) -> (PathBuf, PathBuf) {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let office = dir.join("office");
    std::fs::create_dir(&office).unwrap();
    std::os::unix::fs::chown(&office, Some(0), Some(group)).unwrap();
    std::fs::set_permissions(&office, std::fs::Permissions::from_mode(mode)).unwrap();
    let home = dir.join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o777)).unwrap();
    (office, home)
}

/// Alice's copy of the example, hers and `group`'s with `mode`, in an office folder with
/// `office_mode` (group office): the temp dir that holds it all, the file, a home for bob.
pub fn alices_file(
    u: &Users,
    office_mode: u32,
    group: u32,
    mode: u32,
) -> (TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (office, home) = office(dir.path(), office_mode, u.office);
    let path = super::qinglan_copy(&office);
    std::os::unix::fs::chown(&path, Some(u.alice), Some(group)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    (dir, path, home)
}
