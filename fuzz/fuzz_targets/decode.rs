//! Decoding arbitrary bytes, as text and as HTML: never panics, and bytes
//! handed over decode as borrowed ones do.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let decoded = zhibiao::input::document::decode(bytes);
    assert_eq!(zhibiao::input::document::decode_owned(bytes.to_vec()), decoded);
    if let Ok(decoded) = decoded {
        let _ = zhibiao::input::html::visible_text(&decoded.text);
    }
});
