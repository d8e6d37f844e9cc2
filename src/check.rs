//! Validation of claim files and actors files with `file:line:column`
//! diagnostics, every problem of every file at once.
//!
//! YAML is parsed twice: strictly (libyaml through `serde_yaml`) for what the
//! values are, and losslessly (`yaml-edit`) for where they are, so each
//! problem points at the key or value it is about.

use crate::claim::{
    ACTOR_FIELDS, ACTORS_FILE_FIELDS, ACTORS_SCHEMA, ARTICLE_FIELDS, ActorsFile, CLAIM_FIELDS, CLAIM_SCHEMA, ClaimFile,
    FILE_FIELDS,
};
use rayon::prelude::*;
use serde_yaml::Value;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use yaml_edit::YamlNode;

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
        write!(f, "{}", crate::report::clean(&self.path.display().to_string()))?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        let level = if self.is_error() { "" } else { "warning: " };
        write!(f, ": {level}{}", crate::report::clean(&self.message))
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
pub fn yaml_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
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

/// Checks files given as paths (read in the workers) or as contents.
fn check_sources(sources: Vec<(PathBuf, Option<Vec<u8>>)>, mut diagnostics: Vec<Diagnostic>) -> Report {
    let mut report = Report::default();
    // Positions in files given as contents are found in those contents, not on disk.
    let given: Vec<(PathBuf, String)> = sources
        .iter()
        .filter_map(|(p, b)| Some((p.clone(), String::from_utf8_lossy(b.as_ref()?).into_owned())))
        .collect();
    // Each file is read, parsed and checked on its own, in parallel; what
    // spans files (article ids, references) is settled afterwards in path
    // order.
    type Outcome = (
        PathBuf,
        Option<Checked>,
        Vec<Diagnostic>,
        Vec<PendingRef>,
        Option<ClaimIds>,
    );
    let outcomes: Vec<Outcome> = sources
        .into_par_iter()
        .map(|(path, bytes)| {
            let bytes = match bytes {
                Some(b) => Ok(b),
                None => crate::walk::read_capped(&path, MAX_FILE_BYTES, "a claim file"),
            };
            let (checked, diags, refs, ids) = {
                let mut fc = FileCheck::new(&path);
                let checked = fc.run(bytes);
                (checked, fc.diagnostics, fc.refs, fc.claim_ids)
            };
            (path, checked, diags, refs, ids)
        })
        .collect();
    let mut refs: Vec<PendingRef> = Vec::new();
    let mut claim_ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut article_at: HashMap<String, PathBuf> = HashMap::new();
    let mut unreadable: HashSet<String> = HashSet::new();
    let mut locator = Locator {
        texts: given.into_iter().collect(),
    };
    for (path, checked, mut file_diags, mut file_refs, ids) in outcomes {
        let path = &path;
        report.files_read += 1;
        if let Some(Checked::Claims(_, cf)) = &checked {
            let id = cf.article.id.clone();
            if let Some(first) = article_at.get(&id) {
                let article_id = [Seg::key("article"), Seg::key("id")];
                let line = locator.pos(first, &article_id).0;
                let (l, c) = locator.pos(path, &article_id);
                file_diags.push(Diagnostic {
                    path: path.clone(),
                    line: l,
                    column: c,
                    severity: Severity::Error,
                    message: format!("article id `{id}` is already used by {}:{line}", first.display()),
                });
            } else {
                article_at.insert(id.clone(), path.clone());
            }
            claim_ids.insert(id, cf.claims.iter().map(|c| c.id.clone()).collect());
        }
        // A file with a mistake elsewhere (a misspelt field, a bad date)
        // still has its claims: references to them are not broken too.
        if checked.is_none()
            && let Some((article, ids)) = ids
        {
            claim_ids.entry(article).or_insert(ids);
        }
        refs.append(&mut file_refs);
        let file_ok = !file_diags.iter().any(Diagnostic::is_error);
        if checked.is_none()
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
        {
            unreadable.insert(stem.to_string());
        }
        diagnostics.append(&mut file_diags);
        if let (true, Some(c)) = (file_ok, checked) {
            report.files.push(c);
        }
    }
    let mut broken: HashSet<PathBuf> = HashSet::new();
    for r in refs {
        // An article that is not among the checked files may live in
        // another directory (`diff --write OLD NEW` records links to OLD's
        // claims in NEW): a warning, and the file stays loadable.
        let elsewhere = r
            .target
            .split_once('#')
            .is_some_and(|(article, _)| !claim_ids.contains_key(article) && !unreadable.contains(article));
        let message = match r.target.split_once('#') {
            None => (!claim_ids.get(&r.article).is_some_and(|ids| ids.contains(&r.target))).then(|| {
                format!(
                    "`{}` refers to `{}`, which is not a claim of this file",
                    r.field, r.target
                )
            }),
            Some((article, id)) => match claim_ids.get(article) {
                None if unreadable.contains(article) => None,
                None => Some(format!(
                    "`{}` refers to `{}`: no article `{article}` among the checked files",
                    r.field, r.target
                )),
                Some(ids) if !ids.contains(id) => Some(format!(
                    "`{}` refers to `{}`: article `{article}` has no claim `{id}`",
                    r.field, r.target
                )),
                Some(_) => None,
            },
        };
        if let Some(message) = message {
            if !elsewhere {
                broken.insert(r.path.clone());
            }
            let (line, column) = locator.pos(&r.path, &r.segs);
            diagnostics.push(Diagnostic {
                path: r.path,
                line,
                column,
                severity: if elsewhere { Severity::Warning } else { Severity::Error },
                message,
            });
        }
    }
    report.files.retain(|f| match f {
        Checked::Claims(p, _) | Checked::Actors(p, _) => !broken.contains(p),
    });
    diagnostics.extend(claimant_typos(&report.files, &mut locator));
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    report.diagnostics = diagnostics;
    report
}

