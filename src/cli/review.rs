//! The glue of `claimtrack review`: one screen per unreviewed claim, single
//! keys to accept, correct, reject or skip it, each decision written to its
//! claim file at once with [`claimtrack::review`] (lossless, atomic).

use anyhow::{Context, Result, bail};
use claimtrack::claim::{Claim, Stance};
use claimtrack::report::{ColorChoice, clean};
use claimtrack::review::{self, Changes};
use claimtrack::store::{self, Store};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The review command's options.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Claims directory or claim files (default: claims/).
    paths: Vec<PathBuf>,
}

/// What happened to the claims of one session.
#[derive(Debug, Default)]
struct Tally {
    accepted: usize,
    corrected: usize,
    rejected: usize,
    skipped: usize,
}

/// `claimtrack review [PATHS]`.
pub fn run(args: &ReviewArgs, color: ColorChoice) -> Result<ExitCode> {
    if super::names_stdin(&args.paths) {
        return Ok(super::stdin_cannot_be_written("review"));
    }
    let paths = super::default_paths(&args.paths);
    let Some(store) = super::load_or_report(&paths) else {
        return Ok(ExitCode::from(1));
    };
    let todo: Vec<(usize, usize)> = store
        .files
        .iter()
        .enumerate()
        .flat_map(|(f, l)| {
            l.file
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.reviewed != Some(true))
                .map(move |(k, _)| (f, k))
        })
        .collect();
    if todo.is_empty() {
        eprintln!("nothing to review: every claim is reviewed");
        return Ok(ExitCode::SUCCESS);
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!("review reads single keys: run it in a terminal");
    }
    let bold = color.enabled(true, |k| std::env::var_os(k));
    terminal::enable_raw_mode().context("cannot set the terminal to raw mode")?;
    let result = session(&store, &todo, bold);
    terminal::disable_raw_mode().ok();
    let tally = result?;
    eprintln!(
        "accepted {}, corrected {}, rejected {}, skipped {}; {} left to review",
        tally.accepted,
        tally.corrected,
        tally.rejected,
        tally.skipped,
        todo.len() - tally.accepted - tally.corrected - tally.rejected
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `s` in raw mode (each line ended by CR LF).
fn show(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.replace('\n', "\r\n").as_bytes())?;
    out.flush()?;
    Ok(())
}

fn key() -> Result<KeyEvent> {
    loop {
        if let Event::Key(k) = event::read()?
            && k.kind != KeyEventKind::Release
        {
            return Ok(k);
        }
    }
}

