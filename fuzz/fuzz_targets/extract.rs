//! The whole extraction of arbitrary bytes: never panics, offsets always valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;
use zhibiao::engine::Extractor;

static EXTRACTOR: Lazy<Extractor> =
    Lazy::new(|| Extractor::bundled().expect("bundled rules load"));

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    for m in EXTRACTOR.extract("fuzz", &text) {
        let span: String = chars[m.start as usize..m.end as usize].iter().collect();
        assert_eq!(span, m.text);
    }
});
