//! Any bytes as a bulk user file: a result or a file error, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = attain::io::users::check_users(data);
});
