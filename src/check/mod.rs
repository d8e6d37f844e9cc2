//! Validation of claim files and actors files with `file:line:column`
//! diagnostics, every problem of every file at once.
//!
//! YAML is parsed twice: strictly (libyaml through `serde_yaml`) for what the
//! values are, and losslessly (`yaml-edit`) for where they are, so each
//! problem points at the key or value it is about.

//!
//! One concern per file: [`file`] reads a file and holds the guards every
//! file passes (size, encoding, nesting, anchors) and the field helpers;
//! [`claim_file`] and [`actors_file`] are the rules per file kind;
//! [`positions`] turns a path into the document into `line:column`;
//! [`refs`] settles what spans files (article ids, references, claimant
//! typos) after the parallel pass.

mod actors_file;
mod claim_file;
mod file;
mod positions;
mod refs;

use crate::claim::{ActorsFile, ClaimFile};
use std::fmt;
use std::path::{Path, PathBuf};

use file::FileCheck;
use positions::Seg;
use refs::check_sources;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is invalid.
    Error,
    /// Worth a look; the file stays valid.
    Warning,
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file.
    pub path: PathBuf,
    /// 1-based line, 0 when the problem is the whole file.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, for a person.
    pub message: String,
}

impl Diagnostic {
    /// Whether this makes the file invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote the file (a key, a value): never let them carry
        // escape sequences to the terminal.
        write!(f, "{}", crate::sanitize::clean(&self.path.display().to_string()))?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        let level = if self.is_error() { "" } else { "warning: " };
        write!(f, ": {level}{}", crate::sanitize::clean(&self.message))
    }
}

/// A file that passed validation.
#[derive(Debug, Clone)]
pub enum Checked {
    /// A claim file.
    Claims(PathBuf, ClaimFile),
    /// An actors file.
    Actors(PathBuf, ActorsFile),
}

/// The outcome of checking some paths.
#[derive(Debug, Default)]
pub struct Report {
    /// Valid files, in path order.
    pub files: Vec<Checked>,
    /// Every problem found, in path and position order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files_read: usize,
}

impl Report {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Number of claims in the valid claim files.
    pub fn claim_count(&self) -> usize {
        self.files
            .iter()
            .map(|f| match f {
                Checked::Claims(_, c) => c.claims.len(),
                Checked::Actors(..) => 0,
            })
            .sum()
    }
}

/// The claim and actors files named by `paths`: files as given, directories
/// searched recursively for `*.yaml` and `*.yml` (hidden entries skipped),
/// sorted, each file once (see [`crate::walk`]). Missing paths, unreadable
/// entries, link loops and files that are not regular are returned as
/// diagnostics.
pub(crate) fn yaml_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut walker = crate::walk::Walker::new(&["yaml", "yml"]);
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            // Stdin, read once however often it is named.
            if walker.first_time(p) {
                files.push(p.clone());
            }
        } else if p.is_dir() {
            files.extend(walker.dir(p, &mut problems));
        } else if !p.exists() {
            problems.push(crate::walk::Problem {
                path: p.clone(),
                message: "no such file or directory".to_string(),
                warning: false,
            });
        } else if walker.first_time(p) {
            files.push(p.clone());
        }
    }
    let diagnostics = problems
        .into_iter()
        .map(|p| {
            let mut d = whole_file(&p.path, &p.message);
            if p.warning {
                d.severity = Severity::Warning;
            }
            d
        })
        .collect();
    (files, diagnostics)
}

/// Largest claim or actors file read, in bytes: far above any real file
/// (a claim file is kilobytes), low enough that a 4 GB file or a link to
/// `/dev/zero` is refused at once instead of filling memory.
pub const MAX_FILE_BYTES: u64 = 128 << 20;

/// A problem with the whole file (unreadable, too big), at no position.
fn whole_file(path: &Path, message: &str) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        message: message.to_string(),
    }
}

/// Checks every claim and actors file under `paths`, including references
/// between files.
/// `-` among `paths` is stdin: one claim or actors file, named [`STDIN`] in
/// diagnostics and checked among the others, so that its references to
/// them resolve.
pub fn check_paths(paths: &[PathBuf]) -> Report {
    let (files, mut diagnostics) = yaml_files(paths);
    let mut sources = Vec::new();
    for p in files {
        if p.as_os_str() != "-" {
            sources.push((p, None));
            continue;
        }
        let mut bytes = Vec::new();
        match std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), MAX_FILE_BYTES + 1),
            &mut bytes,
        ) {
            Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => diagnostics.push(whole_file(
                Path::new(STDIN),
                &format!("larger than {} MiB, the most a claim file may be", MAX_FILE_BYTES >> 20),
            )),
            Ok(_) => sources.push((PathBuf::from(STDIN), Some(bytes))),
            Err(e) => diagnostics.push(whole_file(Path::new(STDIN), &format!("cannot read: {e}"))),
        }
    }
    check_sources(sources, diagnostics)
}

/// The name of a claim file read from stdin (`-`) in diagnostics.
pub const STDIN: &str = "<stdin>";

/// Checks one file's contents as if read from `path` (which is only used
/// to name the file and to find its `text:`). References to other files
/// are reported as dangling.
pub fn check_bytes(path: &Path, bytes: &[u8]) -> Report {
    check_sources(vec![(path.to_path_buf(), Some(bytes.to_vec()))], Vec::new())
}
