//! Lists that share one unit: `17.8、19.8个百分点`, `1409万、1305万人次`.
//!
//! The last item carries the unit; each bare number before it, joined by 、
//! (or 和, 及, 与), becomes a row of its own with the same kind, unit and rule.

use regex::Regex;

use crate::model::candidate::{Candidate, ListGroup, Meaning};
use crate::model::metric::{Kind, Qualifier, Quantity};
use crate::numeral::{parse_number, unit_exp};
use crate::text::clause::JOINERS;

/// How far back (in bytes) a list item may start.
const WINDOW: usize = 60;

/// Groups kept candidates (sorted by start) with the list items before them.
pub fn expand_lists(item: &Regex, text: &str, mut kept: Vec<Candidate>) -> Vec<ListGroup> {
    share_points(text, &mut kept);
    let mut groups: Vec<ListGroup> = Vec::with_capacity(kept.len());
    for head in kept {
        let floor = groups
            .last()
            .and_then(|g| g.members.last())
            .map_or(0, |c| c.end);
        let mut items = Vec::new();
        let mut end = head.start;
        while let Some(c) = list_item(item, text, floor, end, &head) {
            end = c.start;
            items.push(c);
        }
        items.reverse();
        items.push(head);
        // 增长5.2%、1.9%: metrics joined by 、 share their clause.
        let joined = groups
            .last()
            .and_then(|g| g.members.last())
            .is_some_and(|prev| {
                let first = items.first().map_or(end, |c| c.start);
                matches!(text.get(prev.end..first), Some("、" | "和" | "及"))
            });
        match groups.last_mut() {
            Some(g) if joined => g.members.extend(items),
            _ => groups.push(ListGroup { members: items }),
        }
    }
    groups
}

/// A bare item in digits takes the multiplier of the head's number (35和42万人:
/// 35万 and 42万), as the low end of a range does.
fn with_multiplier(item: &str, head_number: &str) -> String {
    let multiplier =
        head_number.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let bare = item
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
    let only_multiplier =
        !multiplier.is_empty() && multiplier.chars().all(|c| unit_exp(c).is_some());
    if bare && only_multiplier && multiplier.len() < head_number.len() {
        format!("{item}{multiplier}")
    } else {
        item.to_string()
    }
}

/// 收窄0.1个和0.3个百分点: a count of 个 joined to a number of (basis or
/// percentage) points by one of [`JOINERS`] shares its points.
fn share_points(text: &str, kept: &mut [Candidate]) {
    for i in 1..kept.len() {
        let (head, item) = (&kept[i], &kept[i - 1]);
        let shares = head.quantity.kind == Kind::PercentagePoint
            && text
                .get(head.num_start..head.end)
                .is_some_and(|t| t.contains(['个', '個']))
            && item.quantity.kind == Kind::Count
            && matches!(item.quantity.unit.as_str(), "个" | "個")
            && text
                .get(item.end..head.start)
                .is_some_and(|j| j.chars().count() == 1 && j.starts_with(JOINERS));
        if !shares {
            continue;
        }
        let (Some(value), high) = (
            item.quantity.value.checked_mul(head.factor),
            item.quantity
                .value_high
                .and_then(|h| h.checked_mul(head.factor)),
        ) else {
            continue;
        };
        let points = Candidate {
            rule: head.rule,
            quantity: Quantity {
                kind: head.quantity.kind,
                value,
                value_high: high,
                unit: head.quantity.unit.clone(),
                qualifier: item.quantity.qualifier,
            },
            factor: head.factor,
            ..item.clone()
        };
        kept[i - 1] = points;
    }
}

/// The bare number joined by one of [`JOINERS`] right before `end`, resolved like `head`.
fn list_item(
    item: &Regex,
    text: &str,
    floor: usize,
    end: usize,
    head: &Candidate,
) -> Option<Candidate> {
    if !text.get(..end)?.ends_with(JOINERS) {
        return None;
    }
    let mut from = end.saturating_sub(WINDOW).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..end)?;
    let caps = item.captures(window)?;
    let num = caps.get(1)?;
    let start = from + num.start();
    // 第12、13届 names ordinals, not a count.
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '第') {
        return None;
    }
    let head_number = text.get(head.num_start..head.num_end)?;
    let number = parse_number(&with_multiplier(num.as_str(), head_number))?;
    Some(Candidate {
        rule: head.rule,
        start,
        end: from + num.end(),
        num_start: start,
        num_end: from + num.end(),
        quantity: Quantity {
            kind: head.quantity.kind,
            value: number.low.checked_mul(head.factor)?,
            value_high: match number.high {
                Some(h) => Some(h.checked_mul(head.factor)?),
                None => None,
            },
            unit: head.quantity.unit.clone(),
            qualifier: if number.more_than {
                Qualifier::MoreThan
            } else {
                Qualifier::Exact
            },
        },
        factor: head.factor,
        meaning: Meaning::default(),
    })
}

#[cfg(test)]
mod tests {
    use crate::engine::Extractor;

    /// (text, value, unit) of the rows of `text`.
    fn rows(text: &str) -> Vec<(String, String, String)> {
        Extractor::bundled()
            .unwrap()
            .extract("t", text)
            .into_iter()
            .map(|m| (m.text, m.quantity.value.to_string(), m.quantity.unit))
            .collect()
    }

    fn row(text: &str, value: &str, unit: &str) -> (String, String, String) {
        (text.into(), value.into(), unit.into())
    }

    #[test]
    fn bare_items_take_the_heads_unit() {
        assert_eq!(
            rows("破案率分别提升17.8、19.8个百分点"),
            vec![row("17.8", "17.8", "pp"), row("19.8个百分点", "19.8", "pp")]
        );
    }

    #[test]
    fn a_bare_item_in_digits_takes_the_heads_multiplier() {
        assert_eq!(
            rows("分别为35和42万人"),
            vec![row("35", "350000", "人"), row("42万人", "420000", "人")]
        );
    }

    #[test]
    fn a_count_of_ge_joined_to_points_shares_them() {
        let found = rows("分别收窄0.1个和0.3个百分点");
        assert_eq!(found[0].2, "pp", "{found:?}");
        assert_eq!(found[0].1, "0.1", "{found:?}");
    }

    #[test]
    fn a_number_not_joined_by_a_list_word_stays_out() {
        assert_eq!(
            rows("编号17，增长19.8个百分点"),
            vec![row("19.8个百分点", "19.8", "pp")]
        );
    }
}
