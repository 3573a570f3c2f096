//! The tables of one run, published together or not at all.
//!
//! A run writes every table into a folder of its own,
//! `OUT/.zhibiao/runs/<run>/`. Publishing renames one link,
//! `OUT/.zhibiao/current`, to point at that folder, and each table name in
//! `OUT` (`metrics.csv`, …) is a relative link through `current`. Renaming a
//! link is atomic, so a reader — or a run killed at any point — sees the whole
//! old set or the whole new set, never a mix.
//!
//! Runs into one folder take turns: each holds a lock on
//! `OUT/.zhibiao/lock` from start to publication, and one that finds it
//! taken says so and waits.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::AtomicFile;

/// The hidden folder in `OUT` that holds the runs and the lock.
const STATE_DIR: &str = ".zhibiao";
/// The link to the published run, inside [`STATE_DIR`].
const CURRENT: &str = "current";
/// The folder of runs, inside [`STATE_DIR`].
const RUNS: &str = "runs";

/// One run's output folder, locked for the run and published as a whole.
#[derive(Debug)]
pub struct OutputSet {
    out: PathBuf,
    staging: PathBuf,
    /// Held for the lock; released when the set is dropped.
    _lock: File,
    published: bool,
}

impl OutputSet {
    /// Locks `out` for this run (waiting, with a message through `waiting`,
    /// while another run holds it), clears what killed runs left and makes a
    /// fresh folder for this run's tables.
    pub fn open(out: &Path, waiting: impl FnOnce(&Path)) -> Result<OutputSet> {
        let state = out.join(STATE_DIR);
        std::fs::create_dir_all(state.join(RUNS))
            .with_context(|| format!("cannot create output folder {}", out.display()))?;
        let lock_path = state.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot write {}", lock_path.display()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting(out);
                lock.lock()
                    .with_context(|| format!("cannot lock {}", lock_path.display()))?;
            }
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", lock_path.display()))
            }
        }
        remove_unpublished_runs(&state)?;
        let staging = state.join(RUNS).join(run_name());
        std::fs::create_dir(&staging)
            .with_context(|| format!("cannot create {}", staging.display()))?;
        Ok(OutputSet {
            out: out.to_path_buf(),
            staging,
            _lock: lock,
            published: false,
        })
    }

    /// The folder the sinks write this run's tables into.
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Commits the sinks' files in the run's folder and makes them the tables
    /// of `OUT` in one step; returns the tables' paths in `OUT`. Fails, with
    /// nothing replaced, when a table's name in `OUT` is taken by a folder.
    pub fn publish(mut self, files: Vec<AtomicFile>) -> Result<Vec<PathBuf>> {
        let mut names = Vec::with_capacity(files.len());
        for file in files {
            let path = file.commit()?;
            let name = path
                .file_name()
                .map(PathBuf::from)
                .context("a table has no file name")?;
            names.push(name);
        }
        for name in &names {
            let dest = self.out.join(name);
            if std::fs::symlink_metadata(&dest).is_ok_and(|m| m.is_dir()) {
                bail!(
                    "cannot replace {}: a folder has the table's name (move it away)",
                    dest.display()
                );
            }
        }
        sync_dir(&self.staging)?;
        let state = self.out.join(STATE_DIR);
        let run = self
            .staging
            .file_name()
            .map(PathBuf::from)
            .context("the run folder has no name")?;
        replace_with_link(&Path::new(RUNS).join(run), &state.join(CURRENT))?;
        self.published = true;
        for name in &names {
            let target = Path::new(STATE_DIR).join(CURRENT).join(name);
            let dest = self.out.join(name);
            if std::fs::read_link(&dest).ok().as_deref() != Some(target.as_path()) {
                replace_with_link(&target, &dest)?;
            }
        }
        remove_links_to_absent_tables(&self.out, &names)?;
        sync_dir(&self.out)?;
        remove_unpublished_runs(&state)?;
        Ok(names.iter().map(|n| self.out.join(n)).collect())
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// A name for this run's folder that no other run of this or another process
/// takes: the time in nanoseconds and the process id.
fn run_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos}-{}", std::process::id())
}

