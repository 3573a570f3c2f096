//! Matching rules over a text and resolving each match into a candidate row.
//!
//! Matching finds spans; resolving turns a span's captures into a value, unit
//! and qualifier, or rejects it (a year, an ordinal, a number that does not parse).

use std::ops::Range;

use regex_automata::util::captures::Captures;

use super::rejection::Rejection;
use super::scanner::{Group, Scanner};
use crate::model::candidate::{Candidate, Meaning};
use crate::model::decimal::Decimal;
use crate::model::metric::{Kind, Qualifier, Quantity};
use crate::numeral::table::{table, NumeralChar};
use crate::numeral::{digit_value, parse_number, parse_plain, Number};
use crate::rules::capture::Capture;
use crate::rules::{Lexicon, Rule, RuleSet};
use crate::text::normalize::is_han;
use crate::text::word_set::prefix;

/// A match that a guard turned away, for `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rejected {
    /// Index of the rule in the rule set.
    pub rule: usize,
    /// Start of the match (bytes of the normalised text).
    pub start: usize,
    /// End of the match.
    pub end: usize,
    /// Why it makes no row.
    pub why: Rejection,
}

/// Every candidate of every rule that starts in `span` of `text`, in no
/// particular order; with `rejected`, also every match a guard turned away.
pub fn find_candidates(
    rules: &RuleSet,
    scanner: &Scanner,
    (text, span): (&str, Range<usize>),
    mut rejected: Option<&mut Vec<Rejected>>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut numerals = LastNumeral::default();
    scanner.for_each_match(text, span, |index, caps| {
        let Some(rule) = rules.rules.get(index) else {
            return false;
        };
        let matched = Matched {
            rules,
            scanner,
            index,
            rule,
            text,
            caps,
        };
        match resolve(&matched, &mut numerals) {
            Ok(found) => {
                out.push(found);
                true
            }
            Err(why) => {
                if let (Some(list), Some(whole)) = (rejected.as_deref_mut(), caps.get_match()) {
                    list.push(Rejected {
                        rule: index,
                        start: whole.start(),
                        end: whole.end(),
                        why,
                    });
                }
                false
            }
        }
    });
    out
}

/// One rule's match, with what resolving it reads.
struct Matched<'a, 't> {
    rules: &'a RuleSet,
    scanner: &'a Scanner,
    index: usize,
    rule: &'a Rule,
    text: &'t str,
    caps: &'a Captures,
}

impl<'t> Matched<'_, 't> {
    /// A capture group of the match, if the rule has it and it took part.
    fn group(&self, capture: Capture) -> Option<Group<'t>> {
        self.scanner
            .group(self.index, self.caps, self.text, capture)
    }
}

/// The numeral parsed last: the rules that match at one position read the
/// same number, which is parsed once.
#[derive(Default)]
struct LastNumeral {
    span: Option<(usize, usize)>,
    parsed: Option<Number>,
}

impl LastNumeral {
    fn parse(&mut self, numeral: Group) -> Option<Number> {
        let span = Some((numeral.start, numeral.end));
        if self.span != span {
            self.span = span;
            self.parsed = parse_number(numeral.text);
        }
        self.parsed
    }
}

/// Digits read as the places after a decimal point: `七五` → 0.75, `零四` → 0.04.
fn decimal_tail(digits: &str) -> Option<Decimal> {
    let places: String = digits
        .chars()
        .map(|c| match c {
            '0'..='9' => Some(c),
            _ => digit_value(c).map(|d| char::from(b'0' + d)),
        })
        .collect::<Option<_>>()?;
    Decimal::parse(&format!("0.{places}"))
}

