//! claimtrack: extract, keep, compare and report attributed claims in news
//! about disputes.
//!
//! Data flows one way: [`article`] → [`text`] → [`extract`] → [`claim`] →
//! [`store`] → [`dispute`] → [`report`]; [`check`] validates claim files with
//! `file:line:column` diagnostics. [`matching`] decides whether two claims
//! make the same assertion (terms, names, polarity, an inverted index);
//! [`diff`] compares two sets of claims with it, [`history`] follows one
//! assertion across a directory, and [`edit`] adds links to a claim file
//! without disturbing what a person wrote. [`batch`] streams many articles
//! in bounded chunks; [`eval`] scores extraction against annotated corpora.
//! [`walk`] finds input files under directories for both `check` and
//! `batch`.
//! The binary (`src/main.rs`, `src/cli/`, one file per command)
//! only parses arguments and calls these modules.

pub mod actors;
pub mod article;
pub mod batch;
pub mod check;
pub mod claim;
pub mod diff;
pub mod dispute;
pub mod edit;
pub mod eval;
pub mod extract;
pub mod fmt;
pub mod fuzzing;
pub mod history;
pub mod linking;
pub mod matching;
pub mod report;
pub mod review;
pub mod roster;
pub mod schema;
pub mod store;
pub mod terms;
pub mod text;
pub mod walk;
