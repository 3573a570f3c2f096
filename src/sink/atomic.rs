//! Files that appear whole or not at all: written beside the target, renamed on commit.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A file being written to a temporary name in the target's folder.
///
/// Dropped without [`AtomicFile::commit`], the temporary file is removed and
/// any previous file at the target stays as it was.
#[derive(Debug)]
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    writer: BufWriter<File>,
    committed: bool,
}

impl AtomicFile {
    /// Starts writing `dest` (through `.dest.tmp` in the same folder).
    pub fn create(dest: &Path) -> Result<AtomicFile> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.tmp"));
        let file = File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            writer: BufWriter::with_capacity(1 << 16, file),
            committed: false,
        })
    }

    /// The temporary file's path, for writers that open the file themselves.
    pub fn temp_path(&self) -> &Path {
        &self.tmp
    }

    /// A second handle to the temporary file, for writers that need to own one.
    /// Write through either handle, not both.
    pub fn file_handle(&self) -> Result<File> {
        self.writer
            .get_ref()
            .try_clone()
            .with_context(|| format!("cannot write {}", self.tmp.display()))
    }

    /// Flushes and renames the file into place; returns the final path.
    pub fn commit(mut self) -> Result<PathBuf> {
        let context = || format!("cannot write {}", self.tmp.display());
        self.writer.flush().with_context(context)?;
        self.writer.get_ref().sync_all().with_context(context)?;
        std::fs::rename(&self.tmp, &self.dest)
            .with_context(|| format!("cannot move {} into place", self.dest.display()))?;
        self.committed = true;
        Ok(self.dest.clone())
    }
}

/// Writing errors name the file (No space left on device alone says not where).
impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let tmp = &self.tmp;
        self.writer.write(buf).map_err(|e| naming(tmp, e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let tmp = &self.tmp;
        self.writer.flush().map_err(|e| naming(tmp, e))
    }
}

/// `error` with the path it happened at in its message.
fn naming(path: &Path, error: std::io::Error) -> std::io::Error {
    std::io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_error_names_the_file() {
        let e = naming(
            Path::new("out/.metrics.csv.tmp"),
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
        assert!(e.to_string().starts_with("out/.metrics.csv.tmp: "), "{e}");
    }
}
