//! Extended attributes (POSIX ACLs among them: `system.posix_acl_access`) carried from a
//! file to the temp file about to replace it, so that a save by rename keeps who may read
//! and write it exactly. When one cannot be carried (a `security.` label only root may set,
//! a file system without them), the caller writes in place instead.

use std::fs::File;
use std::io;

/// Gives `to` every extended attribute `from` has. `Ok(false)` if one could not be set.
#[cfg(target_os = "linux")]
pub(crate) fn copy(from: &File, to: &File) -> io::Result<bool> {
    use rustix::fs::{XattrFlags, fgetxattr, flistxattr, fsetxattr};
    let mut names = vec![0u8; 1024];
    let len = loop {
        match flistxattr(from, &mut names[..]) {
            Ok(len) => break len,
            Err(rustix::io::Errno::RANGE) => names.resize(names.len() * 4, 0),
            // No extended attributes on this file system: nothing to keep.
            Err(rustix::io::Errno::NOTSUP) => return Ok(true),
            Err(e) => return Err(e.into()),
        }
    };
    for name in names[..len].split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = std::ffi::CStr::from_bytes_with_nul(&[name, b"\0"].concat())
            .map(std::ffi::CStr::to_owned)
            .map_err(io::Error::other)?;
        let mut value = vec![0u8; 4096];
        let got = loop {
            match fgetxattr(from, &name, &mut value[..]) {
                Ok(got) => break got,
                Err(rustix::io::Errno::RANGE) => value.resize(value.len() * 4, 0),
                Err(e) => return Err(e.into()),
            }
        };
        if fsetxattr(to, &name, &value[..got], XattrFlags::empty()).is_err() {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn copy(_from: &File, _to: &File) -> io::Result<bool> {
    Ok(true)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn user_attributes_are_carried_over() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, "a").unwrap();
        std::fs::write(&b, "b").unwrap();
        if rustix::fs::setxattr(
            &a,
            "user.bairi.test",
            b"yes",
            rustix::fs::XattrFlags::empty(),
        )
        .is_err()
        {
            eprintln!("skipped: this file system has no user extended attributes");
            return;
        }
        let (from, to) = (File::open(&a).unwrap(), File::open(&b).unwrap());
        assert!(copy(&from, &to).unwrap());
        let mut value = [0u8; 16];
        let len = rustix::fs::getxattr(&b, "user.bairi.test", &mut value[..]).unwrap();
        assert_eq!(&value[..len], b"yes");
    }
}
