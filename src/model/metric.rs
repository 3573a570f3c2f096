//! The metric row: what one extracted number means and where it came from.

use std::sync::Arc;

use crate::model::decimal::Decimal;

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in tables and rule files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads the name used in tables and rule files.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// What sort of quantity a metric is.
    Kind {
        /// A percentage (35.5%).
        Percent = "percent",
        /// A difference of percentages (17.8个百分点).
        PercentagePoint = "percentage_point",
        /// A multiple (5.4倍).
        Multiple = "multiple",
        /// An amount of money.
        Money = "money",
        /// A count with a measure word.
        Count = "count",
        /// A physical quantity.
        Measure = "measure",
        /// A length of time.
        Duration = "duration",
    }
}

string_enum! {
    /// How the written number relates to the true one.
    Qualifier {
        /// As written.
        Exact = "exact",
        /// About (约, 左右).
        Approx = "approx",
        /// More than (余, 超, 以上).
        MoreThan = "more_than",
        /// Less than (近, 不到, 以下).
        LessThan = "less_than",
    }
}

string_enum! {
    /// The sense of a change, when the number is the amount of one.
    Direction {
        /// An increase.
        Up = "up",
        /// A decrease.
        Down = "down",
    }
}

string_enum! {
    /// The base a change is measured against.
    Comparison {
        /// Year on year (同比).
        Yoy = "yoy",
        /// Month on month (环比).
        Mom = "mom",
    }
}

/// A number as read: what sort it is, its value in the canonical unit, and
/// how it is qualified. A candidate holds one, and so does the row made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// What sort of quantity it is.
    pub kind: Kind,
    /// The magnitude in the canonical unit (the low end of a range).
    pub value: Decimal,
    /// The upper end of a range.
    pub value_high: Option<Decimal>,
    /// The canonical unit.
    pub unit: String,
    /// How the number is qualified.
    pub qualifier: Qualifier,
}

/// One extracted metric: a row of the metrics table.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// The input file's stem.
    pub doc_id: Arc<str>,
    /// Character offset of the span's start in the decoded document.
    pub start: u32,
    /// Character offset just past the span's end.
    pub end: u32,
    /// The span as written.
    pub text: String,
    /// The number read: kind, value, unit and qualifier.
    pub quantity: Quantity,
    /// Up or down, when the number is the amount of a change.
    pub direction: Option<Direction>,
    /// The base of the change (yoy, mom).
    pub comparison: Option<Comparison>,
    /// The phrase naming what is measured.
    pub subject: String,
    /// The time the figure refers to (`2024`, `2024-05`).
    pub period: Option<Arc<str>>,
    /// The sentence (or a bounded window) around the span.
    pub sentence: Arc<str>,
    /// The rule that produced the row.
    pub rule_id: Arc<str>,
}
