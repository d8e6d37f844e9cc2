//! The JSON printer: the model as one JSON document, pretty-printed. The
//! structure (disputes → claims → responses, plus actors, exchanges and
//! articles) is described by `docs/report.schema.json`; fields are only
//! ever added, and `schema` changes when anything else changes.

use crate::report::Briefing;
use serde::Serialize;
use std::io::Write;

/// The `schema` value of the JSON report.
pub(crate) const SCHEMA: &str = "claimtrack-report/1";

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    #[serde(flatten)]
    model: &'a Briefing,
}

/// Writes the JSON report, ending with a newline.
pub(crate) fn render(model: &Briefing, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Document { schema: SCHEMA, model })?;
    out.write_all(b"\n")
}
