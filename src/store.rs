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
    /// Per file, claim id -> index into its claims: resolving a reference
    /// is a lookup, not a scan (a scan made `report` quadratic in the
    /// claims of one file).
    by_claim: Vec<rustc_hash::FxHashMap<String, usize>>,
}

/// A claim located in the store: (file index, claim index).
pub(crate) type ClaimAt = (usize, usize);

impl Store {
    /// Loads claim files and actors files from files and directories
    /// (directories are searched for `*.yaml`/`*.yml`, recursively). Every
    /// file is validated first; any problem fails the load with all
    /// diagnostics.
    /// `-` among `paths` is a claim file read from stdin.
    pub fn load(paths: &[PathBuf]) -> Result<Store, Vec<Diagnostic>> {
        Store::from_report(check::check_paths(paths))
    }

    /// The store of files already checked; fails with the report's errors.
    pub fn from_report(report: check::Report) -> Result<Store, Vec<Diagnostic>> {
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
            by_claim: Vec::new(),
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
        self.by_claim = self
            .files
            .iter()
            .map(|l| {
                let mut ids = rustc_hash::FxHashMap::default();
                for (k, c) in l.file.claims.iter().enumerate() {
                    // The first of a repeated id, as a scan would find.
                    ids.entry(c.id.clone()).or_insert(k);
                }
                ids
            })
            .collect();
    }

    /// The claim at a location.
    pub fn claim(&self, at: ClaimAt) -> &Claim {
        &self.files[at.0].file.claims[at.1]
    }