/// Warnings for claimants one typo away from an actor ("Pakstan" when the
/// actors file has Pakistan), against the actors files checked, else the
/// `actors.yaml` beside each claim file. Without an actors file, none.
fn claimant_typos(files: &[Checked], locator: &mut Locator) -> Vec<Diagnostic> {
    let checked: Vec<&ActorsFile> = files
        .iter()
        .filter_map(|f| match f {
            Checked::Actors(_, a) => Some(a),
            Checked::Claims(..) => None,
        })
        .collect();
    let mut beside: HashMap<PathBuf, Option<crate::actors::Actors>> = HashMap::new();
    let all = (!checked.is_empty()).then(|| {
        crate::actors::Actors::new(&ActorsFile {
            actors: checked.iter().flat_map(|a| a.actors.clone()).collect(),
            ..ActorsFile::default()
        })
    });
    let mut out = Vec::new();
    for f in files {
        let Checked::Claims(path, file) = f else { continue };
        let actors = match &all {
            Some(a) => Some(a),
            None => {
                let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
                beside
                    .entry(dir.clone())
                    .or_insert_with(|| {
                        let text = std::fs::read_to_string(dir.join("actors.yaml")).ok()?;
                        Some(crate::actors::Actors::new(&serde_yaml::from_str(&text).ok()?))
                    })
                    .as_ref()
            }
        };
        let Some(actors) = actors else { continue };
        for (i, c) in file.claims.iter().enumerate() {
            if let Some(name) = crate::roster::did_you_mean(actors, &c.claimant) {
                let segs = [Seg::key("claims"), Seg::Index(i), Seg::key("claimant")];
                let (line, column) = locator.pos(path, &segs);
                out.push(Diagnostic {
                    path: path.clone(),
                    line,
                    column,
                    severity: Severity::Warning,
                    message: format!(
                        "claimant `{}` is no actor of the actors file; did you mean `{name}`?",
                        c.claimant
                    ),
                });
            }
        }
    }
    out
}

/// Finds positions in files after the parallel pass, reading each file
/// again only when a cross-file problem is reported in it.
#[derive(Default)]
struct Locator {
    texts: HashMap<PathBuf, String>,
}

