//! The period a figure refers to: `2024`, `2024-05`, `2024-01/2024-05` (1-5月,
//! 前五个月), `2016-Q1/2016-Q3`.
//!
//! Date mentions are found once per document ([`DateIndex`]); a number takes the
//! last mention before it in its paragraph, else the period its title states
//! (2025年上半年…), else the document's default year.

use std::sync::Arc;

use once_cell::sync::Lazy;
use regex::{Captures, Regex};

use crate::document::first_line;

/// A date mention: a year, a month (range), a quarter or a half year, at least
/// one of them. The parts without a year repeat under names ending in `_`.
fn date_pattern(years: &str) -> Regex {
    // After a year a month may be written in words (二〇二五年十月); alone,
    // 三月 is too often something else.
    let part = |s: &str, month_words: &str| {
        format!(
            concat!(
                r"(?:(?P<m1{s}>[0-9]{{1,2}})(?:月份?)?(?:-|—|－|至|到|~)(?P<m2{s}>[0-9]{{1,2}})月",
                r"|[前首](?P<q{s}>[一二三四])季度",
                r"|[前首](?P<pm{s}>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})[个個]月",
                r"|第(?P<qn{s}>[一二三四1-4])季度?|(?P<qd{s}>[一二三四])季度",
                r"|(?P<half{s}>上半年|下半年)",
                r"|(?P<m{s}>[0-9]{{1,2}}{w})月(?:份|末|底|当月|當月)?)"
            ),
            s = s,
            w = month_words,
        )
    };
    // 去年12月: the year before the document's, with a month or quarter.
    let pattern = format!(
        r"(?:(?P<y>{years})年|(?P<ly>去年|上年)){}?|{}",
        part("", &format!("|{MONTH_WORDS}")),
        part("_", "")
    );
    Regex::new(&pattern).expect("valid date pattern")
}

/// Date mentions with Gregorian years.
static DATE: Lazy<Regex> = Lazy::new(|| date_pattern(YEAR_DIGITS));

/// Date mentions with Gregorian or Republic-era years.
static REPUBLIC_DATE: Lazy<Regex> =
    Lazy::new(|| date_pattern(&format!("{YEAR_DIGITS}|{REPUBLIC_YEAR_DIGITS}")));

/// The date pattern for a text's calendar.
fn dates(calendar: Calendar) -> &'static Regex {
    match calendar {
        Calendar::Gregorian => &DATE,
        Calendar::Republic => &REPUBLIC_DATE,
    }
}

/// The year pattern for a text's calendar.
fn years(calendar: Calendar) -> &'static Regex {
    match calendar {
        Calendar::Gregorian => &YEAR,
        Calendar::Republic => &REPUBLIC_YEAR,
    }
}

/// A year named relative to the document's own (a work report's 过去一年 and
/// 过去五年 look back, 今年 forward; 去年 and 上年 are the year before).
static RELATIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"过去的?(?P<n>[一两二三四五六七八九十]|[0-9]{1,2})[个個]?年|(?P<this>今年|本年)|(?P<last>去年|上年)")
        .expect("valid relative year pattern")
});

/// A year in digits or in words (2025, 二〇二五, 一九九八).
pub const YEAR_DIGITS: &str = "(?:19|20)[0-9]{2}|(?:二[〇零○]|一九)[〇零○一二三四五六七八九]{2}";

/// A month in words (三, 十一), read only after a year.
pub const MONTH_WORDS: &str = "十[一二]?|[一二三四五六七八九]";

/// A year of the Republic era as Taiwan counts them (114年 is 2025).
const REPUBLIC_YEAR_DIGITS: &str = "1[0-4][0-9]";

/// The Republic era's year 1 is 1911 + 1.
const REPUBLIC_EPOCH: u32 = 1911;

/// How a text counts its years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Calendar {
    /// 2025年.
    #[default]
    Gregorian,
    /// Taiwan's Republic era as well (114年 is 2025).
    Republic,
}

static YEAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!("({YEAR_DIGITS})年")).expect("valid year pattern"));

