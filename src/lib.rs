//! claimtrack: extract, keep, compare and report attributed claims in news
//! about disputes.
//!
//! Data flows one way: [`article`] → [`text`] → [`extract`] → [`claim`] →
//! [`store`] → [`dispute`] → [`report`]; [`check`] validates claim files with
//! `file:line:column` diagnostics. The binary (`src/main.rs`, `src/cli.rs`)
//! only parses arguments and calls these modules.

pub mod actors;
pub mod article;
pub mod check;
pub mod claim;
pub mod dispute;
pub mod extract;
pub mod fmt;
pub mod fuzzing;
pub mod report;
pub mod schema;
pub mod store;
pub mod terms;
pub mod text;