/// Removes every run folder but the published one (runs that failed or were killed).
fn remove_unpublished_runs(state: &Path) -> Result<()> {
    let current = std::fs::read_link(state.join(CURRENT)).ok();
    let runs = state.join(RUNS);
    let entries =
        std::fs::read_dir(&runs).with_context(|| format!("cannot read {}", runs.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if current.as_deref() != Some(Path::new(RUNS).join(entry.file_name()).as_path()) {
            std::fs::remove_dir_all(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(())
}

/// Removes the links in `out` to tables the published run does not have
/// (a format written last time but not this time).
fn remove_links_to_absent_tables(out: &Path, names: &[PathBuf]) -> Result<()> {
    let through_current = Path::new(STATE_DIR).join(CURRENT);
    let entries =
        std::fs::read_dir(out).with_context(|| format!("cannot read {}", out.display()))?;
    for entry in entries.flatten() {
        let Ok(target) = std::fs::read_link(entry.path()) else {
            continue;
        };
        let ours = target.parent() == Some(through_current.as_path());
        if ours && !names.iter().any(|n| n.as_os_str() == entry.file_name()) {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("cannot remove {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Points `link` at `target` in one step: a new link beside it, renamed over it.
fn replace_with_link(target: &Path, link: &Path) -> Result<()> {
    let name = link
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fresh = link.with_file_name(format!(".{name}.link-{}", std::process::id()));
    let _ = std::fs::remove_file(&fresh);
    make_link(target, &fresh).with_context(|| format!("cannot create {}", fresh.display()))?;
    std::fs::rename(&fresh, link)
        .with_context(|| format!("cannot move {} into place", link.display()))
}

#[cfg(unix)]
fn make_link(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn make_link(target: &Path, link: &Path) -> std::io::Result<()> {
    if target.extension().is_some() {
        std::os::windows::fs::symlink_file(target, link)
    } else {
        std::os::windows::fs::symlink_dir(target, link)
    }
}

/// Flushes a folder's entries to disk, so that a rename in it survives a crash.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot write {}", dir.display()))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn publish(out: &Path, tables: &[(&str, &str)]) -> Result<Vec<PathBuf>> {
        let set = OutputSet::open(out, |_| {})?;
        let mut files = Vec::new();
        for (name, body) in tables {
            let mut file = AtomicFile::create(&set.staging().join(name))?;
            file.write_all(body.as_bytes())?;
            files.push(file);
        }
        set.publish(files)
    }

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn a_published_set_replaces_the_last_one_whole() {
        let out = tempfile::tempdir().unwrap();
        publish(out.path(), &[("a.csv", "1"), ("b.csv", "1")]).unwrap();
        let written = publish(out.path(), &[("a.csv", "2"), ("b.csv", "2")]).unwrap();
        assert_eq!(
            written,
            vec![out.path().join("a.csv"), out.path().join("b.csv")]
        );
        assert_eq!(read(&out.path().join("a.csv")), "2");
        assert_eq!(read(&out.path().join("b.csv")), "2");
        // Only the published run's folder is kept.
        let runs = std::fs::read_dir(out.path().join(".zhibiao/runs")).unwrap();
        assert_eq!(runs.count(), 1);
    }

    #[test]
    fn a_table_the_new_run_lacks_is_no_longer_listed() {
        let out = tempfile::tempdir().unwrap();
        publish(out.path(), &[("a.csv", "1"), ("b.csv", "1")]).unwrap();
        publish(out.path(), &[("a.csv", "2")]).unwrap();
        assert!(std::fs::symlink_metadata(out.path().join("b.csv")).is_err());
    }

    #[test]
    fn a_folder_with_a_table_name_stops_publication_before_anything_changes() {
        let out = tempfile::tempdir().unwrap();
        publish(out.path(), &[("a.csv", "1")]).unwrap();
        std::fs::create_dir(out.path().join("b.csv")).unwrap();
        let err = publish(out.path(), &[("a.csv", "2"), ("b.csv", "2")]).unwrap_err();
        assert!(format!("{err:#}").contains("b.csv"), "{err:#}");
        assert_eq!(read(&out.path().join("a.csv")), "1");
    }

    #[test]
    fn a_run_that_never_publishes_leaves_the_last_set_and_no_folder() {
        let out = tempfile::tempdir().unwrap();
        publish(out.path(), &[("a.csv", "1")]).unwrap();
        {
            let set = OutputSet::open(out.path(), |_| {}).unwrap();
            let mut file = AtomicFile::create(&set.staging().join("a.csv")).unwrap();
            file.write_all(b"2").unwrap();
            file.commit().unwrap();
        }
        assert_eq!(read(&out.path().join("a.csv")), "1");
        let runs = std::fs::read_dir(out.path().join(".zhibiao/runs")).unwrap();
        assert_eq!(runs.count(), 1);
    }

    #[test]
    fn a_killed_run_s_folder_is_cleared_by_the_next_run() {
        let out = tempfile::tempdir().unwrap();
        publish(out.path(), &[("a.csv", "1")]).unwrap();
        let left = out.path().join(".zhibiao/runs/killed");
        std::fs::create_dir(&left).unwrap();
        publish(out.path(), &[("a.csv", "2")]).unwrap();
        assert!(!left.exists());
    }

    #[test]
    fn a_second_run_waits_for_the_lock() {
        let out = tempfile::tempdir().unwrap();
        let first = OutputSet::open(out.path(), |_| {}).unwrap();
        let dir = out.path().to_path_buf();
        let (told, heard) = std::sync::mpsc::channel();
        let second = std::thread::spawn(move || {
            OutputSet::open(&dir, |_| told.send(()).unwrap()).map(|_| ())
        });
        heard.recv().unwrap();
        drop(first);
        second.join().unwrap().unwrap();
    }
}
