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
