//! Errors in rule files, always naming the file and line.

use std::fmt;

/// A problem in a rule file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The rule file's name or path as given to the loader.
    pub file: String,
    /// 1-based line of the offending entry.
    pub line: usize,
    /// What is wrong, in words a rule author understands.
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for RuleError {}

/// All the problems found while loading a rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        write!(f, "{}", lines.join("\n"))
    }
}

impl std::error::Error for RuleErrors {}

/// A source file's text, used to turn byte spans into line numbers.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Name shown in messages (a path, or `rules/x.toml` for the built-in set).
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl SourceFile {
    /// The 1-based line holding byte offset `at`.
    pub fn line_of(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// An error at byte offset `at` of this file.
    pub fn error_at(&self, at: usize, message: impl Into<String>) -> RuleError {
        RuleError {
            file: self.name.clone(),
            line: self.line_of(at),
            message: message.into(),
        }
    }

    /// Parses the file as TOML into `T`, turning syntax errors into a [`RuleError`].
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, RuleError> {
        toml::from_str(&self.text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            self.error_at(at, e.message().to_string())
        })
    }
}
