//! Running every rule's examples and counter-examples.
//!
//! A positive example must come out of the whole engine as a row whose span is
//! exactly the example's `text`, made by that rule, with the stated attributes.
//! A counter-example must give no row at all.

use crate::engine::Extractor;
use crate::model::decimal::Decimal;
use crate::model::metric::Metric;
use crate::rules::{Example, Rule};

/// An example that did not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFailure {
    /// The rule file.
    pub file: String,
    /// The example's line.
    pub line: usize,
    /// The rule.
    pub rule_id: String,
    /// The example text.
    pub text: String,
    /// What was expected and what came out.
    pub problem: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: rule {}: example `{}`: {}",
            self.file, self.line, self.rule_id, self.text, self.problem
        )
    }
}

/// The outcome of checking all examples.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Examples and counter-examples that held.
    pub passed: usize,
    /// Those that did not.
    pub failures: Vec<ExampleFailure>,
}

/// Runs every example of every rule through `extractor`.
pub fn check_examples(extractor: &Extractor) -> CheckReport {
    let mut report = CheckReport::default();
    for rule in &extractor.rules().rules {
        for example in &rule.examples {
            let input = example.context.as_deref().unwrap_or(&example.text);
            let rows = extractor.extract("example", input);
            match example_problem(rule, example, &rows) {
                None => report.passed += 1,
                Some(problem) => {
                    report
                        .failures
                        .push(failure(rule, example.line, &example.text, problem))
                }
            }
        }
        for counter in &rule.counter_examples {
            let rows = extractor.extract("example", &counter.text);
            if rows.is_empty() {
                report.passed += 1;
            } else {
                let got: Vec<String> = rows
                    .iter()
                    .map(|r| format!("`{}` ({})", r.text, r.rule_id))
                    .collect();
                report.failures.push(failure(
                    rule,
                    counter.line,
                    &counter.text,
                    format!("expected no row, got {}", got.join(", ")),
                ));
            }
        }
    }
    report
}

fn failure(rule: &Rule, line: usize, text: &str, problem: String) -> ExampleFailure {
    ExampleFailure {
        file: rule.file.clone(),
        line,
        rule_id: rule.id.to_string(),
        text: text.to_string(),
        problem,
    }
}

/// True when `got` is exactly the number an example wrote. TOML reads the
/// number as `f64`, whose shortest form is the decimal the author wrote.
fn is_written_value(got: Decimal, written: f64) -> bool {
    Decimal::parse(&written.to_string()) == Some(got)
}

fn example_problem(rule: &Rule, example: &Example, rows: &[Metric]) -> Option<String> {
    let Some(row) = rows.iter().find(|r| r.text == example.text) else {
        let got: Vec<String> = rows.iter().map(|r| format!("`{}`", r.text)).collect();
        return Some(format!(
            "no row spans it whole (got {})",
            if got.is_empty() {
                "nothing".into()
            } else {
                got.join(", ")
            }
        ));
    };
    let mut problems = Vec::new();
    if row.rule_id != rule.id {
        problems.push(format!("made by rule {} instead", row.rule_id));
    }
    if let Some(v) = example.value {
        if !is_written_value(row.quantity.value, v) {
            problems.push(format!("value {} expected, got {}", v, row.quantity.value));
        }
    }
    match (example.value_high, row.quantity.value_high) {
        (Some(v), Some(got)) if !is_written_value(got, v) => {
            problems.push(format!("value_high {v} expected, got {got}"))
        }
        (Some(v), None) => problems.push(format!("value_high {v} expected, got none")),
        _ => {}
    }
    let mut expect = |name: &str, want: &Option<String>, got: &str| {
        if let Some(w) = want {
            if w != got {
                problems.push(format!("{name} `{w}` expected, got `{got}`"));
            }
        }
    };
    expect("unit", &example.unit, &row.quantity.unit);
    expect(
        "qualifier",
        &example.qualifier,
        row.quantity.qualifier.as_str(),
    );
    expect(
        "direction",
        &example.direction,
        row.direction.map_or("", |d| d.as_str()),
    );
    expect(
        "comparison",
        &example.comparison,
        row.comparison.map_or("", |c| c.as_str()),
    );
    expect("subject", &example.subject, &row.subject);
    (!problems.is_empty()).then(|| problems.join("; "))
}