/// A match resolved into a candidate, or the guard that turned it away.
fn resolve(m: &Matched, numerals: &mut LastNumeral) -> Result<Candidate, Rejection> {
    let whole = m.caps.get_match().ok_or(Rejection::NoNumber)?;
    let num = m.group(Capture::Num).ok_or(Rejection::NoNumber)?;
    check_context(m, whole.range(), num)?;
    let value = read_value(m, &m.text[whole.end()..], num, numerals)?;
    let (start, end, qualifier) = read_qualifier(m, whole.range(), &value.number);
    if !has_digit(num.as_str()) && qualifier.is_none() {
        // A bare 百/千/万 is an idiom (千家万户) unless qualified (近百亿元).
        return Err(Rejection::BareMultiplier);
    }
    Ok(Candidate {
        rule: m.index,
        start,
        end,
        num_start: num.start,
        num_end: num.end,
        quantity: Quantity {
            kind: m.rule.kind,
            value: value.value,
            value_high: value.value_high,
            unit: value.unit,
            qualifier: qualifier.unwrap_or(Qualifier::Exact),
        },
        factor: value.factor,
        meaning: Meaning::default(),
    })
}

/// The guards on the words around a match, before its number is read.
fn check_context(m: &Matched, whole: std::ops::Range<usize>, num: Group) -> Result<(), Rejection> {
    let (rules, rule, text) = (m.rules, m.rule, m.text);
    let lexicon = &rules.lexicon;
    let before = &text[..whole.start];
    // Mate70约5999元, 5负千分之15: a qualifier or sign written as a word opens
    // the match, so its number is not glued to the code before it. A unit
    // that opens it (人民币5 after 4) still is: it ends the number before.
    let opens_with_word = [Capture::Pre, Capture::Sign]
        .into_iter()
        .filter_map(|c| m.group(c))
        .any(|g| g.start == whole.start && !g.text.starts_with(|c: char| c.is_ascii()));
    let after = &text[whole.end..];
    let after_words = after.trim_start();
    if !opens_with_word && is_glued_to_code(before) {
        return Err(Rejection::GluedToCode);
    }
    if is_in_link(before) {
        return Err(Rejection::InLink);
    }
    if continues_fraction(before, &text[whole.clone()]) {
        return Err(Rejection::ContinuesFraction);
    }
    if rule.kind == Kind::Count && num.start == whole.start && is_lone_financial_digit(num.text) {
        return Err(Rejection::LoneFinancialDigit);
    }
    if lexicon.not_after.suffix_of(before).is_some()
        || lexicon
            .not_after
            .suffix_of(before_listed_item(before))
            .is_some()
    {
        return Err(Rejection::NotAfterWord);
    }
    if rule.kind == Kind::Duration && lexicon.time_frames.suffix_of(&text[..num.start]).is_some() {
        return Err(Rejection::TimeFrame);
    }
    if is_quoted_name(before, after) {
        return Err(Rejection::QuotedName);
    }
    if rule
        .not_followed_by
        .iter()
        .any(|w| after_words.starts_with(w.as_str()))
    {
        return Err(Rejection::NotFollowedBy);
    }
    if rule.not_before_unit && starts_with_unit(rules, after_words) {
        return Err(Rejection::BeforeUnit);
    }
    if rule.ends_clause && !ends_its_clause(after_words) {
        return Err(Rejection::NotClauseEnd);
    }
    if rule.kind == Kind::Money && is_rate_base(&rules.lexicon, after_words) {
        return Err(Rejection::RateBase);
    }
    if !has_needed_word(rule, before) {
        return Err(Rejection::NeedsBefore);
    }
    Ok(())
}

/// True when the rule needs no word before it, or one of its `needs_before`
/// words stands earlier in the sentence.
fn has_needed_word(rule: &Rule, before: &str) -> bool {
    if rule.needs_before.is_empty() {
        return true;
    }
    // The sentence, read back at most as far as a row's sentence reaches, so
    // that a text without full stops is not read again for every match.
    let from = crate::text::clause::window_start(before, 0, before.len(), super::SENTENCE_RADIUS);
    let near = &before[from..];
    let sentence = near
        .rfind(crate::text::clause::is_full_stop)
        .map_or(near, |i| &near[i..]);
    rule.needs_before
        .iter()
        .any(|w| sentence.contains(w.as_str()))
}

