//! Any bytes as JSON Lines input: reading never panics, no id it yields is
//! a path, and each article's claim file reads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimtrack::fuzzing::read_jsonl(data);
});
