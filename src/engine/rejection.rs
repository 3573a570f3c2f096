//! Why a rule's match makes no row: each guard of resolving has a name and a
//! reason a rule author can read in `explain`.

/// The guard that turned a match away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The rule's pattern captured no number.
    NoNumber,
    /// Part of a code: after a Latin letter, a digit or a dot (PM2.5, G318).
    GluedToCode,
    /// Inside a web address.
    InLink,
    /// 百分之 continuing a denominator written before it (五百分之2.2).
    ContinuesFraction,
    /// One financial digit before a measure word (拾起, 陆部).
    LoneFinancialDigit,
    /// After a word that makes the number no measure (lexicon `not_after`: 第, 编号).
    NotAfterWord,
    /// A duration that names a time frame (lexicon `time_frames`: 近三年来).
    TimeFrame,
    /// The opening of a short quoted name (“三个规定”).
    QuotedName,
    /// Followed by one of the rule's `not_followed_by` words.
    NotFollowedBy,
    /// Followed by a unit or measure word (the rule's `not_before_unit`).
    BeforeUnit,
    /// Not at the end of its clause (the rule's `ends_clause`).
    NotClauseEnd,
    /// The base of an exchange rate (1美元兑7.1元).
    RateBase,
    /// None of the rule's `needs_before` words earlier in the sentence.
    NeedsBefore,
    /// The numeral does not parse.
    Unparsed,
    /// A range whose low end is above its high end.
    RangeReversed,
    /// A year (2024, or 114 of Taiwan's calendar before a month), under `not_year`.
    Year,
    /// A unit the rule's `exclude_units` lists.
    ExcludedUnit,
    /// A unit in Latin letters that runs on into a longer word (10ms is not 10m).
    GluedLatinUnit,
    /// A unit the units table does not know.
    UnknownUnit,
    /// A dash after an amount, which joins a range rather than signing a number.
    DashJoinsRange,
    /// The value does not fit the decimal type.
    Overflow,
    /// Below the rule's `min_value`.
    BelowMin,
    /// A bare 百, 千 or 万 without a qualifier: an idiom (千家万户).
    BareMultiplier,
}

impl Rejection {
    /// The reason, as `explain` prints it.
    pub fn reason(self) -> &'static str {
        match self {
            Rejection::NoNumber => "no number captured",
            Rejection::GluedToCode => "part of a code (after a letter, digit or dot)",
            Rejection::InLink => "inside a web address",
            Rejection::ContinuesFraction => "continues a fraction written before it",
            Rejection::LoneFinancialDigit => "a lone financial digit before a measure word",
            Rejection::NotAfterWord => "after a not_after word (lexicon)",
            Rejection::TimeFrame => "a time frame (lexicon time_frames)",
            Rejection::QuotedName => "opens a quoted name",
            Rejection::NotFollowedBy => "followed by a not_followed_by word",
            Rejection::BeforeUnit => "followed by a unit (not_before_unit)",
            Rejection::NotClauseEnd => "does not end its clause (ends_clause)",
            Rejection::RateBase => "the base of an exchange rate",
            Rejection::NeedsBefore => "no needs_before word earlier in the sentence",
            Rejection::Unparsed => "the numeral does not parse",
            Rejection::RangeReversed => "a range whose low end is above its high end",
            Rejection::Year => "a year (not_year)",
            Rejection::ExcludedUnit => "an excluded unit (exclude_units)",
            Rejection::GluedLatinUnit => "a Latin unit that runs into a longer word",
            Rejection::UnknownUnit => "a unit missing from units.toml",
            Rejection::DashJoinsRange => "a dash after an amount joins a range",
            Rejection::Overflow => "the value is too large",
            Rejection::BelowMin => "below the rule's min_value",
            Rejection::BareMultiplier => "a bare multiplier without a qualifier (an idiom)",
        }
    }
}