/// A match's number read into the rule's canonical unit.
struct Value {
    /// The numeral as parsed, with its sign and added parts.
    number: Number,
    value: Decimal,
    value_high: Option<Decimal>,
    unit: String,
    factor: Decimal,
}

/// Reads the number, its range and unit into a value in the canonical unit.
/// `after` is the text after the match.
fn read_value(
    m: &Matched,
    after: &str,
    num: Group,
    numerals: &mut LastNumeral,
) -> Result<Value, Rejection> {
    use Rejection::Overflow;
    let (rules, rule, text) = (m.rules, m.rule, m.text);
    let mut number = numerals.parse(num).ok_or(Rejection::Unparsed)?;
    let high_text = m.group(Capture::NumHigh).map(|g| g.as_str());
    let mut high = match high_text {
        Some(h) => Some(parse_number(h).ok_or(Rejection::Unparsed)?),
        None => None,
    };
    if let (Some(h), Some(h_text)) = (high.as_mut(), high_text) {
        number = borrow_multiplier(number, num.as_str(), h_text, h.low).ok_or(Overflow)?;
        // -5℃至3℃: a low end with a minus sign is below any high end.
        if h.low < number.low && m.group(Capture::Sign).is_none() {
            return Err(Rejection::RangeReversed);
        }
    }
    if rule.not_year
        && (is_year(num.as_str(), &number) || is_republic_date(&rules.lexicon, &number, after))
    {
        return Err(Rejection::Year);
    }

    let (unit, unit_factor) = match &rule.fixed_unit {
        Some(u) => (u.clone(), Decimal::from_int(1)),
        None => {
            let surface = m
                .group(Capture::Unit)
                .ok_or(Rejection::UnknownUnit)?
                .as_str();
            if rule.exclude_units.iter().any(|u| u == surface) {
                return Err(Rejection::ExcludedUnit);
            }
            // 10ms is not 10m: a unit in Latin letters ends where the word does.
            let glued = |c: char| c.is_ascii_alphabetic();
            if surface.ends_with(glued) && after.starts_with(glued) {
                return Err(Rejection::GluedLatinUnit);
            }
            let def = rules.units.get(surface).ok_or(Rejection::UnknownUnit)?;
            (def.unit.clone(), def.factor)
        }
    };
    let factor = match rule.scale {
        Some(s) => s.checked_mul(unit_factor).ok_or(Overflow)?,
        None => unit_factor,
    };
    // 一吨半, 两米半: half a unit more.
    if m.group(Capture::Half).is_some() {
        let half = Decimal::parse("0.5").ok_or(Overflow)?;
        number.low = number.low.checked_add(half).ok_or(Overflow)?;
    }
    // 增长-2.1%: a minus sign written against the number. A dash right after
    // an amount (1万(含)-5万元, 1万元--5万元) joins a range instead.
    if let Some(sign) = m.group(Capture::Sign) {
        let dash = !sign.text.chars().any(is_han);
        let after_amount = text[..sign.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || rules.lexicon.amount_ends.contains_char(c));
        if dash && after_amount {
            return Err(Rejection::DashJoinsRange);
        }
        number.low = number.low.negate();
    }
    // 五元三角二分, 十二块五毛: tenths (角, 毛) and hundredths (分) of the unit.
    for (part, place) in [(Capture::Jiao, -1), (Capture::Fen, -2)] {
        if let Some(g) = m.group(part) {
            let digits = parse_number(g.as_str()).ok_or(Rejection::Unparsed)?.low;
            let scaled = Decimal::pow10(place).and_then(|p| digits.checked_mul(p));
            number.low = scaled
                .and_then(|s| number.low.checked_add(s))
                .ok_or(Overflow)?;
        }
    }
    // 十二块五, 一米七五, 3斤5两, 两毛五: digits written after the unit are its
    // next decimal places (零 keeps a place: 三块零四 is 3.04).
    if let Some(g) = m.group(Capture::Decimals) {
        let tail = decimal_tail(g.as_str()).ok_or(Rejection::Unparsed)?;
        number.low = number.low.checked_add(tail).ok_or(Overflow)?;
    }
    let mut value = number.low.checked_mul(factor).ok_or(Overflow)?;
    // 三年六个月: a second amount already in the rule's unit, added after scaling.
    if let Some(g) = m.group(Capture::Extra) {
        let extra = parse_plain(g.as_str()).ok_or(Rejection::Unparsed)?;
        value = extra
            .checked_mul(unit_factor)
            .and_then(|e| value.checked_add(e))
            .ok_or(Overflow)?;
    }
    let written_range = high.is_some();
    let mut value_high = match (high, number.high) {
        (Some(h), _) => Some(h.low.checked_mul(factor).ok_or(Overflow)?),
        (None, Some(h)) => Some(h.checked_mul(factor).ok_or(Overflow)?),
        (None, None) => None,
    };
    if let Some(places) = rule.decimals {
        value = value.round_to(places);
        value_high = value_high.map(|h| h.round_to(places));
    }
    // 一年至五年 is a range, which no time frame is (一两年 may be one).
    if let Some(min) = rule.min_value.filter(|_| !written_range) {
        if number.low < min {
            return Err(Rejection::BelowMin);
        }
    }
    if high.is_some_and(|h| h.more_than) {
        number.more_than = true;
    }
    Ok(Value {
        number,
        value,
        value_high,
        unit,
        factor,
    })
}

