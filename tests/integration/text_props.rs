//! Property tests: whatever normalisation folds or drops, every span of the
//! normalised text maps back to a span of the original that reads the same once
//! normalised, and every extracted row's offsets slice the original text.

use proptest::prelude::*;
use zhibiao::engine::Extractor;
use zhibiao::text::normalize::NormalizedText;

/// Characters that exercise folding (１ ％ ，), dropped gaps (spaces next to
/// Chinese) and kept ones (between Latin letters, after a line break).
const ALPHABET: [char; 16] = [
    ' ', '\u{3000}', '\n', '百', '分', '之', '万', '元', '增', '5', '.', '１', '％', '，', 'a', 'm',
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET.to_vec()), 0..40)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn spans_map_back_to_the_original(original in text()) {
        let doc = NormalizedText::new(&original);
        let normalized = doc.normalized();
        let bounds: Vec<usize> = normalized
            .char_indices()
            .map(|(i, _)| i)
            .chain([normalized.len()])
            .collect();
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k..] {
                let (s, e) = doc.original_range(start, end);
                prop_assert!(s <= e || start == end, "{start}..{end} maps to {s}..{e}");
                if s <= e {
                    let slice = original.get(s..e);
                    prop_assert!(slice.is_some(), "{s}..{e} is not a span of {original:?}");
                    // A comma is a thousands separator only among its digits,
                    // and a headline's space a comma only between two runs of
                    // Chinese characters, which a slice may cut off.
                    let again = NormalizedText::new(slice.unwrap_or_default());
                    let comparable = |t: &str| t.trim().replace([',', '，'], "");
                    prop_assert_eq!(
                        comparable(again.normalized()),
                        comparable(&normalized[start..end])
                    );
                }
            }
        }
    }

    #[test]
    fn row_offsets_slice_the_original(original in text()) {
        let extractor = Extractor::bundled().expect("bundled rules");
        for m in extractor.extract("p", &original) {
            let chars: Vec<char> = original.chars().collect();
            let span: String = chars[m.start as usize..m.end as usize].iter().collect();
            prop_assert_eq!(span, m.text);
        }
    }
}
