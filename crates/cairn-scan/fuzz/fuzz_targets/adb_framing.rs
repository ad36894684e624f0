//! Any bytes as what an adb server answers: status, strings and shell
//! streams must fail cleanly and never allocate past their limits.
#![no_main]
use cairn_scan::adb::wire;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut r = data;
    if wire::read_status(&mut r, "fuzz").is_ok() {
        let _ = wire::read_string(&mut r, "fuzz");
    }
    let mut r = data;
    if let Ok(out) = wire::read_shell_v2(&mut r, 1 << 16) {
        assert!(out.stdout.len() + out.stderr.len() <= 1 << 16);
    }
    let mut r = data;
    let _ = wire::read_to_end_limited(&mut r, 1 << 12);
});