static REPUBLIC_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!("({YEAR_DIGITS}|{REPUBLIC_YEAR_DIGITS})年")).expect("valid year pattern")
});

/// A base named by year and the same time of it (较二〇二四年同月, 比2024年同期).
static DATED_BASE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        "(?:比|较|較|与|與|同|和)({YEAR_DIGITS})年同(?:期|月|季)"
    ))
    .expect("valid base pattern")
});

/// True when `before` compares with the same time of the year before `year`
/// (较二〇二四年同月上升 in a figure of 2025): a year-on-year comparison.
pub fn is_year_before_base(before: &str, year: &str) -> bool {
    let Some(base) = DATED_BASE.captures_iter(before).last() else {
        return false;
    };
    let year: Option<u32> = year.parse().ok();
    matches!((written_number(&base, 1), year), (Some(b), Some(y)) if b + 1 == y)
}

/// The number a base's group `index` writes (二〇二四 → 2024, 九 → 9).
fn written_number(base: &Captures, index: usize) -> Option<u32> {
    in_digits(base.get(index)?.as_str())?.parse().ok()
}

/// A base named by its month (比9月末, 较二〇二五年九月底).
static MONTH_BASE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        "(?:比|较|較)(?:({YEAR_DIGITS})年)?([0-9]{{1,2}}|{MONTH_WORDS})月(?:末|底|份)?"
    ))
    .expect("valid base pattern")
});

/// True when `before` compares with the month before `period`'s (比9月末减少
/// in a figure of 2025-10): a month-on-month comparison.
pub fn is_month_before_base(before: &str, period: &str) -> bool {
    let Some(base) = MONTH_BASE.captures_iter(before).last() else {
        return false;
    };
    let own = period
        .split_once('-')
        .filter(|(_, m)| m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()));
    let Some((year, month)) =
        own.and_then(|(y, m)| Some((y.parse::<u32>().ok()?, m.parse::<u32>().ok()?)))
    else {
        return false;
    };
    let (before_year, before_month) = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    let base_year = match base.get(1) {
        Some(_) => written_number(&base, 1),
        None => Some(before_year),
    };
    written_number(&base, 2) == Some(before_month) && base_year == Some(before_year)
}

/// A year as four digits: 二〇二五 → 2025; 114 → 2025 in the Republic
/// calendar, and no year in the Gregorian one.
fn year_in_digits(written: &str, calendar: Calendar) -> Option<String> {
    let digits = in_digits(written)?;
    if digits.len() != 3 {
        return Some(digits);
    }
    let year: u32 = digits.parse().ok()?;
    (calendar == Calendar::Republic).then(|| (year + REPUBLIC_EPOCH).to_string())
}

/// A year or month as digits: 二〇二五 → 2025, 十一 → 11; digits stay.
fn in_digits(written: &str) -> Option<String> {
    if written.bytes().all(|b| b.is_ascii_digit()) {
        return Some(written.to_string());
    }
    if written.starts_with('十') || written.chars().count() == 1 {
        let n = crate::numeral::parse_plain(written)?.to_f64();
        return Some(format!("{}", n as u32));
    }
    written
        .chars()
        .map(|c| crate::numeral::digit_value(c).and_then(|d| char::from_digit(d.into(), 10)))
        .collect()
}

/// The first dating year of the title and of the text after it: the
/// document's year is the title's, else the body's (not 是2020年的2.1倍 or
/// 比2019年增长).
fn title_and_body_years(text: &str, calendar: Calendar) -> (Option<String>, Option<String>) {
    let title = first_line(text);
    let body = text.find(title).map_or(text, |i| &text[i + title.len()..]);
    (
        first_dating_year(title, calendar),
        first_dating_year(body, calendar),
    )
}

/// What follows the year of a date a span starts from (2023年8月以来).
static SINCE_AFTER_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        "^(?:(?:[0-9]{{1,2}}|{MONTH_WORDS})月(?:份|[0-9]{{1,2}}日)?)?(?:以来|以來)"
    ))
    .expect("valid pattern")
});

