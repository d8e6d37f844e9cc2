//! Any bytes as a claim file to format: `fmt` keeps every value and is
//! idempotent on whatever `check` accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimtrack::fuzzing::fmt_claim_file(data);
});
