//! Settling overlaps between candidates, by a written policy.
//!
//! Candidates are ranked by, in order: higher rule priority, longer span (in
//! characters), earlier start, smaller rule id. The best is kept; every
//! candidate overlapping a kept one loses, and the reason is recorded for
//! `explain`.

use std::cmp::{Ordering, Reverse};
use std::collections::BTreeMap;

use crate::model::candidate::Candidate;
use crate::rules::RuleSet;

/// A candidate that lost an overlap, with the winner and the deciding criterion.
#[derive(Debug, Clone)]
pub struct Loser {
    /// The losing candidate.
    pub candidate: Candidate,
    /// The candidate that won.
    pub winner: Candidate,
    /// Which step of the policy decided.
    pub reason: &'static str,
}

/// Keeps the non-overlapping winners (sorted by start) and lists the losers.
pub fn settle(
    rules: &RuleSet,
    text: &str,
    mut candidates: Vec<Candidate>,
) -> (Vec<Candidate>, Vec<Loser>) {
    candidates.sort_by_cached_key(|c| rank_key(rules, text, c));
    candidates.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.rule == b.rule);
    // Kept spans never overlap, so the only one a candidate can overlap is
    // the last kept span starting before the candidate ends.
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    let mut losers = Vec::new();
    for c in candidates {
        let winner = kept
            .range(..c.end)
            .next_back()
            .map(|(_, k)| k)
            .filter(|k| c.start < k.end);
        match winner {
            Some(winner) => {
                let reason = rank(rules, text, winner, &c).1;
                losers.push(Loser {
                    winner: winner.clone(),
                    candidate: c,
                    reason,
                });
            }
            None => {
                kept.insert(c.start, c);
            }
        }
    }
    (kept.into_values().collect(), losers)
}

/// What ranks a candidate, in the policy's order; the smaller key wins.
type RankKey<'r> = (Reverse<i32>, Reverse<usize>, usize, &'r str);

fn rank_key<'r>(rules: &'r RuleSet, text: &str, c: &Candidate) -> RankKey<'r> {
    let rule = &rules.rules[c.rule];
    (
        Reverse(rule.priority),
        Reverse(text[c.start..c.end].chars().count()),
        c.start,
        &rule.id,
    )
}

/// Orders `a` before `b` when `a` wins, and names the criterion that decided.
fn rank(rules: &RuleSet, text: &str, a: &Candidate, b: &Candidate) -> (Ordering, &'static str) {
    let (ka, kb) = (rank_key(rules, text, a), rank_key(rules, text, b));
    let steps: [(Ordering, &'static str); 4] = [
        (ka.0.cmp(&kb.0), "lower rule priority"),
        (ka.1.cmp(&kb.1), "shorter span"),
        (ka.2.cmp(&kb.2), "starts later"),
        (ka.3.cmp(kb.3), "rule id sorts later"),
    ];
    steps
        .into_iter()
        .find(|(o, _)| *o != Ordering::Equal)
        .unwrap_or((Ordering::Equal, "identical"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::candidate::Meaning;
    use crate::model::decimal::Decimal;
    use crate::model::metric::{Kind, Qualifier, Quantity};

    fn rules() -> RuleSet {
        RuleSet::bundled().unwrap()
    }

    /// A candidate of the rule `id` over bytes `start..end`.
    fn candidate(rules: &RuleSet, id: &str, start: usize, end: usize) -> Candidate {
        let rule = rules.rules.iter().position(|r| &*r.id == id).unwrap();
        Candidate {
            rule,
            start,
            end,
            num_start: start,
            num_end: end,
            quantity: Quantity {
                kind: Kind::Count,
                value: Decimal::from_int(1),
                value_high: None,
                unit: String::new(),
                qualifier: Qualifier::Exact,
            },
            factor: Decimal::from_int(1),
            meaning: Meaning::default(),
        }
    }

    fn priority(rules: &RuleSet, id: &str) -> i32 {
        rules.rules.iter().find(|r| &*r.id == id).unwrap().priority
    }

    #[test]
    fn the_longer_span_wins_between_equal_priorities() {
        let rules = rules();
        let text = "共100亿人民币";
        let short = candidate(&rules, "count.arabic", 3, 12);
        let long = candidate(&rules, "money", 3, text.len());
        assert_eq!(priority(&rules, "count.arabic"), priority(&rules, "money"));
        let (kept, lost) = settle(&rules, text, vec![short.clone(), long.clone()]);
        assert_eq!(kept, vec![long]);
        assert_eq!(lost[0].candidate, short);
        assert_eq!(lost[0].reason, "shorter span");
    }

    #[test]
    fn a_higher_priority_wins_over_a_longer_span() {
        let rules = rules();
        let (high, low) = rules
            .rules
            .iter()
            .flat_map(|a| rules.rules.iter().map(move |b| (a, b)))
            .find(|(a, b)| a.priority > b.priority)
            .unwrap();
        let text = "一二三四五六七八九十";
        let winner = candidate(&rules, &high.id, 0, 3);
        let loser = candidate(&rules, &low.id, 0, 9);
        let (kept, lost) = settle(&rules, text, vec![loser, winner.clone()]);
        assert_eq!(kept, vec![winner]);
        assert_eq!(lost[0].reason, "lower rule priority");
    }

    #[test]
    fn the_earlier_start_wins_between_equal_lengths_and_disjoint_spans_all_stay() {
        let rules = rules();
        let text = "一二三四五六七八九十";
        let first = candidate(&rules, "count.arabic", 0, 6);
        let second = candidate(&rules, "count.arabic", 3, 9);
        let apart = candidate(&rules, "count.arabic", 9, 15);
        let (kept, lost) = settle(&rules, text, vec![second, apart.clone(), first.clone()]);
        assert_eq!(kept, vec![first, apart]);
        assert_eq!(lost[0].reason, "starts later");
    }

    #[test]
    fn the_same_candidate_twice_is_kept_once() {
        let rules = rules();
        let c = candidate(&rules, "count.arabic", 0, 3);
        let (kept, lost) = settle(&rules, "一二三", vec![c.clone(), c.clone()]);
        assert_eq!(kept, vec![c]);
        assert!(lost.is_empty());
    }
}