    /// Resolves a reference written in file `from`: `c3` or `ARTICLE-ID#c3`.
    pub(crate) fn resolve(&self, from: usize, reference: &str) -> Option<ClaimAt> {
        let (file, id) = match reference.split_once('#') {
            Some((article, id)) => (*self.by_article.get(article)?, id),
            None => (from, reference),
        };
        Some((file, *self.by_claim[file].get(id)?))
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
pub(crate) fn load_in_directory(path: &Path) -> Result<Store, Vec<Diagnostic>> {
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
    /// The file is write-protected: its owner chose that it stays as it is.
    #[error("{0}: is read-only; not replacing it (make it writable first, e.g. chmod u+w)")]
    ReadOnly(PathBuf),
    /// The path is a device, FIFO, directory or socket, which a rename would
    /// replace: never a claim file or a report.
    #[error("{0}: not a regular file; not replacing it")]
    NotRegular(PathBuf),
    /// Someone else changed the file after it was read; their change is kept.
    #[error("{0}: changed since it was read (another program wrote it); left as it is now: run the command again")]
    Changed(PathBuf),
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
///
/// A replaced file keeps its mode (and owner, where allowed); a new file
/// gets the mode the umask leaves of 0666. A symbolic link is followed: its
/// target is replaced and the link stays. A read-only file or one that is
/// not a regular file is never replaced. Replacing happens under the
/// directory lock that [`Rewrite`] takes, so it cannot fall between a
/// rewrite's check and its rename.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>, force: bool) -> Result<(), WriteError> {
    let target = follow(path)?;
    let old = existing(path, &target)?;
    if old.is_some() && !force {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let _lock = match &old {
        Some(_) => Some(DirLock::new(path, parent(&target))?),
        None => None,
    };
    let tmp = temp_beside(path, &target, old.as_ref(), contents.as_ref())?;
    persist(path, &target, tmp, old.is_some())
}

/// A file edited in place (`fmt`, `diff --write`): its directory is locked
/// from [`Rewrite::begin`] until the rewrite is dropped, so two claimtrack
/// processes rewriting the same directory take turns, and [`Rewrite::commit`]
/// replaces the file only if it still holds what was read. A program that
/// takes no lock (an editor saving) is caught by that comparison, made again
/// after the new contents are on disk and just before the rename.
#[derive(Debug)]
pub struct Rewrite {
    path: PathBuf,
    target: PathBuf,
    _lock: DirLock,
}

impl Rewrite {
    /// Locks the directory of `path` (of its target, for a symbolic link),
    /// waiting while another claimtrack process holds it.
    pub fn begin(path: &Path) -> Result<Rewrite, WriteError> {
        let target = follow(path)?;
        let lock = DirLock::new(path, parent(&target))?;
        Ok(Rewrite {
            path: path.to_path_buf(),
            target,
            _lock: lock,
        })
    }

    /// The file as it is now, read under the lock.
    pub fn read(&self) -> Result<Vec<u8>, WriteError> {
        std::fs::read(&self.target).map_err(|source| WriteError::Io {
            path: self.path.clone(),
            source,
        })
    }

    /// Replaces the file with `contents`, made from `read`: refused with
    /// [`WriteError::Changed`] when the file no longer holds `read`; nothing
    /// is written when it already holds `contents`.
    pub fn commit(self, read: &[u8], contents: &[u8]) -> Result<(), WriteError> {
        let old = existing(&self.path, &self.target)?.ok_or_else(|| WriteError::Changed(self.path.clone()))?;
        let now = self.read()?;
        if now == contents {
            return Ok(());
        }
        if now != read {
            return Err(WriteError::Changed(self.path.clone()));
        }
        let tmp = temp_beside(&self.path, &self.target, Some(&old), contents)?;
        // Again, as late as can be: an editor may have saved meanwhile.
        if self.read()? != read {
            return Err(WriteError::Changed(self.path.clone()));
        }
        persist(&self.path, &self.target, tmp, true)
    }
}

/// Replaces `path` with `contents`, made from `read` (see [`Rewrite`]).
pub fn rewrite(path: &Path, read: &[u8], contents: &[u8]) -> Result<(), WriteError> {
    Rewrite::begin(path)?.commit(read, contents)
}

/// An exclusive advisory lock (`flock`) on a directory, released when
/// dropped. Claimtrack's writers take it; other programs ignore it.
#[derive(Debug)]
struct DirLock {
    /// Held for its lock; closing it releases the lock.
    _dir: std::fs::File,
}

impl DirLock {
    fn new(path: &Path, dir: &Path) -> Result<DirLock, WriteError> {
        let io = |source| WriteError::Io {
            path: path.to_path_buf(),
            source,
        };
        let f = std::fs::File::open(dir).map_err(io)?;
        f.lock().map_err(io)?;
        Ok(DirLock { _dir: f })
    }
}

/// The file a write to `path` replaces: `path` itself, or the final target
/// when it is a symbolic link (so the link stays a link, and the file it
/// points at gets the new contents).
fn follow(path: &Path) -> Result<PathBuf, WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|source| WriteError::Io {
            path: path.to_path_buf(),
            source,
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// The metadata of the file about to be replaced, `None` when there is
/// none; refuses what must not be replaced.
fn existing(path: &Path, target: &Path) -> Result<Option<std::fs::Metadata>, WriteError> {
    match std::fs::metadata(target) {
        Ok(m) if !m.is_file() => Err(WriteError::NotRegular(path.to_path_buf())),
        Ok(m) if m.permissions().readonly() => Err(WriteError::ReadOnly(path.to_path_buf())),
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(WriteError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A temporary file beside `target` holding `contents`, flushed to disk,
/// with the mode (and owner) of `old`, or for a new file the mode the umask
/// leaves of 0666 (`tempfile` alone would make it 0600).
fn temp_beside(
    path: &Path,
    target: &Path,
    old: Option<&std::fs::Metadata>,
    contents: &[u8],
) -> Result<tempfile::NamedTempFile, WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimtrack-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Passed to open(2), which applies the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(parent(target)).map_err(io)?;
    tmp.write_all(contents).map_err(io)?;
    if let Some(old) = old {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Only root may give a file away; anyone else keeps the file
            // as theirs, which is what a new file would be anyway.
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(old.uid()), Some(old.gid()));
        }
        tmp.as_file().set_permissions(old.permissions()).map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    Ok(tmp)
}

/// Renames `tmp` to `target` (over an existing file only with `replace`)
/// and flushes the directory.
fn persist(path: &Path, target: &Path, tmp: tempfile::NamedTempFile, replace: bool) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if replace {
        tmp.persist(target).map_err(|e| io(e.error))?;
    } else {
        tmp.persist_noclobber(target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io(e.error)
            }
        })?;
    }
    sync_dir(parent(target)).map_err(io)
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

    #[test]
    fn a_rewrite_refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, "one\n").unwrap();
        let read = std::fs::read(&p).unwrap();
        // An editor saves between the read and the rewrite.
        std::fs::write(&p, "edited\n").unwrap();
        let err = rewrite(&p, &read, b"formatted\n").unwrap_err();
        assert!(matches!(err, WriteError::Changed(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "edited\n");
        // What the file already holds is no conflict.
        rewrite(&p, &read, b"edited\n").unwrap();
        rewrite(&p, b"edited\n", b"two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left behind"
        );
    }
}
