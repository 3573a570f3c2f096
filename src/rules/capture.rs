//! The named groups a rule's pattern may have: the contract between a rule
//! file and the engine that reads its matches.

/// The capture groups the engine reads from a rule's match (rules/README.md).
#[derive(Debug, Clone, Copy)]
pub enum Capture {
    /// The number.
    Num,
    /// The upper end of a range.
    NumHigh,
    /// The unit as written.
    Unit,
    /// A qualifier word before the number.
    Pre,
    /// A qualifier word after the unit.
    Post,
    /// A minus sign.
    Sign,
    /// 半 after the unit.
    Half,
    /// The 角 digit.
    Jiao,
    /// The 分 digit.
    Fen,
    /// Digits after the unit that are its next decimal places.
    Decimals,
    /// A second amount already in the rule's unit.
    Extra,
}

impl Capture {
    /// Every capture, in the order of [`Scanner`](crate::engine::scanner::Scanner)'s index arrays.
    pub const ALL: [Capture; 11] = [
        Capture::Num,
        Capture::NumHigh,
        Capture::Unit,
        Capture::Pre,
        Capture::Post,
        Capture::Sign,
        Capture::Half,
        Capture::Jiao,
        Capture::Fen,
        Capture::Decimals,
        Capture::Extra,
    ];

    /// True when a pattern's group `name` is one the engine reads.
    pub fn is_known(name: &str) -> bool {
        Capture::ALL.iter().any(|c| c.name() == name)
    }

    /// The group's name in a pattern.
    pub fn name(self) -> &'static str {
        match self {
            Capture::Num => "num",
            Capture::NumHigh => "num_high",
            Capture::Unit => "unit",
            Capture::Pre => "pre",
            Capture::Post => "post",
            Capture::Sign => "sign",
            Capture::Half => "half",
            Capture::Jiao => "jiao",
            Capture::Fen => "fen",
            Capture::Decimals => "decimals",
            Capture::Extra => "extra",
        }
    }
}
