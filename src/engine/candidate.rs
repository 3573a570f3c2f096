//! Matching rules over a text and resolving each match into a candidate row.
//!
//! Matching finds spans; resolving turns a span's captures into a value, unit
//! and qualifier, or rejects it (a year, an ordinal, a number that does not parse).

use regex_automata::util::captures::Captures;

use super::scanner::{Group, Scanner};
use crate::model::candidate::Candidate;
use crate::model::decimal::Decimal;
use crate::model::metric::{Kind, Qualifier};
use crate::numeral::{digit_value, parse_number, parse_plain, Number};
use crate::rules::capture::Capture;
use crate::rules::{Rule, RuleSet};

/// Every candidate of every rule in `text`, in no particular order.
pub fn find_candidates(rules: &RuleSet, scanner: &Scanner, text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut numerals = LastNumeral::default();
    scanner.for_each_match(text, |index, caps| {
        let found = rules
            .rules
            .get(index)
            .and_then(|rule| resolve(rules, scanner, index, rule, text, caps, &mut numerals));
        let kept = found.is_some();
        out.extend(found);
        kept
    });
    out
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

fn resolve(
    rules: &RuleSet,
    scanner: &Scanner,
    index: usize,
    rule: &Rule,
    text: &str,
    caps: &Captures,
    numerals: &mut LastNumeral,
) -> Option<Candidate> {
    let whole = caps.get_match()?;
    let name = |c: Capture| scanner.group(index, caps, text, c);
    let num = name(Capture::Num)?;
    let lexicon = &rules.lexicon;
    let before = &text[..whole.start()];
    // Mate70约5999元, 5负千分之15: a qualifier or sign written as a word opens
    // the match, so its number is not glued to the code before it. A unit
    // that opens it (人民币5 after 4) still is: it ends the number before.
    let opens_with_word = [Capture::Pre, Capture::Sign]
        .into_iter()
        .filter_map(name)
        .any(|g| g.start == whole.start() && !g.text.starts_with(|c: char| c.is_ascii()));
    if (!opens_with_word && is_glued_to_code(before))
        || is_in_link(before)
        || continues_fraction(before, &text[whole.range()])
        || (rule.kind == Kind::Count
            && num.start == whole.start()
            && is_lone_financial_digit(num.text))
        || lexicon.not_after.suffix_of(before).is_some()
        || (rule.kind == Kind::Duration
            && lexicon.time_frames.suffix_of(&text[..num.start]).is_some())
        || lexicon
            .not_after
            .suffix_of(before_listed_item(before))
            .is_some()
    {
        return None;
    }
    let after = &text[whole.end()..];
    if is_quoted_name(before, after) {
        return None;
    }
    let after_words = after.trim_start();
    if rule
        .not_followed_by
        .iter()
        .any(|w| after_words.starts_with(w.as_str()))
    {
        return None;
    }

    if rule.not_before_unit && starts_with_unit(rules, after_words) {
        return None;
    }
    if rule.ends_clause && !ends_its_clause(after_words) {
        return None;
    }
    if rule.kind == Kind::Money && is_rate_base(after_words) {
        return None;
    }
    if !rule.needs_before.is_empty() {
        let sentence = before
            .rfind(crate::text::clause::is_full_stop)
            .map_or(before, |i| &before[i..]);
        if !rule
            .needs_before
            .iter()
            .any(|w| sentence.contains(w.as_str()))
        {
            return None;
        }
    }

    let mut number = numerals.parse(num)?;
    let high_text = name(Capture::NumHigh).map(|m| m.as_str());
    let mut high = match high_text {
        Some(h) => Some(parse_number(h)?),
        None => None,
    };
    if let (Some(h), Some(h_text)) = (high.as_mut(), high_text) {
        number = borrow_multiplier(number, num.as_str(), h_text, h.low)?;
        // -5℃至3℃: a low end with a minus sign is below any high end.
        if h.low < number.low && name(Capture::Sign).is_none() {
            return None;
        }
    }
    if rule.not_year && (is_year(num.as_str(), &number) || is_republic_date(&number, after)) {
        return None;
    }

    let (unit, unit_factor) = match &rule.fixed_unit {
        Some(u) => (u.clone(), Decimal::from_int(1)),
        None => {
            let surface = name(Capture::Unit)?.as_str();
            if rule.exclude_units.iter().any(|u| u == surface) {
                return None;
            }
            // 10ms is not 10m: a unit in Latin letters ends where the word does.
            let glued = |c: char| c.is_ascii_alphabetic();
            if surface.ends_with(glued) && after.starts_with(glued) {
                return None;
            }
            let def = rules.units.get(surface)?;
            (def.unit.clone(), def.factor)
        }
    };
    let factor = match rule.scale {
        Some(s) => s.checked_mul(unit_factor)?,
        None => unit_factor,
    };
    // 一吨半, 两米半: half a unit more.
    if name(Capture::Half).is_some() {
        number.low = number.low.checked_add(Decimal::parse("0.5")?)?;
    }
    // 增长-2.1%: a minus sign written against the number. A dash right after
    // an amount (1万(含)-5万元, 1万元--5万元) joins a range instead.
    if let Some(sign) = name(Capture::Sign) {
        let dash = !matches!(sign.text, "负" | "零下");
        let after_amount = text[..sign.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || "元角毛分万亿千百十%)）-－—~～".contains(c));
        if dash && after_amount {
            return None;
        }
        number.low = number.low.negate();
    }
    // 五元三角二分, 十二块五毛: tenths (角, 毛) and hundredths (分) of the unit.
    for (part, place) in [(Capture::Jiao, -1), (Capture::Fen, -2)] {
        if let Some(m) = name(part) {
            let digits = parse_number(m.as_str())?.low;
            number.low = number
                .low
                .checked_add(digits.checked_mul(Decimal::pow10(place)?)?)?;
        }
    }
    // 十二块五, 一米七五, 3斤5两, 两毛五: digits written after the unit are its
    // next decimal places (零 keeps a place: 三块零四 is 3.04).
    if let Some(m) = name(Capture::Decimals) {
        number.low = number.low.checked_add(decimal_tail(m.as_str())?)?;
    }
    let mut value = number.low.checked_mul(factor)?;
    // 三年六个月: a second amount already in the rule's unit, added after scaling.
    if let Some(m) = name(Capture::Extra) {
        value = value.checked_add(parse_plain(m.as_str())?.checked_mul(unit_factor)?)?;
    }
    let written_range = high.is_some();
    let value_high = match (high, number.high) {
        (Some(h), _) => Some(h.low.checked_mul(factor)?),
        (None, Some(h)) => Some(h.checked_mul(factor)?),
        (None, None) => None,
    };
    // 一年至五年 is a range, which no time frame is (一两年 may be one).
    if let Some(min) = rule.min_value.filter(|_| !written_range) {
        if number.low < min {
            return None;
        }
    }

    // Qualifier: a verb before the span (超过), a word against the number (近),
    // 余/多 inside the numeral, or a word after the unit (以上).
    let pre = name(Capture::Pre);
    let mut start = whole.start();
    // 出超187.7亿美元: a word that ends in a qualifier is no qualifier.
    let pre = match pre {
        Some(p) if lexicon.not_qualifiers.suffix_of(&text[..p.end]).is_some() => {
            start = p.end;
            None
        }
        pre => pre,
    };
    let mut qualifier = None;
    let lead = text[..pre.map_or(whole.start(), |p| p.end)].trim_end_matches('了');
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
    if number.more_than || high.is_some_and(|h| h.more_than) {
        qualifier = Some(Qualifier::MoreThan);
    }
    let mut end = whole.end();
    if let Some(post) = name(Capture::Post) {
        let compound = lexicon
            .not_qualifiers
            .iter()
            .any(|w| text[post.start..].starts_with(w.as_str()));
        if compound {
            end = post.start;
        } else {
            // 3个多月: the numeral's 多 or 余, written after its measure word.
            let odd = matches!(post.as_str(), "多" | "余" | "餘").then_some(Qualifier::MoreThan);
            qualifier = lexicon.qual_after.get(post.as_str()).or(odd).or(qualifier);
        }
    }
    if !has_digit(num.as_str()) && qualifier.is_none() {
        // A bare 百/千/万 is an idiom (千家万户) unless qualified (近百亿元).
        return None;
    }

    Some(Candidate {
        rule: index,
        start,
        end,
        num_start: num.start,
        num_end: num.end,
        kind: rule.kind,
        value,
        value_high,
        unit,
        factor,
        qualifier: qualifier.unwrap_or(Qualifier::Exact),
    })
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
    const UNITS: &str = "十百千万亿拾佰仟萬億kK";
    if low_text.ends_with(['万', '亿', '萬', '億', 'k', 'K']) {
        return Some(low);
    }
    let high_text = high_text.trim_end_matches(['余', '多']);
    let run_start = high_text
        .char_indices()
        .rev()
        .take_while(|(_, c)| UNITS.contains(*c))
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
    let plain_digits = text.chars().all(|c| !"万亿千百十".contains(c));
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
fn is_republic_date(number: &Number, after: &str) -> bool {
    number.high.is_none()
        && number
            .low
            .to_integer()
            .is_some_and(|n| (100..150).contains(&n))
        && (after.starts_with(|c: char| {
            c.is_ascii_digit() || "第上下前全一二三四五六七八九十".contains(c)
        }) || crate::rules::script::is_traditional(after))
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
fn is_rate_base(after: &str) -> bool {
    after.starts_with('兑')
        && !["兑换", "兑付", "兑现"]
            .iter()
            .any(|w| after.starts_with(w))
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
    let place = chars.next().is_some_and(|c| "百佰千仟万萬".contains(c));
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
        (
            Some(
                '壹' | '贰'
                    | '貳'
                    | '叁'
                    | '參'
                    | '肆'
                    | '伍'
                    | '陆'
                    | '陸'
                    | '柒'
                    | '捌'
                    | '玖'
                    | '拾'
            ),
            None
        )
    )
}

/// A number that opens a short quoted phrase is part of a name (“三个规定”, “两抢”).
fn is_quoted_name(before: &str, after: &str) -> bool {
    const OPEN: [char; 3] = ['“', '「', '《'];
    const CLOSE: [char; 3] = ['”', '」', '》'];
    before.ends_with(OPEN) && after.chars().take(6).any(|c| CLOSE.contains(&c))
}

/// True unless the numeral is only 百 千 万 亿 (十, 半 and fractions such as
/// 百分百 count as numbers).
fn has_digit(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_ascii_digit()
            || crate::numeral::digit_value(c).is_some()
            || matches!(c, '几' | '数' | '十' | '拾' | '半' | '分')
    })
}
