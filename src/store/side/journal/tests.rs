use super::*;

fn begun(dir: &Path, old: &str, new: &str) -> (PathBuf, Journal) {
    let target = dir.join("c.toml");
    fs::write(&target, old).unwrap();
    let meta = fs::metadata(&target).unwrap();
    let journal = Journal::begin(&target, &meta, new.as_bytes()).unwrap();
    (target, journal)
}

#[test]
fn a_whole_journal_is_read_back_and_a_cut_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let (target, journal) = begun(dir.path(), "old", "the new version");
    let bytes = fs::read(path(&target)).unwrap();
    let (body, id) = parse(&bytes).unwrap();
    assert_eq!(body, b"the new version");
    assert_eq!(id, identity(&fs::metadata(&target).unwrap()));
    for cut in 0..bytes.len() {
        assert!(parse(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    journal.end().unwrap();
    assert!(!path(&target).exists());
}

#[test]
fn a_journal_left_by_a_dead_save_is_finished_by_the_next_reader() {
    let dir = tempfile::tempdir().unwrap();
    let (target, journal) = begun(dir.path(), "old text, longer than the new", "new");
    // The save died half way: its lock goes with it, its journal stays.
    fs::write(&target, "nold text, longer than the new").unwrap();
    drop(journal.file);
    settle(&target);
    assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    assert!(!path(&target).exists());
}

#[test]
fn a_journal_for_a_file_replaced_since_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let (target, journal) = begun(dir.path(), "old", "new");
    drop(journal.file);
    // Held open so that the new file cannot take its inode number.
    let _old = File::open(&target).unwrap();
    let other = dir.path().join("other.toml");
    fs::write(&other, "someone else's").unwrap();
    fs::rename(&other, &target).unwrap();
    settle(&target);
    assert_eq!(fs::read_to_string(&target).unwrap(), "someone else's");
    assert!(!path(&target).exists());
}
