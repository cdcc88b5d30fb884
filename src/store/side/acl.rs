//! A campaign's POSIX ACL carried over to its side files (as it is) and to the `.bairi/`
//! folder (with `x` wherever an entry reads or writes, so that those it names may enter),
//! so that a colleague let in by an ACL entry is let into `.bairi/` too.

use std::path::Path;

/// The xattr a POSIX access ACL is stored in.
pub(crate) const ACCESS: &str = "system.posix_acl_access";

/// Gives `place` the access ACL `campaign` has, if it has one (nothing otherwise, and
/// nothing on failure: the permission bits still apply).
#[cfg(target_os = "linux")]
pub(crate) fn copy(campaign: &Path, place: &Path, folder: bool) {
    let mut value = vec![0u8; 4096];
    let Ok(len) = rustix::fs::getxattr(campaign, ACCESS, &mut value[..]) else {
        return;
    };
    value.truncate(len);
    if folder {
        enter(&mut value);
    }
    let _ = rustix::fs::setxattr(place, ACCESS, &value, rustix::fs::XattrFlags::empty());
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn copy(_campaign: &Path, _place: &Path, _folder: bool) {}

/// Adds `x` to every entry of a Linux ACL xattr (a 4-byte version, then 8-byte entries:
/// tag u16, permissions u16, id u32, little-endian) that gives `r` or `w`.
fn enter(value: &mut [u8]) {
    for entry in value.get_mut(4..).unwrap_or_default().chunks_exact_mut(8) {
        let perm = u16::from_le_bytes([entry[2], entry[3]]);
        if perm & 0o6 != 0 {
            entry[2..4].copy_from_slice(&(perm | 1).to_le_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_that_read_or_write_may_enter() {
        let mut value = vec![2, 0, 0, 0];
        for (tag, perm, id) in [(1u16, 6u16, u32::MAX), (2, 4, 1002), (32, 0, u32::MAX)] {
            value.extend(tag.to_le_bytes());
            value.extend(perm.to_le_bytes());
            value.extend(id.to_le_bytes());
        }
        enter(&mut value);
        let perms: Vec<u16> = value[4..]
            .chunks_exact(8)
            .map(|e| u16::from_le_bytes([e[2], e[3]]))
            .collect();
        assert_eq!(perms, [7, 5, 0]);
    }
}
