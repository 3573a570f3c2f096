//! Text: normalisation for matching (with offsets back into the original),
//! clause and sentence boundaries, and small string helpers shared by the
//! stages above.

pub mod clause;
pub mod normalize;
pub mod word_set;
pub mod words;

/// The first non-empty line of a text, trimmed: its title, if it has one.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}