/// The span's start and end once qualifier words are settled, and the
/// qualifier: a verb before the span (超过), a word against the number (近),
/// 余/多 inside the numeral, or a word after the unit (以上).
fn read_qualifier(
    m: &Matched,
    whole: std::ops::Range<usize>,
    number: &Number,
) -> (usize, usize, Option<Qualifier>) {
    let (lexicon, text) = (&m.rules.lexicon, m.text);
    let pre = m.group(Capture::Pre);
    let mut start = whole.start;
    // 出超187.7亿美元: a word that ends in a qualifier is no qualifier.
    let pre = match pre {
        Some(p) if lexicon.not_qualifiers.suffix_of(&text[..p.end]).is_some() => {
            start = p.end;
            None
        }
        pre => pre,
    };
    let mut qualifier = None;
    let lead = text[..pre.map_or(whole.start, |p| p.end)].trim_end_matches('了');
    if let Some((verb, q)) = lexicon.qual_verbs.suffix_of(lead) {
        qualifier = Some(q);
        if let Some(p) = pre.filter(|p| verb.len() >= p.as_str().len()) {
            start = p.end;
        }
    } else if pre.is_none() {
        qualifier = verb_before_base(lexicon, lead);
    }
    if let Some(p) = pre.filter(|p| p.start == start) {
        qualifier = lexicon.qual_before.get(p.as_str()).or(qualifier);
    }
    if number.more_than {
        qualifier = Some(Qualifier::MoreThan);
    }
    let mut end = whole.end;
    if let Some(post) = m.group(Capture::Post) {
        let compound = lexicon
            .not_qualifiers
            .iter()
            .any(|w| text[post.start..].starts_with(w.as_str()));
        if compound {
            end = post.start;
        } else {
            // 3个多月: the numeral's 多 or 余, written after its measure word.
            let mut chars = post.as_str().chars();
            let over = chars.next().map(|c| table().get(c)) == Some(Some(NumeralChar::Over));
            let odd = (over && chars.next().is_none()).then_some(Qualifier::MoreThan);
            qualifier = lexicon.qual_after.get(post.as_str()).or(odd).or(qualifier);
        }
    }
    (start, end, qualifier)
}

/// The longest base a qualifier verb may stand before (约占全省的1/3), in characters.
const BASE_CHARS: usize = 10;

