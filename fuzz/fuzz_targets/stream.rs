//! The stream reader on arbitrary bytes: never panics, never stops early, and
//! answers every non-blank input line with metric lines or one error record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;
use zhibiao::engine::Extractor;
use zhibiao::app::stream::run_stream;

static EXTRACTOR: Lazy<Extractor> =
    Lazy::new(|| Extractor::bundled().expect("bundled rules load"));

fuzz_target!(|bytes: &[u8]| {
    let mut out = Vec::new();
    let summary = run_stream(&EXTRACTOR, bytes, &mut out).expect("a stream in memory never fails");
    let written = String::from_utf8(out).expect("output is UTF-8");
    let lines = written.lines().count();
    assert_eq!(lines, summary.rows + summary.errors);
    for line in written.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(value.get("error").is_some() || value.get("value").is_some());
    }
    let non_blank = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
        .count();
    assert!(summary.documents + summary.errors <= non_blank);
});
