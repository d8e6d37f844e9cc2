//! A claims directory: loading every claim file and the actors file,
//! resolving references, and writing new files atomically without ever
//! clobbering one that exists.

use crate::actors::Actors;
use crate::check::{self, Diagnostic};
use crate::claim::{ActorsFile, Claim, ClaimFile};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One loaded claim file.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Where it was read.
    pub path: PathBuf,
    /// Its contents.
    pub file: ClaimFile,
}

/// All claim files of the inputs, with the actors file.
#[derive(Debug, Default)]
pub struct Store {
    /// Claim files in path order.
    pub files: Vec<Loaded>,
    /// Who is who (empty when there is no actors file).
    pub actors: Actors,
    /// article id -> index into `files`
    by_article: HashMap<String, usize>,
}

/// A claim located in the store: (file index, claim index).
pub type ClaimAt = (usize, usize);

impl Store {
    /// Loads claim files and actors files from files and directories
    /// (directories are searched for `*.yaml`/`*.yml`, recursively). Every
    /// file is validated first; any problem fails the load with all
    /// diagnostics.
    pub fn load(paths: &[PathBuf]) -> Result<Store, Vec<Diagnostic>> {
        let report = check::check_paths(paths);
        if report.has_errors() {
            return Err(report.diagnostics.into_iter().filter(|d| d.is_error()).collect());
        }
        let mut store = Store::default();
        let mut actors_file = ActorsFile::default();
        for f in report.files {
            match f {
                check::Checked::Claims(path, file) => store.files.push(Loaded { path, file }),
                check::Checked::Actors(_, a) => actors_file.actors.extend(a.actors),
            }
        }
        store.actors = Actors::new(&actors_file);
        store.index();
        Ok(store)
    }

    /// A store made from claim files already in memory.
    pub fn from_files(files: Vec<Loaded>, actors: Actors) -> Store {
        let mut s = Store {
            files,
            actors,
            by_article: HashMap::new(),
        };
        s.index();
        s
    }

    fn index(&mut self) {
        self.by_article = self
            .files
            .iter()
            .enumerate()
            .map(|(i, l)| (l.file.article.id.clone(), i))
            .collect();
    }

    /// The claim at a location.
    pub fn claim(&self, at: ClaimAt) -> &Claim {
        &self.files[at.0].file.claims[at.1]
    }

    /// Resolves a reference written in file `from`: `c3` or `ARTICLE-ID#c3`.
    pub fn resolve(&self, from: usize, reference: &str) -> Option<ClaimAt> {
        let (file, id) = match reference.split_once('#') {
            Some((article, id)) => (*self.by_article.get(article)?, id),
            None => (from, reference),
        };
        let idx = self.files[file].file.claims.iter().position(|c| c.id == id)?;
        Some((file, idx))
    }

    /// `ARTICLE-ID#CLAIM-ID` of a claim.
    pub fn full_id(&self, at: ClaimAt) -> String {
        format!("{}#{}", self.files[at.0].file.article.id, self.claim(at).id)
    }

    /// Every claim location, in file then claim order.
    pub fn all(&self) -> impl Iterator<Item = ClaimAt> + '_ {
        self.files
            .iter()
            .enumerate()
            .flat_map(|(f, l)| (0..l.file.claims.len()).map(move |c| (f, c)))
    }
}

/// Loads one claim file in the context of its directory: the other claim
/// files and the actors file beside it are checked too, so that references
/// to claims of other articles resolve, but only `path` and the actors make
/// up the store. Problems of the other files are not this file's: only the
/// diagnostics of `path` fail the load.
pub fn load_in_directory(path: &Path) -> Result<Store, Vec<Diagnostic>> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let report = check::check_paths(&[dir]);
    let same = |p: &Path| p == path || matches!((p.canonicalize(), path.canonicalize()), (Ok(x), Ok(y)) if x == y);
    let mut store = Store::default();
    let mut actors_file = ActorsFile::default();
    for f in report.files {
        match f {
            check::Checked::Claims(p, file) if same(&p) => store.files.push(Loaded { path: p, file }),
            check::Checked::Claims(..) => {}
            check::Checked::Actors(_, a) => actors_file.actors.extend(a.actors),
        }
    }
    if store.files.is_empty() {
        let mine: Vec<Diagnostic> = report
            .diagnostics
            .into_iter()
            .filter(|d| d.is_error() && same(&d.path))
            .collect();
        if mine.is_empty() {
            return Store::load(&[path.to_path_buf()]);
        }
        return Err(mine);
    }
    store.actors = Actors::new(&actors_file);
    store.index();
    Ok(store)
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file is there and overwriting was not asked for.
    #[error("{0}: already exists; not overwriting it (use --force to replace it)")]
    Exists(PathBuf),
    /// The write failed; any previous file is intact.
    #[error("{path}: could not write: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed into place, and the directory
/// flushed so the rename itself survives a crash. Without `force` an
/// existing file is never replaced (the rename itself refuses, so two
/// concurrent writers cannot both win). A reader, or a run killed at any
/// moment, sees either the previous file (or none) or the complete new one.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>, force: bool) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !force && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".claimtrack-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(contents.as_ref()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if force {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io(e.error)
            }
        })?;
    }
    sync_dir(dir).map_err(io)
}

/// Flushes a directory's entries (the rename) to disk. Only Unix can open a
/// directory for this; elsewhere the rename is as durable as the OS makes it.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        write_atomic(&p, "one\n", false).unwrap();
        let err = write_atomic(&p, "two\n", false).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one\n");
        write_atomic(&p, "two\n", true).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }
}
