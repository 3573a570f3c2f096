//! Decoding arbitrary bytes, as text and as HTML: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = zhibiao::input::document::decode(bytes) {
        let _ = zhibiao::input::html::visible_text(&decoded.text);
    }
});