/// 约占全省的1/3, 超过占比的一半: the qualifier written before the 占 of a
/// share and its base, `lead` being the text up to the number. Without 占 a
/// base may be another figure (低于之前预测的4.7%), which the word qualifies
/// instead.
fn verb_before_base(lexicon: &crate::rules::Lexicon, lead: &str) -> Option<Qualifier> {
    let body = lead.strip_suffix('的')?;
    let from = body
        .char_indices()
        .rev()
        .take(BASE_CHARS)
        .take_while(|&(_, c)| !crate::text::clause::is_clause_end(c) && !c.is_ascii_digit())
        .last()
        .map_or(body.len(), |(i, _)| i);
    let window = &body[from..];
    let share = window.rfind(['占', '佔'])?;
    if share + '占'.len_utf8() == window.len() {
        return None;
    }
    let head = &window[..share];
    lexicon
        .qual_verbs
        .suffix_of(head)
        .or_else(|| lexicon.qual_before.suffix_of(head))
        .map(|(_, q)| q)
}

/// `3至5万元`, `三至二十万元`, `一百二十到一百五十万元`: the low end written
/// without the high end's multiplier shares it. The multiplier is the longest
/// ending of the high end's run of 十百千万亿 that keeps the low end below the
/// high one (二十万 shares 万, not 十万; 5千万 shares 千万). A low end that
/// ends in 万 or 亿 has its own.
fn borrow_multiplier(
    low: Number,
    low_text: &str,
    high_text: &str,
    high: Decimal,
) -> Option<Number> {
    let numerals = table();
    let is_multiplier = |c: char| numerals.is_place(c) || matches!(c, 'k' | 'K');
    let closes_section = |c: char| matches!(numerals.get(c), Some(NumeralChar::Place(_, true)));
    if low_text.ends_with(|c: char| closes_section(c) || matches!(c, 'k' | 'K')) {
        return Some(low);
    }
    let high_text = high_text.trim_end_matches(|c| numerals.get(c) == Some(NumeralChar::Over));
    let run_start = high_text
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_multiplier(*c))
        .last()
        .map(|(i, _)| i);
    let Some(run_start) = run_start else {
        return Some(low);
    };
    let run = &high_text[run_start..];
    for (i, _) in run.char_indices() {
        let multiplier = crate::numeral::parse_plain(&format!("1{}", &run[i..]))?;
        let scaled = low.scaled(multiplier)?;
        if scaled.low <= high {
            return Some(scaled);
        }
    }
    Some(low)
}

/// A four-digit whole number from 1000 to 2999 with no multiplier reads as a year.
fn is_year(text: &str, number: &Number) -> bool {
    let plain_digits = !text.chars().any(|c| table().is_place(c));
    plain_digits
        && number.high.is_none()
        && number
            .low
            .to_integer()
            .is_some_and(|n| (1000..3000).contains(&n))
}

/// 114年11月, 114年第3季: a year of Taiwan's Republic era (100 to 149) that a
/// month, quarter or half follows is a date, and so is any such year in a
/// text in traditional script (114年出口總值).
fn is_republic_date(lexicon: &Lexicon, number: &Number, after: &str) -> bool {
    let opens_date = after.starts_with(|c: char| {
        c.is_ascii_digit()
            || matches!(table().get(c), Some(NumeralChar::Digit(1..)))
            || table().place_exp(c) == Some(1)
    }) || prefix(after, &lexicon.after_year).is_some();
    number.high.is_none()
        && number
            .low
            .to_integer()
            .is_some_and(|n| (100..150).contains(&n))
        && (opens_date || crate::rules::script::is_traditional(after))
}

/// Nothing but a clause's end, a list's comma or a closing quote follows:
/// the amount is the clause's last word rather than a modifier of a noun.
fn ends_its_clause(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| crate::text::clause::is_clause_end(c) || "、”’」".contains(c))
}

/// A number right after a Latin letter, a digit or a dot is part of a code
/// (PM2.5, G318, K123+500), one after a letter and a hyphen or sign too
/// (COVID-19, the exponent of 1e-999999), and one after a digit and a slash
/// is a denominator or a date's part (2024/1/3).
fn is_glued_to_code(before: &str) -> bool {
    let mut chars = before.chars().rev();
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() || c == '.' || c == '·' || c == '_' => true,
        // A road's chainage, K123+500: a plus sign between digits.
        Some('+' | '/') => chars.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        // COVID-19, and the exponent of 1e-5: a hyphen or sign after a letter.
        Some('-') => chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    }
}

