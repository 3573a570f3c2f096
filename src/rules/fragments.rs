//! Named regex fragments and their expansion into rule patterns.
//!
//! `{name}` in a pattern is replaced by the fragment's (expanded) text inside a
//! non-capturing group. Unknown names and cycles are errors.

use std::collections::{BTreeMap, HashMap};

use once_cell::sync::Lazy;
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::error::{RuleError, SourceFile};

static REFERENCE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\{([a-z_][a-z0-9_]*(?::[a-z_]+)?)\}").expect("valid pattern"));

/// Why a pattern could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpandError {
    /// `{name}` names no fragment.
    Unknown(String),
    /// Fragments refer to each other in a loop (the names, in order).
    Cycle(Vec<String>),
}

impl std::fmt::Display for ExpandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExpandError::Unknown(name) => write!(f, "unknown fragment {{{name}}}"),
            ExpandError::Cycle(path) => write!(f, "cyclic fragments: {}", path.join(" → ")),
        }
    }
}

/// The fragments of `fragments.toml` plus those generated from units and lexicon.
#[derive(Debug, Clone, Default)]
pub struct Fragments {
    written: HashMap<String, (String, usize)>,
    generated: HashMap<String, String>,
    /// Character sets, written into a pattern as they are: they go inside
    /// brackets (`[0-9{numeral_digit}]`), so that a class stays one class.
    char_sets: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FragmentsFile {
    fragments: BTreeMap<String, Spanned<String>>,
}

impl Fragments {
    /// Reads `fragments.toml` (no checking yet: see [`Fragments::check`]).
    pub fn load(source: &SourceFile) -> Result<Fragments, RuleError> {
        let file: FragmentsFile = source.parse()?;
        let written = file
            .fragments
            .into_iter()
            .map(|(name, p)| {
                let at = p.span().start;
                (name, (p.into_inner(), at))
            })
            .collect();
        Ok(Fragments {
            written,
            generated: HashMap::new(),
            char_sets: HashMap::new(),
        })
    }

    /// Adds a fragment built by the loader (`unit:money`, `qual_before`).
    pub fn add_generated(&mut self, name: &str, pattern: String) {
        self.generated.insert(name.to_string(), pattern);
    }

    /// Adds a set of characters (already escaped) to be written inside brackets.
    pub fn add_char_set(&mut self, name: &str, chars: String) {
        self.char_sets.insert(name.to_string(), chars);
    }

    /// Expands every written fragment and compiles it, reporting errors at its line.
    pub fn check(&self, source: &SourceFile) -> Vec<RuleError> {
        let mut names: Vec<&String> = self.written.keys().collect();
        names.sort();
        let mut errors = Vec::new();
        for name in names {
            let (pattern, at) = &self.written[name];
            let mut stack = vec![name.clone()];
            match self.expand_with(pattern, &mut stack) {
                Err(e) => errors.push(source.error_at(*at, format!("fragment {name}: {e}"))),
                Ok(expanded) => {
                    if let Err(e) = Regex::new(&expanded) {
                        errors.push(source.error_at(
                            *at,
                            format!("fragment {name}: invalid regex: {}", regex_reason(&e)),
                        ));
                    }
                }
            }
        }
        errors
    }

    /// Replaces every `{name}` in `pattern` by the fragment's expansion.
    pub fn expand(&self, pattern: &str) -> Result<String, ExpandError> {
        self.expand_with(pattern, &mut Vec::new())
    }

    fn expand_with(&self, pattern: &str, stack: &mut Vec<String>) -> Result<String, ExpandError> {
        let mut out = String::with_capacity(pattern.len());
        let mut last = 0;
        for caps in REFERENCE.captures_iter(pattern) {
            let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            out.push_str(&pattern[last..whole.start()]);
            last = whole.end();
            let name = name.as_str();
            if let Some(g) = self.generated.get(name) {
                out.push_str(&format!("(?:{g})"));
                continue;
            }
            if let Some(chars) = self.char_sets.get(name) {
                out.push_str(chars);
                continue;
            }
            let Some((body, _)) = self.written.get(name) else {
                return Err(ExpandError::Unknown(name.to_string()));
            };
            if let Some(k) = stack.iter().position(|s| s == name) {
                let mut path = stack[k..].to_vec();
                path.push(name.to_string());
                return Err(ExpandError::Cycle(path));
            }
            stack.push(name.to_string());
            let expanded = self.expand_with(body, stack)?;
            stack.pop();
            out.push_str(&format!("(?:{expanded})"));
        }
        out.push_str(&pattern[last..]);
        Ok(out)
    }
}

/// The reason a regex did not compile: the message of the innermost error
/// (a multi-pattern build says only "error parsing pattern 0"; its source says
/// why), as [`first_line`] reads it.
pub fn regex_reason(error: &(dyn std::error::Error + 'static)) -> String {
    let mut innermost = error;
    while let Some(source) = innermost.source() {
        innermost = source;
    }
    first_line(&innermost.to_string())
}

/// The first line of a (multi-line) regex error message.
pub fn first_line(message: &str) -> String {
    message
        .lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .or_else(|| message.lines().next())
        .unwrap_or("")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceFile {
        SourceFile {
            name: "fragments.toml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn expands_nested_references() {
        let src = source("[fragments]\na = '[0-9]+'\nb = '{a}%'\n");
        let f = Fragments::load(&src).unwrap();
        assert_eq!(f.expand("x{b}").unwrap(), "x(?:(?:[0-9]+)%)");
        assert!(f.check(&src).is_empty());
    }

    #[test]
    fn repetition_braces_are_not_references() {
        let src = source("[fragments]\na = '[0-9]{1,3}'\n");
        let f = Fragments::load(&src).unwrap();
        assert_eq!(f.expand("{a}").unwrap(), "(?:[0-9]{1,3})");
    }

    #[test]
    fn reports_unknown_and_cycles_with_lines() {
        let src = source("[fragments]\na = '{b}'\nb = '{a}'\nc = '{nope}'\n");
        let f = Fragments::load(&src).unwrap();
        let errors = f.check(&src);
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            text.contains(&"fragments.toml:2: fragment a: cyclic fragments: a → b → a".to_string())
        );
        assert!(text.contains(&"fragments.toml:4: fragment c: unknown fragment {nope}".to_string()));
    }
}
