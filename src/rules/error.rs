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
    /// A rule file from its bytes: UTF-8, a byte order mark ignored. Any
    /// other encoding is refused at the line of its first invalid byte.
    pub fn from_bytes(name: String, bytes: &[u8]) -> Result<SourceFile, RuleErrors> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile {
                name,
                text: text.to_string(),
            }),
            Err(e) => {
                let valid = SourceFile {
                    name,
                    text: String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned(),
                };
                let line = valid.line_of(valid.text.len());
                Err(RuleErrors(vec![RuleError {
                    file: valid.name,
                    line,
                    message: "not UTF-8 (save rule files as UTF-8)".into(),
                }]))
            }
        }
    }

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