/// 第12、13届, 前3和4名: the text before the list item that ends `before`
/// (第 of 第12、), whose guard word holds for the next number too; empty when
/// `before` ends in no joined item.
fn before_listed_item(before: &str) -> &str {
    let Some(item) = before.strip_suffix(crate::text::clause::JOINERS) else {
        return "";
    };
    let number = item.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    if number.len() < item.len() {
        number
    } else {
        ""
    }
}

/// The base of an exchange rate (1美元兑7.1055元人民币): 兑 after an amount,
/// not 兑换, 兑付 or 兑现.
fn is_rate_base(lexicon: &Lexicon, after: &str) -> bool {
    prefix(after, &lexicon.rate_bases).is_some() && prefix(after, &lexicon.not_rate_bases).is_none()
}

/// True when `text` starts with a unit or a measure word (个, 天, 斤).
fn starts_with_unit(rules: &RuleSet, text: &str) -> bool {
    text.char_indices()
        .take(3)
        .any(|(i, c)| rules.units.get(&text[..i + c.len_utf8()]).is_some())
}

/// 五百分之2.2 (2.2 five-hundredths): the 百分之 of the match continues a
/// denominator written before it.
fn continues_fraction(before: &str, matched: &str) -> bool {
    let mut chars = matched.chars();
    let place = chars
        .next()
        .and_then(|c| table().place_exp(c))
        .is_some_and(|exp| (2..=4).contains(&exp));
    place
        && chars.as_str().starts_with("分之")
        && before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || digit_value(c).is_some())
}

/// Inside a web address (…?q=30%25): the last run of ASCII before the
/// number holds `://` or starts with `www.`.
fn is_in_link(before: &str) -> bool {
    let token = before
        .rsplit(|c: char| !c.is_ascii_graphic())
        .next()
        .unwrap_or("");
    token.contains("://") || token.starts_with("www.")
}

/// One financial digit before a measure word (拾起, 陆部) is a word, not a
/// number; before a currency (壹元整) it is how cheques write amounts.
fn is_lone_financial_digit(numeral: &str) -> bool {
    let mut chars = numeral.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(c), None) if table().is_financial(c)
    )
}

/// A number that opens or closes a short quoted phrase is part of a name
/// (“三个规定”, “两抢”, “救市19条”), and so is any number in a title
/// (《财经十一人》, 《关于加快发展的若干措施》).
fn is_quoted_name(before: &str, after: &str) -> bool {
    const OPEN: [char; 3] = ['“', '「', '《'];
    const CLOSE: [char; 3] = ['”', '」', '》'];
    /// The characters a short quoted name has on either side of its number.
    const SHORT: usize = 6;
    /// The characters a title may have on either side of its number.
    const TITLE: usize = 40;
    let opens = before.ends_with(OPEN) && after.chars().take(SHORT).any(|c| CLOSE.contains(&c));
    let closes =
        after.starts_with(CLOSE) && before.chars().rev().take(SHORT).any(|c| OPEN.contains(&c));
    let near = before
        .char_indices()
        .rev()
        .nth(TITLE)
        .map_or(before, |(i, _)| &before[i..]);
    let title_open = near
        .rfind('《')
        .is_some_and(|open| !near[open..].contains('》'));
    let title_closes = after
        .chars()
        .take(TITLE)
        .take_while(|&c| c != '《')
        .any(|c| c == '》');
    opens || closes || (title_open && title_closes)
}