/// The first year mentioned in `hay` that dates something: not a base, and
/// not the start of a span (2023年8月以来 names when something began).
fn first_dating_year(hay: &str, calendar: Calendar) -> Option<String> {
    years(calendar)
        .captures_iter(hay)
        .filter_map(|c| c.get(1).zip(c.get(0)))
        .filter(|(_, m)| {
            !is_base(hay, m.start(), m.end()) && !SINCE_AFTER_YEAR.is_match(&hay[m.end()..])
        })
        .find_map(|(year, _)| year_in_digits(year.as_str(), calendar))
}

/// True when the date at `start..end` of `text` is the base of a comparison,
/// a ratio or a record, or names a long-range goal (2035年远景目标), rather
/// than the time a figure refers to.
fn is_base(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let before = &text[..start];
    is_comparison_base(before)
        || is_framed_base(before, after)
        || is_ratio_base(after)
        || is_record_base(after)
        || is_price_base(after)
        || after.starts_with("远景")
}

/// A date whose prices a figure is counted in (按上年价格计算, 以2020年为基期)
/// is not the time the figure refers to.
fn is_price_base(after: &str) -> bool {
    ["价格", "價格", "不变价", "不變價", "为基期", "為基期"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// A date framed as the base of a comparison (与上年相比, 同2024年同期相比,
/// 和去年比较, 与上年末相比) is not the time the figure refers to.
fn is_framed_base(before: &str, after: &str) -> bool {
    let rest = ["同期", "末", "底"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after);
    before.ends_with(['与', '與', '同', '和', '跟'])
        && ["相比", "比较", "比較", "对比", "對比", "相较", "相較"]
            .iter()
            .any(|w| rest.starts_with(w))
}

/// A date followed by 的 and a number (恢复至2019年的105%, 为2019年同期的1.2倍)
/// is the base of a ratio, not the time the figure refers to.
fn is_ratio_base(after: &str) -> bool {
    let rest = after.strip_prefix("同期").unwrap_or(after);
    // 零 starts words (的零售额) more often than numbers.
    rest.strip_prefix('的').is_some_and(|r| {
        r.starts_with(|c: char| {
            c.is_ascii_digit() || (crate::numeral::digit_value(c).is_some_and(|d| d > 0))
        })
    })
}

/// A date that starts the span of a record (为1961年以来最高, 创2010年以来新高,
/// 2015年以来首次, 1961年以来同期最多, 1961年以来第二高) is the record's base,
/// not the time the figure refers to.
fn is_record_base(after: &str) -> bool {
    ["以来", "以來", "来", "來"]
        .iter()
        .find_map(|since| after.strip_prefix(since))
        .map(|rest| rest.strip_prefix("同期").unwrap_or(rest))
        .is_some_and(|rest| rest.starts_with(['最', '首', '新', '第']))
}

/// 自2023年以来 (in a text of 2025): the years from the one named to the
/// document's own, `2023/2025`.
fn since(period: &str, after: &str, year: Option<&str>) -> Option<String> {
    let year = year?;
    let named = (period.len() == 4 && period < year).then_some(period)?;
    ["以来", "以來"]
        .iter()
        .any(|w| after.starts_with(w))
        .then(|| format!("{named}/{year}"))
}

/// The period a title states with its year (2025年上半年…情况 → 2025-01/2025-06).
/// A first line with clause punctuation is a dated sentence (2024年1月8日，…),
/// not a title; a date in brackets (工作报告（2026年1月15日）) is when the
/// text was delivered, not what its figures measure.
fn title_period(text: &str, calendar: Calendar) -> Option<String> {
    let title = Some(first_line(text)).filter(|l| !l.contains(['，', '。', '；', ',', ';']))?;
    dates(calendar)
        .captures_iter(title)
        .filter(|c| {
            c.name("y").is_some() && c.get(0).is_some_and(|m| !in_brackets(&title[..m.start()]))
        })
        .find_map(|caps| render(&caps, None, calendar))
}

/// True when `before` leaves a bracket open.
fn in_brackets(before: &str) -> bool {
    let opened = before.matches(['（', '(']).count();
    let closed = before.matches(['）', ')']).count();
    opened > closed
}

/// A date right after 比, 较 or 由 (降幅比1-2月收窄, 比2019年增长) is the base
/// of a comparison, not the time the figure refers to.
fn is_comparison_base(before: &str) -> bool {
    before.ends_with(['比', '较', '較', '由'])
}

/// Every date mention of a document, and where its paragraphs break.
#[derive(Debug, Clone, Default)]
pub struct DateIndex {
    /// (end offset, rendered period) of each mention, in order.
    mentions: Vec<(usize, Arc<str>)>,
    /// (end offset, period) of each section opening (过去一年, 今年): it dates
    /// the paragraphs after it until the next one.
    sections: Vec<(usize, Arc<str>)>,
    /// Byte offsets of line breaks.
    breaks: Vec<usize>,
    default: Option<Arc<str>>,
}

impl DateIndex {
    /// Indexes the dates of a (normalised) document.
    pub fn new(text: &str, calendar: Calendar) -> DateIndex {
        let (title_year, body_year) = title_and_body_years(text, calendar);
        let year = title_year.or_else(|| body_year.clone());
        let (mut mentions, sections) = relative_mentions(text, year.as_deref());
        let dated = dates(calendar).captures_iter(text).filter_map(|caps| {
            let whole = caps.get(0)?;
            if is_base(text, whole.start(), whole.end()) {
                return None;
            }
            let period = render(&caps, year.as_deref(), calendar)?;
            let period = since(&period, &text[whole.end()..], year.as_deref()).unwrap_or(period);
            Some((whole.end(), Arc::from(period)))
        });
        mentions.extend(dated);
        mentions.sort_by_key(|(end, _)| *end);
        // Below a title without a period of its own, the first year the body
        // names dates what it does not date itself.
        let default = title_period(text, calendar)
            .or(body_year)
            .or(year)
            .map(Arc::from);
        let breaks = text.match_indices('\n').map(|(i, _)| i).collect();
        DateIndex {
            mentions,
            sections,
            breaks,
            default,
        }
    }

    /// The period of a number at byte offset `at`: the last mention before it in
    /// its paragraph, else the title's period or the default year.
    pub fn period_at(&self, at: usize) -> Option<Arc<str>> {
        let k = self.mentions.partition_point(|(end, _)| *end <= at);
        let b = self.breaks.partition_point(|&i| i < at);
        let paragraph = b.checked_sub(1).map_or(0, |j| self.breaks[j]);
        match k.checked_sub(1).map(|k| &self.mentions[k]) {
            Some((end, p)) if *end > paragraph => Some(p.clone()),
            _ => {
                let s = self.sections.partition_point(|(end, _)| *end <= at);
                match s.checked_sub(1).map(|s| &self.sections[s]) {
                    Some((_, p)) => Some(p.clone()),
                    None => self.default.clone(),
                }
            }
        }
    }
}

/// The mentions of years named relative to `year` (去年 → the year before),
/// and the section openings among them (过去一年, 过去五年, 今年).
type Relative = (Vec<(usize, Arc<str>)>, Vec<(usize, Arc<str>)>);

fn relative_mentions(text: &str, year: Option<&str>) -> Relative {
    let (mut mentions, mut sections) = (Vec::new(), Vec::new());
    let Some(year) = year.and_then(|y| y.parse::<i32>().ok()) else {
        return (mentions, sections);
    };
    for caps in RELATIVE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let after = &text[whole.end()..];
        // 比去年增长, 去年同期: a base, not the time of the figure.
        if is_base(text, whole.start(), whole.end()) || after.starts_with("同期") {
            continue;
        }
        let at = whole.end();
        if let Some(n) = caps.name("n") {
            let Some(n) = crate::numeral::parse_plain(n.as_str()).map(|d| d.to_f64() as i32) else {
                continue;
            };
            let period = if n == 1 {
                (year - 1).to_string()
            } else {
                format!("{}/{}", year - n, year - 1)
            };
            sections.push((at, Arc::from(period)));
        } else if caps.name("this").is_some() {
            // 今年上半年, 今年1-5月: a date of this year, not a section opening.
            let clause = &after[..super::clause::clause_end(after, 0)];
            if DATE.find(clause).is_some_and(|m| m.start() == 0) {
                continue;
            }
            sections.push((at, Arc::from(year.to_string())));
        } else {
            mentions.push((at, Arc::from((year - 1).to_string())));
        }
    }
    (mentions, sections)
}

fn quarter(c: &str) -> u32 {
    match c {
        "一" | "1" => 1,
        "二" | "2" => 2,
        "三" | "3" => 3,
        _ => 4,
    }
}

fn render(caps: &Captures, default: Option<&str>, calendar: Calendar) -> Option<String> {
    let own = match caps.name("y") {
        Some(y) => Some(year_in_digits(y.as_str(), calendar)?),
        None => None,
    };
    let year_before = match caps.name("ly") {
        Some(_) => Some((default?.parse::<i32>().ok()? - 1).to_string()),
        None => None,
    };
    let year = own.as_deref().or(year_before.as_deref()).or(default)?;
    let get = |name: &str| {
        caps.name(name)
            .or_else(|| caps.name(&format!("{name}_")))
            .map(|m| m.as_str())
    };
    if let (Some(a), Some(b)) = (get("m1"), get("m2")) {
        return Some(format!("{year}-{a:0>2}/{year}-{b:0>2}"));
    }
    // 前11个月, 前五个月: the months from January.
    if let Some(n) = get("pm") {
        let months = crate::numeral::parse_plain(n)?.to_f64();
        return (1.0..=12.0)
            .contains(&months)
            .then(|| format!("{year}-01/{year}-{:02}", months as u32));
    }
    if let Some(q) = get("q") {
        return Some(format!("{year}-Q1/{year}-Q{}", quarter(q)));
    }
    // 一季度, 第三季度, and 第三季 as Hong Kong and Macao write it.
    if let Some(q) = get("qn").or_else(|| get("qd")) {
        return Some(format!("{year}-Q{}", quarter(q)));
    }
    if let Some(h) = get("half") {
        return Some(if h == "上半年" {
            format!("{year}-01/{year}-06")
        } else {
            format!("{year}-07/{year}-12")
        });
    }
    if let Some(m) = get("m") {
        let m = in_digits(m)?;
        return Some(format!("{year}-{m:0>2}"));
    }
    own
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document's year, as [`DateIndex::new`] takes it.
    fn default_year(text: &str, calendar: Calendar) -> Option<String> {
        let (title_year, body_year) = title_and_body_years(text, calendar);
        title_year.or(body_year)
    }

    fn period(text: &str) -> Option<String> {
        DateIndex::new(text, Calendar::Gregorian)
            .period_at(text.len())
            .map(|p| p.to_string())
    }

    #[test]
    fn periods_from_text() {
        assert_eq!(period("例如2024年5月，一公司").as_deref(), Some("2024-05"));
        assert_eq!(period("2024年，重庆警方").as_deref(), Some("2024"));
        assert_eq!(
            period("2016年报告\n前三季度，全省").as_deref(),
            Some("2016-Q1/2016-Q3")
        );
        assert_eq!(period("截至2024年11月底").as_deref(), Some("2024-11"));
        assert_eq!(period("2025年7月至9月").as_deref(), Some("2025-07/2025-09"));
        assert_eq!(
            period("2022年\n1-5月，出口").as_deref(),
            Some("2022-01/2022-05")
        );
        assert_eq!(
            period("2024年\n今年前11个月，全省").as_deref(),
            Some("2024-01/2024-11")
        );
        assert_eq!(
            period("2024年前五个月，全省").as_deref(),
            Some("2024-01/2024-05")
        );
        assert_eq!(period("全年增长"), None);
        assert_eq!(
            period("二〇二五年十月的零售業總銷貨價值").as_deref(),
            Some("2025-10")
        );
        assert_eq!(
            period("二〇二五年首十個月合計").as_deref(),
            Some("2025-01/2025-10")
        );
        assert_eq!(period("一九九八年三月").as_deref(), Some("1998-03"));
        assert_eq!(
            period("零售\n2025年10月的零售额为300亿元，增长").as_deref(),
            Some("2025-10")
        );
        assert_eq!(period("2024年报告\n三月份"), Some("2024".into()));
        assert_eq!(
            period("2024年报告\n民航旅客恢复至2019年的105%").as_deref(),
            Some("2024")
        );
        assert_eq!(
            period("2025年一季度，降幅比1-2月收窄").as_deref(),
            Some("2025-Q1")
        );
        assert_eq!(
            period("2025年第三季本地生產總值按年上升").as_deref(),
            Some("2025-Q3")
        );
        assert_eq!(
            period("2025年前三個月，訪港旅客").as_deref(),
            Some("2025-01/2025-03")
        );
        assert_eq!(
            period("2025年報告\n四季常青，全年").as_deref(),
            Some("2025")
        );
    }

    #[test]
    fn a_mention_in_an_earlier_paragraph_gives_way_to_the_default_year() {
        let text = "2023年工作报告\n2021年5月，增长\n全年增长";
        assert_eq!(period(text).as_deref(), Some("2023"));
        let at = text.find("，增长").unwrap();
        assert_eq!(
            DateIndex::new(text, Calendar::Gregorian)
                .period_at(at)
                .as_deref(),
            Some("2021-05")
        );
    }

    #[test]
    fn the_title_period_covers_paragraphs_without_a_date() {
        let text = "2025年上半年全省法院工作情况\n其中，审结案件2.1万件";
        assert_eq!(period(text).as_deref(), Some("2025-01/2025-06"));
        assert_eq!(period("2024年统计公报\n全年增长").as_deref(), Some("2024"));
        assert_eq!(
            period("2024年1月8日，警察节到来。\n全年返还资金").as_deref(),
            Some("2024")
        );
    }

    #[test]
    fn a_work_report_dates_its_review_by_the_year_before() {
        let text = "2026年政府工作报告\n过去一年，全市增长5%。\n工业增长7%，比去年提高。\n今年目标增长5%。\n过去五年，累计增长30%。";
        let at = |s: &str| {
            DateIndex::new(text, Calendar::Gregorian)
                .period_at(text.find(s).unwrap())
                .map(|p| p.to_string())
        };
        assert_eq!(at("增长5%").as_deref(), Some("2025"));
        assert_eq!(at("工业").as_deref(), Some("2025"));
        assert_eq!(at("目标").as_deref(), Some("2026"));
        assert_eq!(at("累计").as_deref(), Some("2021/2025"));
        assert_eq!(period("2024年报告\n去年同期增长").as_deref(), Some("2024"));
        assert_eq!(
            period("2025年上半年通报\n今年上半年，警情下降。\n全市查处").as_deref(),
            Some("2025-01/2025-06")
        );
        assert_eq!(
            period("法院工作报告（2026年1月15日）\n2025年，受理案件。\n审结案件").as_deref(),
            Some("2025")
        );
        assert_eq!(
            period("2024年报告\n与上年相比，全市增长").as_deref(),
            Some("2024")
        );
        assert_eq!(
            period("2024年报告\n同2023年同期相比，全市增长").as_deref(),
            Some("2024")
        );
        assert_eq!(
            period("2025年公报\n与上年末相比，比重上升").as_deref(),
            Some("2025")
        );
        assert_eq!(
            period("2025年公报\n实现2035年远景目标。党员干部下沉社区").as_deref(),
            Some("2025")
        );
        assert_eq!(
            period("2025年公报\n年平均气温18.9℃，为1961年以来第二高值。年降水量").as_deref(),
            Some("2025")
        );
        assert_eq!(period("2024年报告\n去年全市增长").as_deref(), Some("2023"));
        assert_eq!(
            period("2024年报告\n去年12月增长").as_deref(),
            Some("2023-12")
        );
        assert_eq!(
            period("2024年报告\n去年四季度增长").as_deref(),
            Some("2023-Q4")
        );
        assert_eq!(
            period("2024年报告\n比去年12月增长").as_deref(),
            Some("2024")
        );
    }

    #[test]
    fn the_start_of_a_span_is_not_the_documents_year() {
        let text = "警方通报\n近日，打掉团伙3个。\n经查，2023年8月以来，发展会员。";
        let index = DateIndex::new(text, Calendar::Gregorian);
        assert_eq!(index.period_at(text.find("打掉").unwrap()), None);
        let dated = "警方通报\n2025年，打掉团伙3个。\n经查，2023年8月以来，发展会员。";
        let index = DateIndex::new(dated, Calendar::Gregorian);
        assert_eq!(
            index.period_at(dated.find("打掉").unwrap()).as_deref(),
            Some("2025")
        );
    }

    #[test]
    fn the_month_before_a_figures_own_is_a_month_on_month_base() {
        assert!(is_month_before_base("比9月末减少", "2025-10"));
        assert!(is_month_before_base("较9月份增加", "2025-10"));
        assert!(is_month_before_base("较十二月底增加", "2026-01"));
        assert!(is_month_before_base("比2024年12月末增加", "2025-01"));
        assert!(!is_month_before_base("比2023年12月末增加", "2025-01"));
        assert!(!is_month_before_base("比8月末减少", "2025-10"));
        assert!(!is_month_before_base("比9月末减少", "2025-01/2025-10"));
        assert!(!is_month_before_base("比9月末减少", "2025-Q3"));
        assert!(!is_month_before_base("同比减少", "2025-10"));
    }

    #[test]
    fn a_year_whose_prices_a_figure_is_counted_in_is_no_period() {
        assert_eq!(
            period("2025年运行情况\n按照上年价格计算的电信业务总量").as_deref(),
            Some("2025")
        );
        assert_eq!(
            period("2025年运行情况\n按2020年不变价计算的增加值").as_deref(),
            Some("2025")
        );
        assert_eq!(
            period("2025年运行情况\n上年全市用户").as_deref(),
            Some("2024")
        );
    }

    #[test]
    fn a_year_since_which_figures_count_runs_to_the_documents_year() {
        assert_eq!(
            period("2025年3月5日，通报。\n该团伙自2023年以来，作案40余起").as_deref(),
            Some("2023/2025")
        );
        assert_eq!(
            period("2025年通报\n降水量为1961年以来最多").as_deref(),
            Some("2025")
        );
    }

    #[test]
    fn republic_years_date_taiwan_texts_only() {
        let text = "主計總處發布\n114年第3季經濟成長率為7.64%";
        let at = text.find("7.64").unwrap();
        let republic = DateIndex::new(text, Calendar::Republic).period_at(at);
        assert_eq!(republic.as_deref(), Some("2025-Q3"));
        let gregorian = DateIndex::new(text, Calendar::Gregorian).period_at(at);
        assert_eq!(gregorian, None);
        assert_eq!(
            default_year("114年11月發布", Calendar::Republic).as_deref(),
            Some("2025")
        );
    }

    #[test]
    fn default_year_prefers_the_title() {
        assert_eq!(
            default_year("2023年工作报告\n2024年目标", Calendar::Gregorian).as_deref(),
            Some("2023")
        );
        assert_eq!(
            default_year(
                "企业数量是2020年的2.1倍，比2019年增长。2024年底",
                Calendar::Gregorian
            )
            .as_deref(),
            Some("2024")
        );
        assert_eq!(
            default_year("企业数量是2020年的2.1倍", Calendar::Gregorian),
            None
        );
        assert_eq!(
            default_year("降水量为1961年以来同期最多", Calendar::Gregorian),
            None
        );
        assert_eq!(
            default_year("气温为1961年以来最高", Calendar::Gregorian),
            None
        );
        assert_eq!(
            default_year("警察节\n2024年，全市", Calendar::Gregorian).as_deref(),
            Some("2024")
        );
    }
}
