//! Any bytes, split on NUL into the files an acquisition may hold
//! (AndroidQF, ADB outputs, bug report), analysed end to end.
#![no_main]
use std::collections::BTreeMap;

use cairn_scan::android::{Acquisition, AndroidOptions, SourceKind, analyze_acquisition};
use cairn_scan::indicators::IndicatorSet;
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "packages.json",
    "dumpsys.txt",
    "getprop.txt",
    "settings_secure.txt",
    "settings_global.txt",
    "ps.txt",
    "root_binaries.json",
    "pm_list.txt",
    "bugreport.txt",
];

fuzz_target!(|data: &[u8]| {
    let mut files = BTreeMap::new();
    for (i, part) in data.split(|b| *b == 0).enumerate().take(NAMES.len()) {
        files.insert(NAMES[i].to_owned(), part.to_vec());
    }
    let acq = Acquisition::from_files(SourceKind::AndroidQf, "fuzz", files);
    let opts = AndroidOptions::as_of(jiff_date());
    let _ = analyze_acquisition(&acq, &IndicatorSet::new(), &opts);
});

fn jiff_date() -> cairn_scan::android::Date {
    cairn_scan::android::Date::new(2026, 6, 30).expect("valid date")
}
