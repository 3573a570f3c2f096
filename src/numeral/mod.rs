//! Numeral parsing: Arabic, Chinese (standard, colloquial, financial) and mixed forms.
//!
//! A pure function over the text of a number: no regex state, exact arithmetic.
//! `1.4亿` → 140000000, `一万二` → 12000, `两千零五` → 2005, `三四` → 3–4,
//! `二十几万` → 200000–300000, `十余万` → 100000 and "more than", `三分之一` → 0.333….

pub mod table;

use crate::model::decimal::Decimal;
use table::{table, NumeralChar};

/// A parsed number: a value, or a range for approximate amounts (三四, 十几).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// The value, or the lower end of a range.
    pub low: Decimal,
    /// The upper end, for ranges written inside one numeral.
    pub high: Option<Decimal>,
    /// True when the numeral itself says "more than" (余, 多 as in 十余万, 120多).
    pub more_than: bool,
}

impl Number {
    /// One exact value.
    pub fn exact(value: Decimal) -> Number {
        Number {
            low: value,
            high: None,
            more_than: false,
        }
    }

    /// Multiplies both ends by `factor`.
    pub fn scaled(self, factor: Decimal) -> Option<Number> {
        Some(Number {
            low: self.low.checked_mul(factor)?,
            high: match self.high {
                Some(h) => Some(h.checked_mul(factor)?),
                None => None,
            },
            more_than: self.more_than,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    /// A digit or an Arabic number.
    Value(Decimal),
    /// Two adjacent digits read as an approximate range (三四, 一两).
    Pair(u8, u8),
    /// 几: an unknown digit.
    Few,
    Zero,
    /// 十 百 千: 10^exp within a section.
    Small(u32),
    /// 万 亿: 10^exp, closing a section.
    Big(u32),
    Point,
    /// 余 多: "more than".
    Over,
}

/// Which end of a range a pass computes.
#[derive(Clone, Copy, PartialEq)]
enum End {
    Low,
    High,
}

/// Parses the text of a number. Returns `None` when it is not a well-formed numeral.
pub fn parse_number(text: &str) -> Option<Number> {
    // Most numbers in reports are plain Arabic (224, 1,234.5): read them directly.
    if let Some(low) = plain_arabic(text) {
        return Some(Number::exact(low));
    }
    let folded = |part: &str| -> String {
        part.chars()
            .filter(|c| !c.is_whitespace())
            .map(fold_width)
            .collect()
    };
    // A whole number, a space, then a fraction: 1 3/5.
    if let Some((whole, fraction)) = text.trim().split_once(char::is_whitespace) {
        let fraction = folded(fraction);
        let sum = (fraction.contains('/') && !fraction.starts_with('/'))
            .then(|| plain_arabic(&folded(whole))?.checked_add(parse_plain(&fraction)?))
            .flatten();
        if let Some(sum) = sum {
            return Some(Number::exact(sum));
        }
    }
    parse_folded(&folded(text))
}

/// Plain Arabic digits with `,` separators and a point, possibly leading (.5).
fn plain_arabic(text: &str) -> Option<Decimal> {
    let digit_first = text.starts_with(|c: char| c.is_ascii_digit())
        || (text.starts_with('.') && text[1..].starts_with(|c: char| c.is_ascii_digit()));
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    if digit_first && plain {
        Decimal::parse(text)
    } else {
        None
    }
}

/// Full-width digits and signs as ASCII (１２．５ → 12.5).
fn fold_width(c: char) -> char {
    match c {
        '０'..='９' | '．' | '／' | '－' | '＋' | '，' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

fn parse_folded(text: &str) -> Option<Number> {
    if let Some(low) = plain_arabic(text) {
        return Some(Number::exact(low));
    }
    // ±2, 正负二: the magnitude.
    if let Some(rest) = text.strip_prefix('±').or_else(|| text.strip_prefix("正负")) {
        return parse_folded(rest);
    }
    if let Some(rest) = text.strip_prefix(['负', '負', '-']) {
        let n = parse_folded(rest)?;
        return Some(Number {
            low: n.low.negate(),
            high: n.high.map(Decimal::negate),
            more_than: n.more_than,
        });
    }
    // 上万, 上百亿: a round number reached or passed.
    if let Some(rest) = text
        .strip_prefix('上')
        .filter(|r| r.starts_with(['百', '千', '万', '亿', '萬', '億']))
    {
        return Some(Number {
            more_than: true,
            ..parse_folded(rest)?
        });
    }
    // 二十一到一千零一, 三至五: a range between two numbers.
    if let Some((low, high)) = text.split_once(['到', '至']) {
        if high.contains(['到', '至']) {
            return None;
        }
        let (low, high) = (parse_plain(low)?, parse_plain(high)?);
        return (low <= high).then_some(Number {
            low,
            high: Some(high),
            more_than: false,
        });
    }
    if let Some((whole, part)) = text.split_once('又') {
        let sum = parse_plain(whole)?.checked_add(parse_plain(part)?)?;
        return Some(Number::exact(sum));
    }
    if let Some((num, den)) = text.split_once('/') {
        return Some(Number::exact(
            parse_plain(num)?.checked_div(parse_plain(den)?)?,
        ));
    }
    for (suffix, factor) in [("K", 3), ("k", 3), ("M", 6), ("G", 9)] {
        if let Some(rest) = text
            .strip_suffix(suffix)
            .filter(|r| r.ends_with(|c: char| c.is_ascii_digit()))
        {
            return parse_folded(rest)?.scaled(Decimal::pow10(factor)?);
        }
    }
    if let Some(n) = scientific(text) {
        return Some(Number::exact(n));
    }
    // 一对, 五打: a measure word that counts several items each.
    for (word, items) in table().collectives() {
        if let Some(rest) = text.strip_suffix(word.as_str()).filter(|r| !r.is_empty()) {
            return parse_folded(rest)?.scaled(Decimal::from_int(*items));
        }
    }
    if let Some((den, num)) = text.split_once("分之") {
        let den = parse_plain(den)?;
        let num = parse_plain(num)?;
        return Some(Number::exact(num.checked_div(den)?));
    }
    let half = Decimal::parse("0.5")?;
    if matches!(text, "半" | "一半" | "半数" | "半數") {
        return Some(Number::exact(half));
    }
    // 半百: half of a round hundred (or thousand…).
    if let Some(rest) = text
        .strip_prefix('半')
        .filter(|r| r.chars().all(|c| unit_exp(c).is_some()))
    {
        return parse_folded(rest)?.scaled(half);
    }
    // 两个亿: spoken for 两亿.
    if let Some((head, tail)) = text.split_once("个亿") {
        return parse_folded(&format!("{head}亿{tail}"));
    }
    let expanded = expand_tens(text);
    let Some(tokens) = tokenize(&expanded) else {
        return short_fraction(text);
    };
    let more_than = tokens.contains(&Token::Over);
    let low = evaluate(&tokens, End::Low)?;
    // 三四 is 3–4, but in a string of digits read one by one (二〇二三) a
    // pair is two digits, and the number no range.
    let ranged = !is_digit_string(&tokens)
        && tokens
            .iter()
            .any(|t| matches!(t, Token::Pair(..) | Token::Few));
    let high = if ranged {
        Some(evaluate(&tokens, End::High)?)
    } else {
        None
    };
    Some(Number {
        low,
        high,
        more_than,
    })
}

/// Arabic scientific notation: 2e5, 12.32e+14, -12e-1.
fn scientific(text: &str) -> Option<Decimal> {
    let (mantissa, exp) = text.split_once(['e', 'E'])?;
    let mantissa = Decimal::parse(mantissa)?;
    let exp: i32 = exp.parse().ok()?;
    mantissa.checked_mul(Decimal::pow10(exp)?)
}

/// A fraction written without 之 (十分一, 二份一: one tenth, one half).
fn short_fraction(text: &str) -> Option<Number> {
    let (den, num) = text.split_once(['分', '份'])?;
    Some(Number::exact(
        parse_plain(num)?.checked_div(parse_plain(den)?)?,
    ))
}

/// Parses a numeral that must be a single exact value.
pub fn parse_plain(text: &str) -> Option<Decimal> {
    let n = parse_number(text)?;
    (n.high.is_none() && !n.more_than).then_some(n.low)
}

/// The value of one Chinese digit character, if it is one (洞 and 拐 are the
/// radio words for 0 and 7).
pub fn digit_value(c: char) -> Option<u8> {
    match table().get(c)? {
        NumeralChar::Digit(d) => Some(d),
        _ => None,
    }
}

/// The power of ten of a unit character (十 → 1, 万 → 4), and whether it closes a section.
pub fn unit_exp(c: char) -> Option<(u32, bool)> {
    match table().get(c)? {
        NumeralChar::Place(exp, closes) => Some((exp, closes)),
        _ => None,
    }
}

/// 廿 卅 卌 are shorthand for 二十 三十 四十.
fn expand_tens(text: &str) -> std::borrow::Cow<'_, str> {
    let tens = |c: char| match table().get(c) {
        Some(NumeralChar::Tens(d)) => table().digit_char(d),
        _ => None,
    };
    if !text.chars().any(|c| tens(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 3);
    for c in text.chars() {
        match tens(c) {
            Some(digit) => {
                out.push(digit);
                out.push(table().ten_char());
            }
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn tokenize(text: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut tokens = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.')
            {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            // 1百01: a written leading zero holds the empty place, like 零.
            if s.len() > 1 && s.starts_with('0') && !s.contains('.') {
                tokens.push(Token::Zero);
            }
            tokens.push(Token::Value(Decimal::parse(&s)?));
            continue;
        }
        if let Some(d) = digit_value(c) {
            let next = chars.get(i + 1).copied().and_then(digit_value);
            let in_fraction = tokens.contains(&Token::Point);
            // 三四 and 七八 name a range; so does the idiom 三五 (三五天).
            let pair = |n: u8| d > 0 && (n == d + 1 || (d, n) == (3, 5));
            if let Some(n) = next.filter(|&n| pair(n) && !in_fraction) {
                tokens.push(Token::Pair(d, n));
                i += 2;
                continue;
            }
            tokens.push(if d == 0 {
                Token::Zero
            } else {
                Token::Value(Decimal::from_int(i128::from(d)))
            });
        } else if let Some((exp, big)) = unit_exp(c) {
            tokens.push(if big {
                Token::Big(exp)
            } else {
                Token::Small(exp)
            });
        } else {
            tokens.push(match table().get(c) {
                Some(NumeralChar::Few) => Token::Few,
                Some(NumeralChar::Point) => Token::Point,
                Some(NumeralChar::Over) => Token::Over,
                _ if c == '.' => Token::Point,
                _ => return None,
            });
        }
        i += 1;
    }
    if tokens.is_empty() {
        return None;
    }
    Some(tokens)
}

/// Digits written one after another with no unit (二〇二四, 一七二零点一三四):
/// read positionally, a pair (八九) as its two digits.
fn evaluate_digit_string(tokens: &[Token]) -> Option<Decimal> {
    let mut value = Decimal::ZERO;
    let mut fraction: Option<i32> = None;
    let ten = Decimal::from_int(10);
    let mut push = |d: Decimal, fraction: &mut Option<i32>| -> Option<()> {
        match fraction {
            None => value = value.checked_mul(ten)?.checked_add(d)?,
            Some(k) => {
                *k += 1;
                value = value.checked_add(d.checked_mul(Decimal::pow10(-*k)?)?)?;
            }
        }
        Some(())
    };
    for t in tokens {
        match *t {
            Token::Zero => push(Decimal::ZERO, &mut fraction)?,
            Token::Value(v) if v.is_integer() && v < ten => push(v, &mut fraction)?,
            Token::Pair(a, b) => {
                push(Decimal::from_int(i128::from(a)), &mut fraction)?;
                push(Decimal::from_int(i128::from(b)), &mut fraction)?;
            }
            Token::Point if fraction.is_none() => fraction = Some(0),
            _ => return None,
        }
    }
    Some(value)
}

/// True when the tokens are digits only (and at most one point), more than one digit.
fn is_digit_string(tokens: &[Token]) -> bool {
    let digits: usize = tokens
        .iter()
        .map(|t| match t {
            Token::Value(v) if v.is_integer() && *v < Decimal::from_int(10) => 1,
            Token::Zero => 1,
            Token::Pair(..) => 2,
            _ => 0,
        })
        .sum();
    let points = tokens.iter().filter(|t| **t == Token::Point).count();
    let single_pair = tokens.len() == 1 && matches!(tokens[0], Token::Pair(..));
    digits > 1
        && points <= 1
        && digits + points
            == tokens.len()
                + tokens
                    .iter()
                    .filter(|t| matches!(t, Token::Pair(..)))
                    .count()
        && !single_pair
}

fn evaluate(tokens: &[Token], end: End) -> Option<Decimal> {
    if is_digit_string(tokens) {
        return evaluate_digit_string(tokens);
    }
    let mut total = Decimal::ZERO;
    let mut section = Decimal::ZERO;
    let mut pending: Option<Decimal> = None;
    // Exponent of the unit just before the pending digit, for colloquial 一万二 / 两千五.
    let mut after_unit: Option<u32> = None;
    let mut last_big = 0u32;
    // The last place (十 百 千) read since the last 万 or 亿: places below 万
    // fall from left to right (十七百 is no numeral).
    let mut section_place: Option<u32> = None;
    let mut fraction_digits: Option<i32> = None;
    for (i, token) in tokens.iter().enumerate() {
        let followed_by_unit = matches!(tokens.get(i + 1), Some(Token::Small(_) | Token::Big(_)));
        match *token {
            Token::Value(_) | Token::Zero if fraction_digits.is_some() => {
                let v = match *token {
                    Token::Value(v) => v,
                    _ => Decimal::ZERO,
                };
                // Each digit is one more place; an Arabic run (点123) is several.
                let width = if v.is_integer() {
                    v.to_string().len() as i32
                } else {
                    return None;
                };
                let k = fraction_digits.as_mut()?;
                *k += width;
                let place = Decimal::pow10(-*k)?;
                pending = Some(pending?.checked_add(v.checked_mul(place)?)?);
            }
            Token::Value(v) => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(v);
            }
            Token::Pair(a, b) => {
                if pending.is_some() {
                    return None;
                }
                let d = if end == End::Low { a } else { b };
                pending = Some(Decimal::from_int(i128::from(d)));
            }
            Token::Few => {
                if pending.is_some() {
                    return None;
                }
                // 几 leading a place (几十, 几万) is 1–10 of it; in the ones place
                // after a unit (十几, 三十几万) it is 0–10.
                let after_small = matches!(
                    tokens.get(i.wrapping_sub(1)),
                    Some(Token::Small(_) | Token::Zero)
                );
                let d = match (end, followed_by_unit && !after_small) {
                    (End::High, _) => 10,
                    (End::Low, true) => 1,
                    (End::Low, false) => 0,
                };
                pending = Some(Decimal::from_int(d));
            }
            Token::Zero => {
                // 三零万: 零 holds an empty place before a digit or a small
                // place (一千零十), never before 万 or 亿.
                if matches!(tokens.get(i + 1), Some(Token::Big(_))) {
                    return None;
                }
                if let Some(p) = pending.take() {
                    section = section.checked_add(p)?;
                }
                if tokens.get(i + 1) == Some(&Token::Point) {
                    pending = Some(Decimal::ZERO);
                }
                after_unit = None;
                continue;
            }
            Token::Small(exp) => {
                // 七十百: a place right after a place no larger, with no digit
                // between, is no numeral.
                if pending.is_none() && after_unit.is_some_and(|u| u <= exp) {
                    return None;
                }
                if section_place.is_some_and(|p| p <= exp) {
                    return None;
                }
                section_place = Some(exp);
                let v = pending.take().unwrap_or(Decimal::from_int(1));
                section = section.checked_add(v.checked_mul(Decimal::pow10(exp as i32)?)?)?;
                fraction_digits = None;
                after_unit = Some(exp);
                continue;
            }
            Token::Big(exp) => {
                // 一亿七万 is 1亿 and 7万: a digit before a smaller big unit is its multiplier.
                let p = flush(
                    pending.take(),
                    after_unit.filter(|&u| u < exp),
                    tokens.get(i.wrapping_sub(1)),
                )?;
                let group = section.checked_add(p)?;
                let scale = Decimal::pow10(exp as i32)?;
                if group.is_zero() {
                    // A leading 万 or 亿 (万亿元, 亿人次) counts one of it.
                    total = if total.is_zero() {
                        if i > 0 {
                            return None;
                        }
                        scale
                    } else {
                        total.checked_mul(scale)?
                    };
                } else if exp > last_big && !total.is_zero() {
                    total = total.checked_add(group)?.checked_mul(scale)?;
                } else {
                    total = total.checked_add(group.checked_mul(scale)?)?;
                }
                last_big = last_big.max(exp);
                section = Decimal::ZERO;
                section_place = None;
                fraction_digits = None;
                after_unit = Some(exp);
                continue;
            }
            Token::Point => {
                // 一百点零: a point right after a unit gives the whole a fraction;
                // one that opens the numeral (点二八, as .28) has a whole of zero.
                let opens = i == 0 && matches!(tokens.get(1), Some(Token::Value(_) | Token::Zero));
                if fraction_digits.is_some()
                    || (pending.is_none() && after_unit.is_none() && !opens)
                {
                    return None;
                }
                // 两千三点一: the colloquial digit before the point is 三百.
                if after_unit.is_some() {
                    pending = Some(flush(pending, after_unit, tokens.get(i.wrapping_sub(1)))?);
                }
                pending.get_or_insert(Decimal::ZERO);
                fraction_digits = Some(0);
                continue;
            }
            Token::Over => continue,
        }
        // A digit was read: it stays pending; `after_unit` keeps the unit before it.
        if !matches!(
            tokens.get(i.wrapping_sub(1)),
            Some(Token::Small(_) | Token::Big(_))
        ) {
            after_unit = None;
        }
    }
    let last = tokens.iter().rev().find(|t| **t != Token::Over);
    let p = flush(pending, after_unit, last)?;
    total.checked_add(section)?.checked_add(p)
}

/// A pending digit's value: colloquial 一万二 / 两千五 / 十五 scale a lone digit
/// right after a unit to the next lower place.
fn flush(
    pending: Option<Decimal>,
    after_unit: Option<u32>,
    last: Option<&Token>,
) -> Option<Decimal> {
    let Some(p) = pending else {
        return Some(Decimal::ZERO);
    };
    let single_digit = matches!(last, Some(Token::Value(_) | Token::Pair(..) | Token::Few));
    match after_unit {
        Some(exp) if exp > 1 && single_digit && p.is_integer() && p < Decimal::from_int(11) => {
            p.checked_mul(Decimal::pow10(exp as i32 - 1)?)
        }
        _ => Some(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> String {
        parse_number(s)
            .unwrap_or_else(|| panic!("{s} did not parse"))
            .low
            .to_string()
    }

    fn range(s: &str) -> (String, String) {
        let n = parse_number(s).unwrap();
        (n.low.to_string(), n.high.unwrap().to_string())
    }

    #[test]
    fn a_string_of_digits_read_one_by_one_is_no_range() {
        let n = parse_number("三四五六七").unwrap();
        assert_eq!((n.low.to_string(), n.high), ("34567".to_string(), None));
        assert_eq!(parse_number("二〇二三").unwrap().high, None);
        assert_eq!(range("三四"), ("3".into(), "4".into()));
    }

    #[test]
    fn arabic_with_multipliers() {
        assert_eq!(value("1.4亿"), "140000000");
        assert_eq!(value("224万"), "2240000");
        assert_eq!(value("1.18万"), "11800");
        assert_eq!(value("5.2万亿"), "5200000000000");
        assert_eq!(value("82,225.00"), "82225");
        assert_eq!(value("3万5千"), "35000");
        assert_eq!(value("10万零100"), "100100");
        assert_eq!(value("3千多万"), "30000000");
        assert_eq!(value("5百余万"), "5000000");
        assert_eq!(value("1千2百万"), "12000000");
    }

    #[test]
    fn standard_chinese() {
        assert_eq!(value("三千"), "3000");
        assert_eq!(value("九百"), "900");
        assert_eq!(value("一万二千"), "12000");
        assert_eq!(value("两千零五"), "2005");
        assert_eq!(value("一百零五"), "105");
        assert_eq!(value("十五"), "15");
        assert_eq!(value("二十"), "20");
        assert_eq!(value("百亿"), "10000000000");
        assert_eq!(value("万亿"), "1000000000000");
        assert_eq!(value("一亿二千万"), "120000000");
        assert_eq!(value("三千四百五十万"), "34500000");
        assert_eq!(value("〇"), "0");
    }

    #[test]
    fn colloquial_trailing_digit() {
        assert_eq!(value("一万二"), "12000");
        assert_eq!(value("两千五"), "2500");
        assert_eq!(value("三百五"), "350");
        assert_eq!(value("一千五万"), "15000000");
        // Before a smaller big unit the digit is that unit's multiplier.
        assert_eq!(value("一亿七万两千三百"), "100072300");
        assert_eq!(value("三亿五万"), "300050000");
        assert_eq!(value("两千三点一"), "2300.1");
        assert_eq!(value("一百点五"), "100.5");
    }

    #[test]
    fn financial_and_traditional() {
        assert_eq!(value("壹佰贰拾叁"), "123");
        assert_eq!(value("伍萬"), "50000");
        assert_eq!(value("一點五"), "1.5");
        assert_eq!(value("三点一四亿"), "314000000");
    }

    #[test]
    fn digit_strings() {
        assert_eq!(value("二〇二四"), "2024");
        assert_eq!(value("幺八九"), "189");
        assert_eq!(value("一七二零点一三四"), "1720.134");
        assert_eq!(value("一二点三零"), "12.3");
    }

    #[test]
    fn points_after_zero_and_units() {
        assert_eq!(value("零点零零一"), "0.001");
        assert_eq!(value("点二八"), "0.28");
        assert_eq!(value("零點五"), "0.5");
        assert_eq!(value("一百点零"), "100");
        assert_eq!(value("一千五百点零一"), "1500.01");
        assert_eq!(value("一百点123"), "100.123");
    }

    #[test]
    fn full_width_signs_and_suffixes() {
        assert_eq!(value("１９９１"), "1991");
        assert_eq!(value("２．２亿"), "220000000");
        assert_eq!(value("負十點五"), "-10.5");
        assert_eq!(value("1/2"), "0.5");
        assert_eq!(value("5又2分之1"), "5.5");
        assert_eq!(value("三 百 五 又 三 分之 一"), "350.333333333333333");
        assert_eq!(value("1.2M"), "1200000");
        assert_eq!(value("100K"), "100000");
    }

    #[test]
    fn approximate_ranges() {
        assert_eq!(range("三四"), ("3".into(), "4".into()));
        assert_eq!(range("三五百"), ("300".into(), "500".into()));
        assert_eq!(range("一两"), ("1".into(), "2".into()));
        assert_eq!(range("三四十"), ("30".into(), "40".into()));
        assert_eq!(range("七百三四十"), ("730".into(), "740".into()));
        assert_eq!(range("十几"), ("10".into(), "20".into()));
        assert_eq!(range("二十几万"), ("200000".into(), "300000".into()));
        assert_eq!(range("几十万"), ("100000".into(), "1000000".into()));
        assert_eq!(range("三十几万"), ("300000".into(), "400000".into()));
    }

    #[test]
    fn ranges_between_two_numbers() {
        assert_eq!(range("二十一到一千零一"), ("21".into(), "1001".into()));
        assert_eq!(range("六百三至六百四"), ("630".into(), "640".into()));
        assert!(parse_number("五到三").is_none());
        assert!(parse_number("一到二到三").is_none());
    }

    #[test]
    fn written_zero_holds_a_place() {
        assert_eq!(value("1百01"), "101");
        assert_eq!(value("1百1"), "110");
    }

    #[test]
    fn spoken_hundreds_of_millions() {
        assert_eq!(value("两个亿"), "200000000");
        assert_eq!(value("3个亿"), "300000000");
    }

    #[test]
    fn radio_digits() {
        assert_eq!(value("幺洞拐"), "107");
    }

    #[test]
    fn more_than_inside_the_numeral() {
        let n = parse_number("十余万").unwrap();
        assert_eq!(n.low.to_string(), "100000");
        assert!(n.more_than);
        assert!(parse_number("120多").unwrap().more_than);
        let n = parse_number("上百亿").unwrap();
        assert_eq!(n.low.to_string(), "10000000000");
        assert!(n.more_than);
        assert!(parse_number("上").is_none());
        assert!(parse_number("上三").is_none());
    }

    #[test]
    fn fractions() {
        assert_eq!(value("三分之一"), "0.333333333333333");
        assert_eq!(value("四分之三"), "0.75");
        assert_eq!(value("一半"), "0.5");
        assert_eq!(value("半数"), "0.5");
    }

    #[test]
    fn leading_points_and_scientific_notation() {
        assert_eq!(value(".77"), "0.77");
        assert_eq!(value("-.5"), "-0.5");
        assert_eq!(value(".0012G"), "1200000");
        assert_eq!(value("2e5"), "200000");
        assert_eq!(value("12.32e+14"), "1232000000000000");
        assert_eq!(value("-12e-1"), "-1.2");
        assert_eq!(value("２.７８９０e－１"), "0.2789");
        assert_eq!(value("４，５６５"), "4565");
        assert_eq!(value("±2"), "2");
        assert_eq!(value("正负二"), "2");
    }

    /// Found by fuzzing: a huge negative exponent made a value with 88 million
    /// fractional digits, which could not be written.
    #[test]
    fn fuzz_crash_huge_negative_exponent() {
        assert!(parse_number("2e-88888888").is_none());
        assert!(parse_number("1e-39").is_none());
        assert_eq!(value("1e-38").len(), 40);
    }

    #[test]
    fn collectives_halves_and_mixed_fractions() {
        assert_eq!(value("五打"), "60");
        assert_eq!(value("一雙"), "2");
        assert_eq!(value("零个"), "0");
        assert_eq!(value("半百"), "50");
        assert_eq!(value("1 ３/5"), "1.6");
        assert_eq!(value("二份一"), "0.5");
        assert_eq!(value("一又十分一"), "1.1");
    }

    #[test]
    fn rejects_non_numerals() {
        assert!(parse_number("").is_none());
        assert!(parse_number("零万").is_none());
        assert!(parse_number("年").is_none());
        assert!(parse_number("1.2.3").is_none());
        assert!(parse_number("七十百").is_none());
        assert!(parse_number("三百千").is_none());
        assert!(parse_number("三零万二零千").is_none());
        assert!(parse_number("点").is_none());
        assert!(parse_number("点万").is_none());
        assert!(parse_number("伍亿柒仟万拾柒百").is_none());
    }
}
