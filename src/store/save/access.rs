//! Who is running, and what the system lets them do to a file: write access as the kernel
//! decides it for this user (not the mode bits), and whether a process still lives.

use std::fs;
use std::path::Path;

/// Whether the running user may write `path` itself (`access(2)`: owner, group, other bits,
/// ACLs, a read-only mount). As in vim, a file with no write bit at all is read-only even
/// for root, who could write it anyway. A file that does not exist yet counts as writable.
#[cfg(unix)]
pub(crate) fn may_write(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    match rustix::fs::access(path, rustix::fs::Access::WRITE_OK) {
        Ok(()) => fs::metadata(path).map_or(true, |m| m.permissions().mode() & 0o222 != 0),
        Err(e) => e == rustix::io::Errno::NOENT,
    }
}

#[cfg(not(unix))]
pub(crate) fn may_write(path: &Path) -> bool {
    fs::metadata(path).map_or(true, |m| !m.permissions().readonly())
}

/// Whether process `pid` on this machine is still running (`None`: cannot tell).
#[cfg(unix)]
pub(crate) fn process_alive(pid: u32) -> Option<bool> {
    let pid = rustix::process::Pid::from_raw(i32::try_from(pid).ok()?)?;
    match rustix::process::test_kill_process(pid) {
        Ok(()) => Some(true),
        Err(e) if e == rustix::io::Errno::SRCH => Some(false),
        // EPERM: it exists, it is another user's.
        Err(e) if e == rustix::io::Errno::PERM => Some(true),
        Err(_) => None,
    }
}

#[cfg(not(unix))]
pub(crate) fn process_alive(_pid: u32) -> Option<bool> {
    None
}

/// The running user's login name, from the environment, else from the user database by
/// uid, else `uid<N>`: never a question mark.
pub(crate) fn user_name() -> String {
    user_name_with(|var| std::env::var(var).ok())
}

/// [`user_name`] with the environment given.
pub(crate) fn user_name_with(env: impl Fn(&str) -> Option<String>) -> String {
    let from_env = ["USER", "LOGNAME"]
        .iter()
        .filter_map(|var| env(var))
        .find(|v| !v.trim().is_empty());
    from_env.unwrap_or_else(user_of_uid)
}

#[cfg(unix)]
fn user_of_uid() -> String {
    let uid = rustix::process::getuid().as_raw();
    fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|passwd| name_in_passwd(&passwd, uid))
        .unwrap_or_else(|| format!("uid{uid}"))
}

#[cfg(not(unix))]
fn user_of_uid() -> String {
    std::env::var("USERNAME").unwrap_or_else(|_| "user".into())
}

/// The name of `uid` in a passwd file (`name:x:uid:gid:...`).
fn name_in_passwd(passwd: &str, uid: u32) -> Option<String> {
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id = fields.nth(1)?.parse::<u32>().ok()?;
        (id == uid && !name.is_empty()).then(|| name.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_passwd_file() {
        let passwd =
            "root:x:0:0:root:/root:/bin/bash\n# comment\nwang:x:1001:1001::/home/wang:/bin/sh\n";
        assert_eq!(name_in_passwd(passwd, 1001).as_deref(), Some("wang"));
        assert_eq!(name_in_passwd(passwd, 0).as_deref(), Some("root"));
        assert_eq!(name_in_passwd(passwd, 7), None);
    }

    #[test]
    fn without_user_variables_the_name_comes_from_the_uid() {
        let name = user_name_with(|_| None);
        assert!(!name.is_empty() && !name.contains('?'), "{name}");
        #[cfg(unix)]
        if rustix::process::getuid().is_root() {
            assert_eq!(name, "root");
        }
        assert_eq!(
            user_name_with(|v| (v == "LOGNAME").then(|| "li".into())),
            "li"
        );
    }

    #[cfg(unix)]
    #[test]
    fn this_process_is_alive_and_a_missing_file_is_writable() {
        assert_eq!(process_alive(std::process::id()), Some(true));
        let dir = tempfile::tempdir().unwrap();
        assert!(may_write(&dir.path().join("new.toml")));
    }
}
