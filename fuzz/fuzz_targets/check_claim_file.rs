//! Any bytes as a claim file: `check` never panics, and a file it accepts
//! reads back equal after being written in canonical form.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimtrack::fuzzing::check_claim_file(data);
});
