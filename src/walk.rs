//! Finding input files under directories, and reading them with a size
//! cap. One walker for `check` (claim files) and `batch` (articles), built
//! on `walkdir`: symbolic links are followed with loop detection (`ln -s .
//! self` is a loop, said once, not a path walked forty times), each file is
//! taken once however many links lead to it, files that are not regular (a
//! FIFO, a link to `/dev/zero`) are skipped with a warning instead of
//! hanging the run or filling memory, and every entry that cannot be read
//! is reported.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Something a walk could not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry.
    pub path: PathBuf,
    /// What is wrong, for a person.
    pub message: String,
    /// True when it is only worth a look (a skipped loop or FIFO); false
    /// when an entry could not be read.
    pub warning: bool,
}

/// Walks the paths of one command line, remembering every file taken so
/// that none is taken twice (by a link, or named beside its directory:
/// `check d d/a.yaml`).
#[derive(Debug)]
pub(crate) struct Walker {
    exts: &'static [&'static str],
    seen: HashSet<PathBuf>,
}

impl Walker {
    /// A walker for files with one of the extensions `exts`.
    pub(crate) fn new(exts: &'static [&'static str]) -> Walker {
        Walker {
            exts,
            seen: HashSet::new(),
        }
    }

    /// Whether `path` (a file named on the command line, whatever its
    /// extension) was not taken before; the canonical path names a file
    /// however it was reached.
    pub(crate) fn first_time(&mut self, path: &Path) -> bool {
        self.seen
            .insert(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
    }

    /// The files under the directory `root` with one of the extensions,
    /// searched recursively (hidden entries skipped), sorted; loops, files
    /// that are not regular and entries that cannot be read go to
    /// `problems`.
    pub(crate) fn dir(&mut self, root: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let walk = walkdir::WalkDir::new(root)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    problems.push(walk_problem(root, &e));
                    continue;
                }
            };
            let ext = entry.path().extension().and_then(|e| e.to_str());
            if entry.file_type().is_dir() || !ext.is_some_and(|e| self.exts.contains(&e)) {
                continue;
            }
            if !entry.file_type().is_file() {
                let message = "not a regular file (a FIFO, device or socket); skipped".to_string();
                problems.push(problem(entry.path(), message, true));
            } else if self.first_time(entry.path()) {
                found.push(entry.into_path());
            }
        }
        found.sort();
        found
    }
}

fn problem(path: &Path, message: String, warning: bool) -> Problem {
    Problem {
        path: path.to_path_buf(),
        message,
        warning,
    }
}

fn walk_problem(root: &Path, e: &walkdir::Error) -> Problem {
    let path = e.path().unwrap_or(root);
    match e.loop_ancestor() {
        Some(ancestor) => problem(
            path,
            format!("symbolic link loop back to {}; not followed", ancestor.display()),
            true,
        ),
        None => {
            let message = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
            problem(path, format!("cannot read: {message}"), false)
        }
    }
}

/// Reads a whole file of at most `max` bytes. A larger file is an error
/// before anything is read when its size is known, and after `max + 1`
/// bytes when it is not (a pipe, a device), so a 4 GB file or `/dev/zero`
/// costs no more than `max`.
pub(crate) fn read_capped(path: &Path, max: u64, what: &str) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let too_big = || {
        std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("larger than {} MiB, the most {what} may be", max >> 20),
        )
    };
    let meta = file.metadata()?;
    if meta.is_file() && meta.len() > max {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(if meta.is_file() { meta.len() as usize } else { 0 });
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a");
        std::fs::write(&p, "12345").unwrap();
        assert_eq!(read_capped(&p, 5, "x").unwrap(), b"12345");
        let e = read_capped(&p, 4, "a test file").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        #[cfg(target_os = "linux")]
        assert!(read_capped(Path::new("/dev/zero"), 1 << 20, "x").is_err());
    }
}
