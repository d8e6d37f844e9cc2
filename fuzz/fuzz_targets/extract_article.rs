//! Any bytes as an article: reading and extracting never panic, and the
//! claim file written reads back equal and passes `check`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimtrack::fuzzing::extract_article(data);
});