fn session(store: &Store, todo: &[(usize, usize)], bold: bool) -> Result<Tally> {
    let mut tally = Tally::default();
    for (n, &(f, k)) in todo.iter().enumerate() {
        let loaded = &store.files[f];
        let original = &loaded.file.claims[k];
        let mut claim = original.clone();
        let mut changes = Changes::default();
        loop {
            show(&card(store, f, &claim, &changes, n + 1, todo.len(), bold))?;
            let pressed = key()?;
            let ctrl_c = pressed.modifiers.contains(KeyModifiers::CONTROL) && pressed.code == KeyCode::Char('c');
            match pressed.code {
                _ if ctrl_c => return Ok(tally),
                KeyCode::Char('q') | KeyCode::Esc => return Ok(tally),
                KeyCode::Char('a') | KeyCode::Enter => {
                    write(&loaded.path, |t| review::accept(t, &claim.id, &changes))?;
                    if changes.is_empty() {
                        tally.accepted += 1;
                    } else {
                        tally.corrected += 1;
                    }
                    break;
                }
                KeyCode::Char('n') | KeyCode::Char(' ') => {
                    tally.skipped += 1;
                    break;
                }
                KeyCode::Char('s') => {
                    let s = match claim.stance {
                        Stance::Asserts => Stance::Denies,
                        Stance::Denies => Stance::Asserts,
                    };
                    claim.stance = s;
                    changes.stance = (s != original.stance).then_some(s);
                }
                KeyCode::Char('c') => {
                    if let Some(v) = read_line("claimant", &claim.claimant)? {
                        changes.claimant = (v != original.claimant).then(|| v.clone());
                        claim.claimant = v;
                    }
                }
                KeyCode::Char('e') => {
                    if let Some(v) = read_line("content", &claim.content)? {
                        changes.content = (v != original.content).then(|| v.clone());
                        claim.content = v;
                    }
                }
                KeyCode::Char('r') => {
                    show("\nreject this claim (and every link to it)? y/n ")?;
                    if key()?.code == KeyCode::Char('y') {
                        reject(store, f, &claim.id)?;
                        tally.rejected += 1;
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    Ok(tally)
}

/// Rewrites `path` through `edit`, atomically.
fn write(path: &Path, edit: impl FnOnce(&str) -> Result<String, claimtrack::edit::EditError>) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let new = edit(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    store::write_atomic(path, &new, true)?;
    Ok(())
}

/// Removes claim `id` of file `f`, and the references other files of the
/// store make to it.
fn reject(store: &Store, f: usize, id: &str) -> Result<()> {
    let loaded = &store.files[f];
    write(&loaded.path, |t| review::reject(t, id))?;
    let target = format!("{}#{id}", loaded.file.article.id);
    for (g, other) in store.files.iter().enumerate() {
        let names = other.file.claims.iter().any(|c| {
            claimtrack::claim::LinkKind::ALL
                .iter()
                .any(|&kind| c.links(kind).contains(&target))
        });
        if g != f && names {
            write(&other.path, |t| review::drop_references_to(t, &[&target]))?;
        }
    }
    Ok(())
}

/// A line editor on the bottom line: Enter keeps, Esc cancels.
fn read_line(label: &str, value: &str) -> Result<Option<String>> {
    let mut buf = value.to_string();
    loop {
        show(&format!("\r\x1b[2K{label}: {buf}"))?;
        let k = key()?;
        match k.code {
            KeyCode::Enter => return Ok(Some(buf.trim().to_string()).filter(|s| !s.is_empty())),
            KeyCode::Esc => return Ok(None),
            KeyCode::Backspace => {
                buf.pop();
            }
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => buf.clear(),
            KeyCode::Char(c) => buf.push(c),
            _ => {}
        }
    }
}

/// The screen of one claim.
fn card(store: &Store, f: usize, c: &Claim, changes: &Changes, n: usize, total: usize, bold: bool) -> String {
    let l = &store.files[f];
    let b = |s: &str| {
        if bold {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mark = |changed: bool| if changed { " (corrected)" } else { "" };
    let mut s = String::from("\x1b[2J\x1b[H");
    let _ = writeln!(
        s,
        "claim {n} of {total} to review · {}#{}",
        clean(&l.file.article.id),
        clean(&c.id)
    );
    let _ = writeln!(s, "{}", clean(&l.path.display().to_string()));
    if let Some(sentence) = sentence_of(&l.path, l.file.article.text.as_deref(), c.span) {
        let _ = writeln!(s, "\n{} {}", b("sentence"), clean(&sentence));
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{}  {}{}",
        b("claimant"),
        clean(&c.claimant),
        mark(changes.claimant.is_some())
    );
    if let Some(m) = &c.mention {
        let _ = writeln!(s, "{}   {}", b("mention"), clean(m));
    }
    if let Some(cue) = &c.cue {
        let _ = writeln!(s, "{}       {}", b("cue"), clean(cue));
    }
    let _ = writeln!(
        s,
        "{}    {}{}",
        b("stance"),
        c.stance.as_str(),
        mark(changes.stance.is_some())
    );
    let _ = writeln!(
        s,
        "{}   {}{}",
        b("content"),
        clean(&c.content),
        mark(changes.content.is_some())
    );
    for kind in claimtrack::claim::LinkKind::ALL {
        if !c.links(kind).is_empty() {
            let _ = writeln!(s, "{:>9}  {}", kind.field(), clean(&c.links(kind).join(", ")));
        }
    }
    if let Some(x) = c.confidence {
        let _ = writeln!(s, "confidence {x}");
    }
    let _ = writeln!(
        s,
        "\n[a]ccept  [c]laimant  [s]tance  [e] content  [r]eject  [n]ext (skip)  [q]uit"
    );
    s
}

/// The sentence of the article text that holds the claim's span, when the
/// claim file names its text and the span fits it.
fn sentence_of(claim_file: &Path, text: Option<&str>, span: Option<[usize; 2]>) -> Option<String> {
    let path = claim_file.parent()?.join(text?);
    let body = std::fs::read_to_string(path).ok()?;
    let [start, end] = span?;
    let byte = |ch: usize| body.char_indices().nth(ch).map_or(body.len(), |(b, _)| b);
    let (s, e) = (byte(start), byte(end));
    let found = claimtrack::text::sentences(&body, 0)
        .into_iter()
        .filter(|x| x.range.end > s && x.range.start < e)
        .map(|x| x.range)
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))?;
    Some(body[found].split_whitespace().collect::<Vec<_>>().join(" "))
}