impl Locator {
    fn pos(&mut self, path: &Path, segs: &[Seg]) -> (usize, usize) {
        let text = self
            .texts
            .entry(path.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(path).unwrap_or_default());
        let mut fc = FileCheck::new(path);
        fc.set_text(text.strip_prefix('\u{feff}').unwrap_or(text).to_string());
        fc.pos(segs, false)
    }
}

/// How deep the YAML parser lets values nest (`serde_yaml`'s limit).
const MAX_DEPTH: usize = 128;

/// Bracket depth past which a text is refused before any YAML parsing (the
/// YAML parser refuses past [`MAX_DEPTH`] anyway; this bound keeps the
/// lexers linear on a file of a million `[`).
const MAX_BRACKETS: usize = 1000;

/// Where `[`/`{` first open more than [`MAX_BRACKETS`] deep, counting
/// every bracket (also those inside strings: a real file never comes near).
fn too_deep(text: &str) -> Option<usize> {
    // Fewer brackets than the limit cannot nest past it: one counting pass
    // (which the compiler vectorises) settles every real file.
    if text.bytes().filter(|&b| b == b'[' || b == b'{').count() <= MAX_BRACKETS {
        return None;
    }
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_BRACKETS {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The first anchor (`&a`) or alias (`*a`) of a YAML text: its byte offset
/// and what it is. Claim files never need them, and rejecting them before
/// the YAML is expanded stops alias bombs (a few lines that expand to
/// gigabytes) at no cost.
fn anchor_or_alias(text: &str) -> Option<(usize, &'static str)> {
    // Most files have neither character: skip the lexer then.
    if !text.as_bytes().contains(&b'&') && !text.as_bytes().contains(&b'*') {
        return None;
    }
    let mut at = 0;
    for (kind, token) in yaml_edit::lex(text) {
        match kind {
            yaml_edit::SyntaxKind::ANCHOR => return Some((at, "anchors (`&name`)")),
            yaml_edit::SyntaxKind::REFERENCE => return Some((at, "aliases (`*name`)")),
            _ => at += token.len(),
        }
    }
    None
}

/// A path into a YAML document.
#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

impl Seg {
    fn key(k: &str) -> Seg {
        Seg::Key(k.to_string())
    }
}

/// An article id and the ids of its claims.
type ClaimIds = (String, HashSet<String>);

struct PendingRef {
    path: PathBuf,
    article: String,
    field: &'static str,
    target: String,
    /// Where the reference is, located only if it is broken.
    segs: Vec<Seg>,
}

const CLAIM_FILE_KEYS: &[&str] = &FILE_FIELDS;
const ARTICLE_KEYS: &[&str] = &ARTICLE_FIELDS;
const CLAIM_KEYS: &[&str] = &CLAIM_FIELDS;
const LINK_KEYS: &[&str] = &["rebuts", "counters", "supports", "same_as"];
const ACTORS_FILE_KEYS: &[&str] = &ACTORS_FILE_FIELDS;
const ACTOR_KEYS: &[&str] = &ACTOR_FIELDS;

struct FileCheck<'p> {
    path: &'p Path,
    text: String,
    /// The lossless tree, parsed only when a position is needed.
    doc: std::cell::OnceCell<Option<yaml_edit::Document>>,
    line_starts: Vec<usize>,
    diagnostics: Vec<Diagnostic>,
    refs: Vec<PendingRef>,
    /// The article id and claim ids of a claim file, read even when the
    /// file has other problems.
    claim_ids: Option<ClaimIds>,
}

impl<'p> FileCheck<'p> {
    fn new(path: &'p Path) -> Self {
        FileCheck {
            path,
            text: String::new(),
            doc: std::cell::OnceCell::new(),
            line_starts: vec![0],
            diagnostics: Vec::new(),
            refs: Vec::new(),
            claim_ids: None,
        }
    }

    fn error_at(&mut self, at: (usize, usize), message: String) {
        self.push(at, Severity::Error, message);
    }

    fn push(&mut self, at: (usize, usize), severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic {
            path: self.path.to_path_buf(),
            line: at.0,
            column: at.1,
            severity,
            message,
        });
    }

    fn error(&mut self, path: &[Seg], key: bool, message: String) {
        let at = self.pos(path, key);
        self.error_at(at, message);
    }

    fn doc(&self) -> Option<&yaml_edit::Document> {
        self.doc
            .get_or_init(|| self.text.parse::<yaml_edit::Document>().ok())
            .as_ref()
    }

    /// Line and column of a byte offset.
    fn line_col(&self, byte: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= byte);
        let start = self.line_starts[line - 1];
        let col = self.text.get(start..byte).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// Position of the node at `path` (its key when `key`), or of the
    /// nearest enclosing node that exists.
    fn pos(&self, path: &[Seg], key: bool) -> (usize, usize) {
        let Some(doc) = self.doc() else { return (1, 1) };
        let mut best = self.first_content_byte();
        let mut node: Option<YamlNode> = doc
            .as_mapping()
            .map(YamlNode::Mapping)
            .or_else(|| doc.as_sequence().map(YamlNode::Sequence));
        for (i, seg) in path.iter().enumerate() {
            let Some(current) = node.take() else { break };
            match seg {
                Seg::Key(k) => {
                    let Some(m) = current.as_mapping() else { break };
                    let entry = m.entries().find(|e| {
                        e.key_node()
                            .and_then(|n| n.as_scalar().map(|s| s.as_string()))
                            .is_some_and(|s| &s == k)
                    });
                    let Some(entry) = entry else { break };
                    if let Some(kn) = entry.key_node() {
                        best = kn.byte_range().start as usize;
                    }
                    if i + 1 == path.len() && key {
                        break;
                    }
                    node = entry.value_node();
                    if let Some(v) = &node {
                        best = v.byte_range().start as usize;
                    }
                }
                Seg::Index(ix) => {
                    let Some(s) = current.as_sequence() else { break };
                    node = s.values().nth(*ix);
                    if let Some(v) = &node {
                        best = v.byte_range().start as usize;
                    }
                }
            }
        }
        self.line_col(best)
    }

    fn first_content_byte(&self) -> usize {
        let mut pos = 0;
        for line in self.text.split_inclusive('\n') {
            let t = line.trim_start();
            if !t.is_empty() && !t.starts_with('#') {
                return pos + (line.len() - t.len());
            }
            pos += line.len();
        }
        0
    }

    fn run(&mut self, bytes: std::io::Result<Vec<u8>>) -> Option<Checked> {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                self.diagnostics.push(whole_file(self.path, &e.to_string()));
                return None;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
                self.set_text(text);
                let at = self.line_col(valid);
                self.error_at(at, format!("not UTF-8 text: invalid byte (offset {valid})"));
                return None;
            }
        };
        let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
        self.set_text(text);
        if let Some(nul) = self.text.find('\0') {
            let at = self.line_col(nul);
            self.error_at(at, "binary data (a NUL byte), not YAML text".to_string());
            return None;
        }
        if self.text.trim().is_empty()
            || self
                .text
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            self.error_at(
                (1, 1),
                "empty file: expected a claim file or an actors file".to_string(),
            );
            return None;
        }
        if let Some(byte) = too_deep(&self.text) {
            let at = self.line_col(byte);
            self.error_at(
                at,
                format!("brackets nested more than {MAX_BRACKETS} deep; a claim file needs a few"),
            );
            return None;
        }
        if let Some((byte, what)) = anchor_or_alias(&self.text) {
            let at = self.line_col(byte);
            self.error_at(
                at,
                format!("YAML {what} are not allowed in claimtrack files: write the value out in full"),
            );
            return None;
        }
        let value: Value = match serde_yaml::from_str(&self.text) {
            Ok(v) => v,
            Err(e) => {
                self.syntax_error(&e);
                return None;
            }
        };
        let is_actors = matches!(self.path.file_stem().and_then(|s| s.to_str()), Some("actors"))
            || value.get("schema").and_then(Value::as_str) == Some(ACTORS_SCHEMA);
        let Value::Mapping(_) = &value else {
            let what = if is_actors { "an actors file" } else { "a claim file" };
            self.error(
                &[],
                false,
                format!("{what} must be a mapping (schema, …), found {}", kind_of(&value)),
            );
            return None;
        };
        if is_actors {
            self.actors_file(&value);
        } else {
            self.claim_file(&value);
        }
        if self.diagnostics.iter().any(Diagnostic::is_error) {
            return None;
        }
        // Every rule above holds; the typed read is a safety net.
        let typed = if is_actors {
            serde_yaml::from_value::<ActorsFile>(value).map(|a| Checked::Actors(self.path.to_path_buf(), a))
        } else {
            serde_yaml::from_value::<ClaimFile>(value).map(|c| Checked::Claims(self.path.to_path_buf(), c))
        };
        match typed {
            Ok(c) => Some(c),
            Err(e) => {
                self.syntax_error(&e);
                None
            }
        }
    }

    fn set_text(&mut self, text: String) {
        self.line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        self.text = text;
    }

    fn syntax_error(&mut self, e: &serde_yaml::Error) {
        // The position goes in front; drop libyaml's "at line L column C" parts.
        let mut message = strip_positions(&e.to_string());
        // The byte offset, not libyaml's line: libyaml counts U+2028 and
        // U+2029 as line breaks, editors (and the rest of `check`) do not.
        let mut at = e.location().map_or((1, 1), |l| {
            if self.text.is_char_boundary(l.index()) {
                self.line_col(l.index())
            } else {
                (l.line(), l.column())
            }
        });
        let offending = e.location().and_then(|l| self.text.get(l.index()..)?.chars().next());
        if message.contains("control characters are not allowed")
            && let Some((byte, c)) = self
                .text
                .char_indices()
                .find(|&(_, c)| !crate::claim::yaml_printable(c))
        {
            // libyaml gives no position for these; say where the first one is.
            at = self.line_col(byte);
            message = format!(
                "control character U+{:04X}, which YAML does not allow in a file: write it as \\u{:04x} inside double quotes",
                c as u32, c as u32
            );
        } else if message.contains("recursion limit exceeded") {
            message = format!("nested more than {MAX_DEPTH} levels deep; a claim file needs a few");
        } else if offending == Some('\t') {
            message = "tab character where YAML allows only spaces: indent with spaces".to_string();
        }
        if message.contains("duplicate entry")
            && let Some((byte, key)) = self.find_duplicate_key()
        {
            at = self.line_col(byte);
            message = format!("duplicate key `{key}` in the same mapping");
        }
        self.error_at(at, message);
    }

    /// The second occurrence of a key repeated within one mapping.
    fn find_duplicate_key(&self) -> Option<(usize, String)> {
        let doc = self.doc()?;
        let root = doc
            .as_mapping()
            .map(YamlNode::Mapping)
            .or_else(|| doc.as_sequence().map(YamlNode::Sequence))?;
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            if let Some(m) = node.as_mapping() {
                let mut seen = HashSet::new();
                for e in m.entries() {
                    if let Some(k) = e.key_node() {
                        let name = k.as_scalar().map(|s| s.as_string()).unwrap_or_else(|| k.to_string());
                        if !seen.insert(name.clone()) {
                            return Some((k.byte_range().start as usize, name));
                        }
                    }
                    if let Some(v) = e.value_node() {
                        stack.push(v);
                    }
                }
            } else if let Some(s) = node.as_sequence() {
                stack.extend(s.values());
            }
        }
        None
    }

    fn unknown_keys(&mut self, map: &serde_yaml::Mapping, allowed: &[&str], at: &[Seg], what: &str) {
        for k in map.keys() {
            let Some(name) = k.as_str() else {
                self.error(at, false, format!("{what} keys must be strings, found {}", kind_of(k)));
                continue;
            };
            if !allowed.contains(&name) {
                let mut p = at.to_vec();
                p.push(Seg::key(name));
                let hint = match nearest(name, allowed) {
                    Some(s) => format!(", did you mean `{s}`?"),
                    None => format!(" (expected one of: {})", allowed.join(", ")),
                };
                self.error(&p, true, format!("unknown field `{name}` in {what}{hint}"));
            }
        }
    }

    fn require(&mut self, map: &serde_yaml::Mapping, key: &str, at: &[Seg], what: &str) -> bool {
        if value_of(map, key).is_some() {
            return true;
        }
        self.error(at, false, format!("{what} is missing the required field `{key}`"));
        false
    }

    /// A string field: reports a wrong type; `None` when absent or wrong.
    fn string<'v>(&mut self, map: &'v serde_yaml::Mapping, key: &str, at: &[Seg], non_empty: bool) -> Option<&'v str> {
        let v = value_of(map, key)?;
        let p = || {
            let mut p = at.to_vec();
            p.push(Seg::key(key));
            p
        };
        match v.as_str() {
            Some(s) if non_empty && s.trim().is_empty() => {
                self.error(&p(), false, format!("`{key}` must not be empty"));
                None
            }
            Some(s) => Some(s),
            None => {
                self.error(&p(), false, format!("`{key}` must be a string, found {}", kind_of(v)));
                None
            }
        }
    }

    fn schema(&mut self, map: &serde_yaml::Mapping, expected: &str) {
        if !self.require(map, "schema", &[], "the file") {
            return;
        }
        if let Some(s) = self.string(map, "schema", &[], true)
            && s != expected
        {
            let s = s.to_string();
            self.error(
                &[Seg::key("schema")],
                false,
                format!("unknown schema `{s}` (expected `{expected}`)"),
            );
        }
    }

    fn claim_file(&mut self, root: &Value) {
        let map = root.as_mapping().expect("checked by caller");
        self.unknown_keys(map, CLAIM_FILE_KEYS, &[], "the claim file");
        self.schema(map, CLAIM_SCHEMA);
        let mut article_id = String::new();
        if self.require(map, "article", &[], "the claim file") {
            let at = [Seg::key("article")];
            match value_of(map, "article").and_then(Value::as_mapping) {
                None => self.error(&at, false, "`article` must be a mapping (id, title, …)".to_string()),
                Some(a) => {
                    self.unknown_keys(a, ARTICLE_KEYS, &at, "`article`");
                    if self.require(a, "id", &at, "`article`") {
                        article_id = self.string(a, "id", &at, true).unwrap_or_default().to_string();
                        self.id_matches_stem(&article_id);
                    }
                    for k in ["title", "source", "url"] {
                        self.string(a, k, &at, false);
                    }
                    if let Some(t) = self.string(a, "text", &at, true) {
                        self.text_exists(t);
                    }
                    if let Some(d) = value_of(a, "published") {
                        self.date(d, &[Seg::key("article"), Seg::key("published")]);
                    }
                }
            }
        }
        let Some(claims) = value_of(map, "claims") else { return };
        let at = [Seg::key("claims")];
        let Some(seq) = claims.as_sequence() else {
            if !claims.is_null() {
                self.error(
                    &at,
                    false,
                    format!("`claims` must be a list, found {}", kind_of(claims)),
                );
            }
            return;
        };
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, c) in seq.iter().enumerate() {
            let at = [Seg::key("claims"), Seg::Index(i)];
            let Some(m) = c.as_mapping() else {
                self.error(
                    &at,
                    false,
                    format!("a claim must be a mapping (id, claimant, …), found {}", kind_of(c)),
                );
                continue;
            };
            self.claim(m, &at, &article_id, &mut ids);
        }
        self.claim_ids = Some((article_id, ids.into_keys().collect()));
    }

    /// `text:` is relative to the claim file; a missing article is worth a
    /// warning (the claims stay valid) but not an error.
    fn text_exists(&mut self, text: &str) {
        let base = self.path.parent().unwrap_or(Path::new(""));
        if !base.join(text).exists() {
            let at = self.pos(&[Seg::key("article"), Seg::key("text")], false);
            self.push(
                at,
                Severity::Warning,
                format!("`text` names `{text}`, which does not exist (paths are relative to this file)"),
            );
        }
    }

    fn id_matches_stem(&mut self, id: &str) {
        if self.path == Path::new(STDIN) {
            return;
        }
        let stem = self.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if !id.is_empty() && stem != id {
            let at = self.pos(&[Seg::key("article"), Seg::key("id")], false);
            self.push(
                at,
                Severity::Warning,
                format!("article id `{id}` differs from the file name `{stem}`"),
            );
        }
    }

    fn date(&mut self, v: &Value, at: &[Seg]) {
        let ok = v
            .as_str()
            .is_some_and(|s| s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok());
        if !ok {
            let shown = scalar_text(v);
            self.error(
                at,
                false,
                format!("`published` must be a date YYYY-MM-DD, found `{shown}`"),
            );
        }
    }

    fn claim(&mut self, m: &serde_yaml::Mapping, at: &[Seg], article: &str, ids: &mut HashMap<String, usize>) {
        let what = "a claim";
        let claim_index = match at.last() {
            Some(Seg::Index(i)) => *i,
            _ => 0,
        };
        self.unknown_keys(m, CLAIM_KEYS, at, what);
        for k in ["id", "claimant", "stance", "content"] {
            self.require(m, k, at, what);
        }
        let with = |k: &str| {
            let mut p = at.to_vec();
            p.push(Seg::key(k));
            p
        };
        let mut own_id = None;
        if let Some(id) = self.string(m, "id", at, true) {
            if !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.error(
                    &with("id"),
                    false,
                    format!("claim id `{id}` may use only a-z, 0-9 and `-`"),
                );
            }
            if let Some(first) = ids.get(id) {
                let first = self.pos(&[Seg::key("claims"), Seg::Index(*first)], false).0;
                self.error(
                    &with("id"),
                    false,
                    format!("duplicate claim id `{id}` (first used on line {first})"),
                );
            } else {
                ids.insert(id.to_string(), claim_index);
            }
            own_id = Some(id.to_string());
        }
        self.string(m, "claimant", at, true);
        self.string(m, "content", at, true);
        for k in ["mention", "cue", "note"] {
            self.string(m, k, at, false);
        }
        if let Some(v) = value_of(m, "stance") {
            match v.as_str() {
                Some("asserts" | "denies") => {}
                _ => {
                    let shown = scalar_text(v);
                    let hint = nearest(&shown, &["asserts", "denies"])
                        .map(|s| format!(", did you mean `{s}`?"))
                        .unwrap_or_default();
                    self.error(
                        &with("stance"),
                        false,
                        format!("`stance` must be `asserts` or `denies`, found `{shown}`{hint}"),
                    );
                }
            }
        }
        if let Some(v) = value_of(m, "quoted")
            && !v.is_bool()
        {
            self.error(
                &with("quoted"),
                false,
                format!("`quoted` must be true or false, found `{}`", scalar_text(v)),
            );
        }
        if let Some(v) = value_of(m, "confidence")
            && !v.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x))
        {
            self.error(
                &with("confidence"),
                false,
                format!("`confidence` must be a number from 0 to 1, found `{}`", scalar_text(v)),
            );
        }
        if let Some(v) = value_of(m, "reviewed")
            && !v.is_bool()
        {
            self.error(
                &with("reviewed"),
                false,
                format!("`reviewed` must be true or false, found `{}`", scalar_text(v)),
            );
        }
        if let Some(v) = value_of(m, "span") {
            let nums: Option<Vec<u64>> = v.as_sequence().map(|s| s.iter().filter_map(Value::as_u64).collect());
            let ok = matches!(&nums, Some(n) if n.len() == 2 && v.as_sequence().is_some_and(|s| s.len() == 2) && n[0] <= n[1]);
            if !ok {
                self.error(
                    &with("span"),
                    false,
                    "`span` must be [start, end] with 0 <= start <= end".to_string(),
                );
            }
        }
        for &field in LINK_KEYS {
            let Some(v) = value_of(m, field) else { continue };
            let Some(items) = v.as_sequence() else {
                self.error(
                    &with(field),
                    false,
                    format!("`{field}` must be a list of claim references, found {}", kind_of(v)),
                );
                continue;
            };
            for (j, item) in items.iter().enumerate() {
                let mut p = with(field);
                p.push(Seg::Index(j));
                let Some(target) = item.as_str() else {
                    self.error(
                        &p,
                        false,
                        format!("`{field}` entries must be claim ids, found {}", kind_of(item)),
                    );
                    continue;
                };
                if own_id.as_deref() == Some(target)
                    || target == format!("{article}#{}", own_id.as_deref().unwrap_or(""))
                {
                    self.error(&p, false, format!("`{field}` refers to the claim itself"));
                    continue;
                }
                self.refs.push(PendingRef {
                    path: self.path.to_path_buf(),
                    article: article.to_string(),
                    field,
                    target: target.to_string(),
                    segs: p,
                });
            }
        }
    }

    fn actors_file(&mut self, root: &Value) {
        let map = root.as_mapping().expect("checked by caller");
        self.unknown_keys(map, ACTORS_FILE_KEYS, &[], "the actors file");
        self.schema(map, ACTORS_SCHEMA);
        let Some(actors) = value_of(map, "actors") else { return };
        let Some(seq) = actors.as_sequence() else {
            self.error(
                &[Seg::key("actors")],
                false,
                format!("`actors` must be a list, found {}", kind_of(actors)),
            );
            return;
        };
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut members: Vec<(Vec<Seg>, String)> = Vec::new();
        for (i, a) in seq.iter().enumerate() {
            let at = vec![Seg::key("actors"), Seg::Index(i)];
            let Some(m) = a.as_mapping() else {
                self.error(
                    &at,
                    false,
                    format!("an actor must be a mapping (name, kind, …), found {}", kind_of(a)),
                );
                continue;
            };
            self.unknown_keys(m, ACTOR_KEYS, &at, "an actor");
            if self.require(m, "name", &at, "an actor")
                && let Some(name) = self.string(m, "name", &at, true)
            {
                let mut p = at.clone();
                p.push(Seg::key("name"));
                if let Some(first) = names.get(&name.to_lowercase()) {
                    let first = self.pos(&[Seg::key("actors"), Seg::Index(*first)], false).0;
                    self.error(&p, false, format!("duplicate actor `{name}` (first on line {first})"));
                } else {
                    names.insert(name.to_lowercase(), i);
                }
            }
            self.string(m, "kind", &at, false);
            if let Some(parent) = self.string(m, "member_of", &at, true) {
                let mut p = at.clone();
                p.push(Seg::key("member_of"));
                members.push((p, parent.to_string()));
            }
            if let Some(v) = value_of(m, "aliases") {
                let mut p = at.clone();
                p.push(Seg::key("aliases"));
                if !v.as_sequence().is_some_and(|s| s.iter().all(Value::is_string)) {
                    self.error(&p, false, "`aliases` must be a list of names".to_string());
                }
            }
        }
        for (p, parent) in members {
            if !names.contains_key(&parent.to_lowercase()) {
                let at = self.pos(&p, false);
                self.push(
                    at,
                    Severity::Warning,
                    format!("`member_of` names `{parent}`, which is not an actor of this file"),
                );
            }
        }
    }
}