/// True unless the numeral is only 百 千 万 亿 (十, 半 and fractions such as
/// 百分百 count as numbers).
fn has_digit(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_ascii_digit()
            || matches!(
                table().get(c),
                Some(NumeralChar::Digit(_) | NumeralChar::Few | NumeralChar::Place(1, _))
            )
            || matches!(c, '半' | '分')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Extractor;

    /// The reason the bundled rules give for turning away the match `span` of `text`.
    fn turned_away(text: &str, span: &str) -> Vec<Rejection> {
        let extractor = Extractor::bundled().unwrap();
        let trace = extractor.extract_traced("t", text, None);
        trace
            .rejected
            .iter()
            .filter(|r| r.text == span)
            .map(|r| r.why)
            .collect()
    }

    #[test]
    fn each_guard_names_itself() {
        let cases = [
            ("见www.a.cn/30%说明", "30%", Rejection::GluedToCode),
            ("详见http://x.cn/a?q=30%", "30%", Rejection::InLink),
            ("拾起", "拾起", Rejection::LoneFinancialDigit),
            ("第5分局", "5分", Rejection::NotAfterWord),
            ("第12、13届", "13届", Rejection::NotAfterWord),
            ("近三年来", "三年", Rejection::TimeFrame),
            ("“三个规定”出台", "三个", Rejection::QuotedName),
            ("五年来增长", "五年", Rejection::NotFollowedBy),
            ("一两个人", "一两", Rejection::BeforeUnit),
            ("他有5块地", "5块", Rejection::NotClauseEnd),
            ("1美元兑7.1元", "1美元", Rejection::RateBase),
            ("2024年增长", "2024年", Rejection::Year),
            ("1万元-5万元", "-5万元", Rejection::DashJoinsRange),
            ("一两个人", "一两个", Rejection::BelowMin),
            ("千家万户", "千家", Rejection::BareMultiplier),
        ];
        for (text, span, why) in cases {
            let found = turned_away(text, span);
            assert!(
                found.contains(&why),
                "{text}: {span} turned away for {found:?}, not {why:?}"
            );
        }
    }

    #[test]
    fn a_kept_match_is_not_listed_as_turned_away() {
        assert!(turned_away("刑事案件发案同比下降35.5%。", "35.5%").is_empty());
    }

    #[test]
    fn every_rejection_has_a_reason() {
        for why in [
            Rejection::NoNumber,
            Rejection::Overflow,
            Rejection::BelowMin,
        ] {
            assert!(!why.reason().is_empty());
        }
    }

    #[test]
    fn a_number_after_a_letter_dot_or_code_sign_is_glued() {
        assert!(is_glued_to_code("PM2."));
        assert!(is_glued_to_code("G"));
        assert!(is_glued_to_code("K123+"));
        assert!(is_glued_to_code("COVID-"));
        assert!(!is_glued_to_code("增长"));
        assert!(!is_glued_to_code("增长-"));
    }

    #[test]
    fn a_listed_item_passes_its_guard_word_on() {
        assert_eq!(before_listed_item("第12、"), "第");
        assert_eq!(before_listed_item("增长"), "");
        assert_eq!(before_listed_item("人、"), "");
    }

    #[test]
    fn exchange_verbs_are_no_rate_base() {
        let lexicon = RuleSet::bundled().unwrap().lexicon;
        assert!(is_rate_base(&lexicon, "兑7.1元"));
        assert!(!is_rate_base(&lexicon, "兑付资金"));
    }

    #[test]
    fn a_clause_ends_at_punctuation_or_a_closing_quote() {
        assert!(ends_its_clause("，"));
        assert!(ends_its_clause("”"));
        assert!(ends_its_clause(""));
        assert!(!ends_its_clause("的"));
    }

    #[test]
    fn a_low_end_borrows_the_high_ends_multiplier() {
        let low = crate::numeral::parse_number("3").unwrap();
        let high = Decimal::parse("50000").unwrap();
        let borrowed = borrow_multiplier(low, "3", "5万", high).unwrap();
        assert_eq!(borrowed.low.to_string(), "30000");
        let low = crate::numeral::parse_number("三").unwrap();
        let high = Decimal::parse("200000").unwrap();
        let borrowed = borrow_multiplier(low, "三", "二十万", high).unwrap();
        assert_eq!(borrowed.low.to_string(), "30000");
    }
}
