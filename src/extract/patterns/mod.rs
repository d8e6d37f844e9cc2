//! The patterns that find source, cue and content around a cue, one file
//! per family. Each adds to the attributions of a sentence under scan
//! ([`super::scan::SentenceScan`]); the order they are tried in is
//! [`super::scan::SentenceScan::run`] and, for a reporting verb,
//! [`verb`].

mod according;
mod asked;
mod content_first;
mod denial;
mod described;
mod inverted;
mod label;
mod loose;
mod participle;
mod pointing;
mod reciprocal;
mod verb;

pub(super) use reciprocal::is_reciprocal_cue;
