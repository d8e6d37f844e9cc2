//! What spans files, settled after each file is checked on its own: an
//! article id used twice, references to claims of this or other files, and
//! claimants one typo away from an actor.

use super::{Checked, Diagnostic, FileCheck, MAX_FILE_BYTES, Report, Seg, Severity};
use crate::claim::ActorsFile;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Checks files given as paths (read in the workers) or as contents.
pub(super) fn check_sources(sources: Vec<(PathBuf, Option<Vec<u8>>)>, mut diagnostics: Vec<Diagnostic>) -> Report {
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
pub(super) fn claimant_typos(files: &[Checked], locator: &mut Locator) -> Vec<Diagnostic> {
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
            if let Some(name) = actors.did_you_mean(&c.claimant) {
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
pub(super) struct Locator {
    texts: HashMap<PathBuf, String>,
}

impl Locator {
    pub(super) fn pos(&mut self, path: &Path, segs: &[Seg]) -> (usize, usize) {
        let text = self
            .texts
            .entry(path.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(path).unwrap_or_default());
        let mut fc = FileCheck::new(path);
        fc.set_text(text.strip_prefix('\u{feff}').unwrap_or(text).to_string());
        fc.pos(segs, false)
    }
}

/// An article id and the ids of its claims.
pub(super) type ClaimIds = (String, HashSet<String>);

pub(super) struct PendingRef {
    pub(super) path: PathBuf,
    pub(super) article: String,
    pub(super) field: &'static str,
    pub(super) target: String,
    /// Where the reference is, located only if it is broken.
    pub(super) segs: Vec<Seg>,
}
