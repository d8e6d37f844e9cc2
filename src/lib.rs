//! claimtrack: extract, keep, compare and report attributed claims in news
//! about disputes.
//!
//! Data flows one way: [`article`] → [`text`] → [`extract`] → [`claim`] →
//! [`store`] → `dispute` → [`report`]; [`check`] validates claim files with
//! `file:line:column` diagnostics. [`matching`] decides whether two claims
//! make the same assertion (terms, names, polarity, an inverted index);
//! [`diff`] compares two sets of claims with it, [`history`] follows one
//! assertion across a directory, and [`edit`] adds links to a claim file
//! without disturbing what a person wrote. [`batch`] streams many articles
//! in bounded chunks; [`eval`] scores extraction against annotated corpora.
//! `walk` finds input files under directories for both `check` and
//! `batch`; `sanitize` makes file text safe to print for all of them (a
//! leaf, so claim and check code needs nothing of the report). The report's
//! view model ([`report::Briefing`]) is built from `dispute`'s graph.
//! The binary (`src/main.rs`, `src/cli/`, one file per command)
//! only parses arguments and calls these modules. Modules and items the
//! binary, tests, benches and fuzz targets do not use are private or
//! `pub(crate)`, so the compiler reports what nothing calls.

pub mod actors;
pub mod article;
pub mod batch;
pub mod check;
pub mod claim;
pub mod corpus;
pub mod diff;
mod dispute;
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
mod sanitize;
pub mod schema;
pub mod store;
mod terms;
pub mod text;
mod walk;