/// The value of `key` in a mapping. Claim-file mappings have a handful of
/// keys: a scan is cheaper than hashing the key as a YAML value.
fn value_of<'v>(map: &'v serde_yaml::Mapping, key: &str) -> Option<&'v Value> {
    map.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
}

/// `message` without libyaml's " at line L column C" phrases.
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + " at line ".len()..];
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = digits(tail);
        let after = &tail[n..];
        match after.strip_prefix(" column ") {
            Some(col) if n > 0 => rest = &col[digits(col)..],
            _ => {
                out.push_str(" at line ");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The closest allowed word to a misspelt one, if it is close.
fn nearest<'a>(word: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (strsim::levenshtein(&word.to_lowercase(), a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => "null".to_string(),
        other => kind_of(other).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libyaml_positions_are_stripped() {
        assert_eq!(
            strip_positions(
                "did not find expected node content at line 4 column 1, while parsing a flow node at line 3 column 9"
            ),
            "did not find expected node content, while parsing a flow node"
        );
        assert_eq!(strip_positions("at line 5 of the poem"), "at line 5 of the poem");
    }

    #[test]
    fn nearest_suggests_close_names_only() {
        assert_eq!(nearest("rebut", CLAIM_KEYS), Some("rebuts"));
        assert_eq!(nearest("deny", &["asserts", "denies"]), Some("denies"));
        assert_eq!(nearest("zzzzzzzz", CLAIM_KEYS), None);
    }
}
