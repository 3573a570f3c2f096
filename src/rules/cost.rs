//! What a rule costs to run, measured when the rules load.
//!
//! The `regex` crate never backtracks, but a pattern can still be slow: a huge
//! automaton (`(a|aa)*` repeated thousands of times, an alternation of tens of
//! thousands of words) falls back to the slowest engine and crawls. Each rule
//! is timed over a sample built from every rule's examples, and one far
//! slower than a rule should ever be, or far larger, is refused with its file,
//! line and the figures.

use std::time::{Duration, Instant};

use super::{Rule, RuleError};

/// Bytes of sample text each rule is timed over.
const SAMPLE_BYTES: usize = 8 * 1024;

/// The longest a rule may take over the sample. A rule of the shipped set
/// takes well under a millisecond; a pathological one takes seconds.
const MAX_SCAN: Duration = Duration::from_millis(100);

/// The most heap a compiled rule may use.
const MAX_MEMORY: usize = 64 << 20;

/// The sample: every example text of every rule, repeated to [`SAMPLE_BYTES`].
fn sample(rules: &[Rule]) -> String {
    let mut one: String = rules
        .iter()
        .flat_map(|r| {
            r.examples
                .iter()
                .map(|e| e.context.as_deref().unwrap_or(&e.text))
        })
        .chain(
            rules
                .iter()
                .flat_map(|r| r.counter_examples.iter().map(|c| c.text.as_str())),
        )
        .collect::<Vec<_>>()
        .join("。");
    if one.is_empty() {
        one.push_str("全市刑事案件发案同比下降35.5%，挽损14.3亿元。");
    }
    let mut out = String::with_capacity(SAMPLE_BYTES + one.len());
    while out.len() < SAMPLE_BYTES {
        out.push_str(&one);
        out.push('\n');
    }
    out
}

/// The rules that are too slow or too large to run, as errors at their lines.
pub fn check_costs(rules: &[Rule]) -> Vec<RuleError> {
    check_costs_within(rules, MAX_SCAN)
}

/// [`check_costs`] with the time limit given.
fn check_costs_within(rules: &[Rule], limit: Duration) -> Vec<RuleError> {
    let sample = sample(rules);
    let kb = sample.len() / 1024;
    let mut errors = Vec::new();
    for rule in rules {
        let memory = rule.regex.memory_usage();
        if memory > MAX_MEMORY {
            errors.push(error(
                rule,
                format!(
                    "pattern compiles to {} MB (limit {} MB): split it or shorten its word lists",
                    memory >> 20,
                    MAX_MEMORY >> 20
                ),
            ));
            continue;
        }
        let started = Instant::now();
        let _ = rule.regex.find_iter(sample.as_str()).count();
        let took = started.elapsed();
        if took > limit {
            errors.push(error(
                rule,
                format!(
                    "pattern takes {} ms to scan {kb} KB (limit {} ms): simplify it",
                    took.as_millis(),
                    limit.as_millis()
                ),
            ));
        }
    }
    errors
}

fn error(rule: &Rule, message: String) -> RuleError {
    RuleError {
        file: rule.file.clone(),
        line: rule.line,
        message: format!("rule {}: {message}", rule.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn the_shipped_rules_are_cheap() {
        let rules = RuleSet::bundled().unwrap();
        assert!(check_costs(&rules.rules).is_empty());
    }

    #[test]
    fn a_rule_over_the_limit_is_named_with_its_line_and_time() {
        let rules = RuleSet::bundled().unwrap();
        let errors = check_costs_within(&rules.rules[..1], Duration::ZERO);
        assert_eq!(errors.len(), 1);
        let rule = &rules.rules[0];
        let e = errors[0].to_string();
        assert!(
            e.starts_with(&format!(
                "{}:{}: rule {}: pattern takes ",
                rule.file, rule.line, rule.id
            )),
            "{e}"
        );
        assert!(
            e.contains(" to scan ") && e.contains(" KB (limit 0 ms)"),
            "{e}"
        );
    }
}
