//! The numeral parser on arbitrary text: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(n) = zhibiao::numeral::parse_number(text) {
        let _ = n.low.to_f64();
        let _ = n.low.to_string();
    }
});
