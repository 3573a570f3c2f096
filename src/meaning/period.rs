//! The period a figure refers to: `2024`, `2024-05`, `2024-01/2024-05` (1-5月,
//! 前五个月), `2016-Q1/2016-Q3`.
//!
//! Date mentions are found once per document ([`DateIndex`]); a number takes the
//! last mention before it in its paragraph, else the period its title states
//! (2025年上半年…), else the document's default year.

use std::sync::Arc;

use regex::{Captures, Regex};

use crate::model::published::Published;
use crate::rules::Lexicon;
use crate::text::first_line;
use crate::text::word_set::{prefix, suffix};

/// The pattern of a date mention (`dates.toml` `mention`) for a text's calendar.
fn dates(lexicon: &Lexicon, calendar: Calendar) -> &Regex {
    match calendar {
        Calendar::Gregorian => &lexicon.dates.mention.gregorian,
        Calendar::Republic => &lexicon.dates.mention.republic,
    }
}

/// The year pattern (`dates.toml` `year`) for a text's calendar.
fn years(lexicon: &Lexicon, calendar: Calendar) -> &Regex {
    match calendar {
        Calendar::Gregorian => &lexicon.dates.year.gregorian,
        Calendar::Republic => &lexicon.dates.year.republic,
    }
}

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

/// True when `before` compares with the same time of the year before `year`
/// (较二〇二四年同月上升 in a figure of 2025): a year-on-year comparison.
pub fn is_year_before_base(lexicon: &Lexicon, before: &str, year: &str) -> bool {
    let Some(base) = lexicon.dates.dated_base.captures_iter(before).last() else {
        return false;
    };
    let year: Option<u32> = year.parse().ok();
    matches!((written_number(&base, "year"), year), (Some(b), Some(y)) if b + 1 == y)
}

/// The number a base's group `name` writes (二〇二四 → 2024, 九 → 9).
fn written_number(base: &Captures, name: &str) -> Option<u32> {
    in_digits(base.name(name)?.as_str())?.parse().ok()
}

/// True when `before` compares with the month before `period`'s (比9月末减少
/// in a figure of 2025-10): a month-on-month comparison.
pub fn is_month_before_base(lexicon: &Lexicon, before: &str, period: &str) -> bool {
    let Some(base) = lexicon.dates.month_base.captures_iter(before).last() else {
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
    let base_year = match base.name("year") {
        Some(_) => written_number(&base, "year"),
        None => Some(before_year),
    };
    written_number(&base, "month") == Some(before_month) && base_year == Some(before_year)
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
fn title_and_body_years(
    lexicon: &Lexicon,
    text: &str,
    calendar: Calendar,
) -> (Option<String>, Option<String>) {
    let title = first_line(text);
    let body = text.find(title).map_or(text, |i| &text[i + title.len()..]);
    (
        first_dating_year(lexicon, title, calendar),
        first_dating_year(lexicon, body, calendar),
    )
}

/// The first year mentioned in `hay` that dates something: not a base, and
/// not the start of a span (2023年8月以来 names when something began).
fn first_dating_year(lexicon: &Lexicon, hay: &str, calendar: Calendar) -> Option<String> {
    years(lexicon, calendar)
        .captures_iter(hay)
        .filter_map(|c| c.get(1).zip(c.get(0)))
        .filter(|(_, m)| {
            !is_base(lexicon, hay, m.start(), m.end())
                && !lexicon.dates.since_after_year.is_match(&hay[m.end()..])
        })
        .find_map(|(year, _)| year_in_digits(year.as_str(), calendar))
}

/// True when the date at `start..end` of `text` is the base of a comparison,
/// a ratio or a record, or names no time a figure refers to (2035年远景目标,
/// 按2020年价格).
fn is_base(lexicon: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let before = &text[..start];
    is_comparison_base(lexicon, before)
        || is_framed_base(lexicon, before, after)
        || is_ratio_base(after)
        || is_record_base(lexicon, after)
        || prefix(after, &lexicon.not_times).is_some()
}

/// A date framed as the base of a comparison (与上年相比, 同2024年同期相比,
/// 和去年比较, 与上年末相比) is not the time the figure refers to.
fn is_framed_base(lexicon: &Lexicon, before: &str, after: &str) -> bool {
    let rest = after
        .strip_prefix(prefix(after, &lexicon.base_ends).unwrap_or(""))
        .unwrap_or(after);
    suffix(before, &lexicon.companions).is_some() && prefix(rest, &lexicon.frames).is_some()
}

/// A date followed by 的 and a number (恢复至2019年的105%, 由2015年的10821元)
/// dates that number alone, or is the base of a ratio: not the time the
/// figures after it refer to.
fn is_ratio_base(after: &str) -> bool {
    owned_number_offset(after).is_some()
}

/// Where, in `after` (the text after a date), the number it dates starts:
/// after 的 or 同期的 and before a digit.
fn owned_number_offset(after: &str) -> Option<usize> {
    let rest = after.strip_prefix("同期").unwrap_or(after);
    let rest = rest.strip_prefix('的')?;
    // 零 starts words (的零售额) more often than numbers.
    rest.starts_with(|c: char| {
        c.is_ascii_digit() || (crate::numeral::digit_value(c).is_some_and(|d| d > 0))
    })
    .then(|| after.len() - rest.len())
}

/// The byte offset of the number that the date ending at `end` dates, if any.
fn owning_number(text: &str, end: usize) -> Option<usize> {
    owned_number_offset(&text[end..]).map(|offset| end + offset)
}

/// A date that starts the span of a record (为1961年以来最高, 创2010年以来新高,
/// 2015年以来首次, 1961年以来同期最多, 1961年以来第二高) is the record's base,
/// not the time the figure refers to.
fn is_record_base(lexicon: &Lexicon, after: &str) -> bool {
    prefix(after, &lexicon.records_since)
        .map(|since| &after[since.len()..])
        .map(|rest| rest.strip_prefix("同期").unwrap_or(rest))
        .is_some_and(|rest| prefix(rest, &lexicon.records).is_some())
}

/// 自2023年以来 (in a text of 2025): the years from the one named to the
/// document's own, `2023/2025`.
fn since(lexicon: &Lexicon, period: &str, after: &str, year: Option<&str>) -> Option<String> {
    let year = year?;
    let named = (period.len() == 4 && period < year).then_some(period)?;
    prefix(after, &lexicon.since).map(|_| format!("{named}/{year}"))
}

/// The period a title states (2025年上半年…情况 → 2025-01/2025-06; 1-8月…
/// in a text published in 2021 → 2021-01/2021-08). A first line whose date
/// opens a clause is a dated sentence (2024年1月8日，…), not a title; a date in brackets (工作报告（2026年1月15日）) is when the
/// text was delivered, not what its figures measure.
fn title_period(
    lexicon: &Lexicon,
    text: &str,
    calendar: Calendar,
    anchors: &Anchors,
) -> Option<String> {
    let title = first_line(text);
    dates(lexicon, calendar)
        .captures_iter(title)
        .filter(|c| {
            // A date without a year dates a title only against a publication date.
            let dated = c.name("y").is_some() || anchors.published.is_some();
            c.get(0).is_some_and(|m| {
                dated && !in_brackets(&title[..m.start()]) && !opens_sentence(title, m.end())
            })
        })
        .find_map(|caps| render(&caps, anchors, calendar))
}

/// True when the first line is a sentence rather than a title: it ends with
/// 。 or its date opens a clause (2024年1月8日，…).
fn opens_sentence(line: &str, date_end: usize) -> bool {
    line.ends_with('。')
        || line[date_end..]
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '日')
            .starts_with(['，', ','])
}

/// True when `before` leaves a bracket open.
fn in_brackets(before: &str) -> bool {
    let opened = before.matches(['（', '(']).count();
    let closed = before.matches(['）', ')']).count();
    opened > closed
}

/// A date right after 比, 较 or 由 (降幅比1-2月收窄, 比2019年增长) is the base
/// of a comparison, not the time the figure refers to.
fn is_comparison_base(lexicon: &Lexicon, before: &str) -> bool {
    suffix(before, &lexicon.base_markers).is_some() || suffix(before, &lexicon.origins).is_some()
}

/// Every date mention of a document, and where its paragraphs break.
#[derive(Debug, Clone, Default)]
pub struct DateIndex {
    /// (end offset, rendered period) of each mention, in order.
    mentions: Vec<(usize, Arc<str>)>,
    /// (end offset, period, what opened it) of each section opening (过去一年,
    /// 今年, a heading): it dates the paragraphs after it until the next one.
    sections: Vec<(usize, Arc<str>, &'static str)>,
    /// Dates a number gives with itself (2015年的10821元, 上年同期的63.5%):
    /// (where the number starts, where the date starts, the date's period).
    owned: Vec<(usize, usize, Arc<str>)>,
    /// Byte offsets of line breaks.
    breaks: Vec<usize>,
    /// The period of what nothing else dates, and where it came from.
    default: Option<Dated>,
}

/// A period and the step that decided it, for `explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    /// The period.
    pub period: Arc<str>,
    /// How it was found.
    pub source: &'static str,
}

/// How a period from a date earlier in the paragraph is labelled.
const FROM_PARAGRAPH: &str = "the last date before it in its paragraph";
/// How a period from a section opening (过去一年, 今年) is labelled.
const FROM_SECTION: &str = "the section opening before it (过去一年, 今年)";
/// How a period from a heading is labelled.
const FROM_HEADING: &str = "the heading above it";
/// How a number's own date is labelled.
const FROM_OWN_DATE: &str = "the date it is given with (…年的)";

impl DateIndex {
    /// Indexes the dates of a (normalised) document published at `published`
    /// (when known).
    pub fn new(
        lexicon: &Lexicon,
        text: &str,
        calendar: Calendar,
        published: Option<Published>,
    ) -> DateIndex {
        let (title_year, body_year) = title_and_body_years(lexicon, text, calendar);
        let anchors = Anchors {
            text_year: title_year.clone().or_else(|| body_year.clone()),
            title_year,
            published,
        };
        let this_year = anchors.this_year().map(|y| y.to_string());
        let (mut mentions, mut sections, mut owned) = relative_mentions(lexicon, text, &anchors);
        let mut dated: Vec<(usize, usize, String)> = dates(lexicon, calendar)
            .captures_iter(text)
            .filter_map(|caps| {
                let whole = caps.get(0)?;
                let period = render(&caps, &anchors, calendar)?;
                // 2015年的10821元: the date is that number's alone.
                if let Some(number) = owning_number(text, whole.end()) {
                    owned.push((number, whole.start(), Arc::from(period)));
                    return None;
                }
                if is_base(lexicon, text, whole.start(), whole.end()) {
                    return None;
                }
                let after = &text[whole.end()..];
                let period = since(lexicon, &period, after, this_year.as_deref()).unwrap_or(period);
                Some((whole.start(), whole.end(), period))
            })
            .collect();
        dated.extend(plan_periods(lexicon, text));
        dated.sort_by_key(|(start, _, _)| *start);
        join_listed_dates(lexicon, text, &mut dated);
        sections.extend(heading_sections(text, &dated));
        sections.sort_by_key(|(at, _, _)| *at);
        mentions.extend(dated.into_iter().map(|(_, end, p)| (end, Arc::from(p))));
        mentions.sort_by_key(|(end, _)| *end);
        let default = match title_period(lexicon, text, calendar, &anchors) {
            Some(p) => Some(Dated {
                period: Arc::from(p),
                source: "the title's period",
            }),
            None => untitled_default(&anchors, body_year).map(|(p, source)| Dated {
                period: Arc::from(p),
                source,
            }),
        };
        let breaks = text.match_indices('\n').map(|(i, _)| i).collect();
        owned.sort_by_key(|(number, _, _)| *number);
        DateIndex {
            mentions,
            sections,
            owned,
            breaks,
            default,
        }
    }

    /// The date a number at `at` gives with itself (由2015年的10821元, 上年同期的
    /// 63.5%), unless the number is a ratio to that date as a base (恢复至2019年的
    /// 105%, 是2020年的2.1倍): `ratio` says whether it is a percent or multiple.
    pub fn own_period(
        &self,
        lexicon: &Lexicon,
        text: &str,
        at: usize,
        ratio: bool,
    ) -> Option<Dated> {
        let i = self.owned.partition_point(|(number, _, _)| *number < at);
        let (number, date_start, period) = self.owned.get(i)?;
        if *number != at {
            return None;
        }
        let before = &text[..*date_start];
        let to_base = suffix(before, &lexicon.ratio_verbs).is_some();
        (!(ratio && to_base)).then(|| Dated {
            period: period.clone(),
            source: FROM_OWN_DATE,
        })
    }

    /// The period of a number at byte offset `at`: the last mention before it in
    /// its paragraph, else the title's period or the default year.
    pub fn period_at(&self, at: usize) -> Option<Dated> {
        let k = self.mentions.partition_point(|(end, _)| *end <= at);
        let b = self.breaks.partition_point(|&i| i < at);
        let paragraph = b.checked_sub(1).map_or(0, |j| self.breaks[j]);
        match k.checked_sub(1).map(|k| &self.mentions[k]) {
            Some((end, p)) if *end > paragraph => Some(Dated {
                period: p.clone(),
                source: FROM_PARAGRAPH,
            }),
            _ => {
                let s = self.sections.partition_point(|(end, _, _)| *end <= at);
                match s.checked_sub(1).map(|s| &self.sections[s]) {
                    Some((_, p, source)) => Some(Dated {
                        period: p.clone(),
                        source,
                    }),
                    None => self.default.clone(),
                }
            }
        }
    }
}

/// The moment a stock is counted at under `period`: the last month of a span
/// of months or quarters, or of a quarter (2023-Q1/2023-Q3 → 2023-09); a
/// month or a year stays as it is.
pub fn last_month_of(period: &str) -> Option<String> {
    let last = period.rsplit('/').next()?;
    if let Some((year, quarter)) = last.split_once("-Q") {
        let q: u32 = quarter.parse().ok()?;
        return Some(format!("{year}-{:02}", 3 * q));
    }
    (period.contains('/') && last.len() == 7).then(|| last.to_string())
}

/// The years of each five-year plan the text names, as dated mentions
/// (start, end, period): the third plan began in 1966 and each lasts five years.
fn plan_periods(lexicon: &Lexicon, text: &str) -> Vec<(usize, usize, String)> {
    lexicon
        .dates
        .plan
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let n = crate::numeral::digit_value(caps.name("plan")?.as_str().chars().next()?)?;
            let first = 1966 + 5 * (10 + u32::from(n) - 3);
            Some((whole.start(), whole.end(), format!("{first}/{}", first + 4)))
        })
        .collect()
}

/// Dates joined by 和, 与, 及 or 、 (去年4季度和今年3月份), or spanned by 到
/// or 至 (从1990年到2020年), date what follows them together: the second takes
/// the span from the first's start to its own end.
fn join_listed_dates(lexicon: &Lexicon, text: &str, dated: &mut [(usize, usize, String)]) {
    for i in 1..dated.len() {
        let (previous_end, joined) = (dated[i - 1].1, dated[i].0);
        let between = text.get(previous_end..joined).unwrap_or("");
        if lexicon.date_joiners.contains(between) {
            let first = dated[i - 1].2.split('/').next().unwrap_or("").to_string();
            let (_, _, period) = &mut dated[i];
            let last = period.rsplit('/').next().unwrap_or("").to_string();
            if first < last {
                *period = format!("{first}/{last}");
            }
        }
    }
}

/// Most characters a heading line has.
const HEADING_CHARS: usize = 40;

/// Section openings from headings: a short line after the title with no
/// clause punctuation that names a date (26个城市3月交易回暖排名, 一、2025年工作回顾)
/// dates the paragraphs after it, and its own numbers, until the next.
fn heading_sections(
    text: &str,
    dated: &[(usize, usize, String)],
) -> Vec<(usize, Arc<str>, &'static str)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut after_title = false;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let body = line.trim();
        if body.is_empty() {
            continue;
        }
        if !after_title {
            after_title = true;
            continue;
        }
        // A line with clause punctuation is prose (2021年5月，增长…), not a heading.
        let heading = body.chars().count() <= HEADING_CHARS
            && !body.contains(['，', ',', '；', ';', '。'])
            && !body.ends_with(['！', '？', '：', '.', '!', '?', ':']);
        if !heading {
            continue;
        }
        let end = start + line.len();
        if let Some((_, _, period)) = dated
            .iter()
            .rev()
            .find(|(s, e, _)| *s >= start && *e <= end)
        {
            out.push((start, Arc::from(period.as_str()), FROM_HEADING));
        }
    }
    out
}

/// The period of what a document whose title names none leaves undated.
///
/// Without a publication date, the first year the body names (else the
/// title's). With one, the publication's month — unless the body opens on the
/// year before and the text came out in the first quarter, as an annual
/// review does (a work report of January 2026 on 2025).
fn untitled_default(
    anchors: &Anchors,
    body_year: Option<String>,
) -> Option<(String, &'static str)> {
    let Some(published) = anchors.published else {
        return body_year
            .map(|y| (y, "the first year the body names"))
            .or_else(|| anchors.text_year.clone().map(|y| (y, "the title's year")));
    };
    let year_before = (published.year - 1).to_string();
    let annual_review = body_year.as_deref() == Some(year_before.as_str())
        && published.month.is_some_and(|m| m <= 3);
    Some(if annual_review {
        (
            year_before,
            "an annual review: the year before its publication",
        )
    } else {
        (published.period(), "the publication date")
    })
}

/// The mentions of years named relative to `year` (去年 → the year before),
/// and the section openings among them (过去一年, 过去五年, 今年).
/// The owned dates among them (上年同期的63.5%), as [`DateIndex::own_period`] keeps them.
type Relative = (
    Vec<(usize, Arc<str>)>,
    Vec<(usize, Arc<str>, &'static str)>,
    Vec<(usize, usize, Arc<str>)>,
);

fn relative_mentions(lexicon: &Lexicon, text: &str, anchors: &Anchors) -> Relative {
    let (mut mentions, mut sections, mut owned) = (Vec::new(), Vec::new(), Vec::new());
    let Some(year) = anchors.this_year() else {
        return (mentions, sections, owned);
    };
    for caps in lexicon.dates.relative.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let after = &text[whole.end()..];
        if let (Some(number), Some(_)) = (owning_number(text, whole.end()), caps.name("last")) {
            owned.push((number, whole.start(), Arc::from((year - 1).to_string())));
        }
        // 比去年增长, 去年同期: a base, not the time of the figure.
        if is_base(lexicon, text, whole.start(), whole.end()) || after.starts_with("同期") {
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
            sections.push((at, Arc::from(period), FROM_SECTION));
        } else if caps.name("this").is_some() {
            // 今年上半年, 今年1-5月: a date of this year, not a section opening.
            let clause = &after[..crate::text::clause::clause_end(after, 0)];
            if dates(lexicon, Calendar::Gregorian)
                .find(clause)
                .is_some_and(|m| m.start() == 0)
            {
                continue;
            }
            sections.push((at, Arc::from(year.to_string()), FROM_SECTION));
        } else if caps.name("last").is_some() {
            mentions.push((at, Arc::from((year - 1).to_string())));
        } else if let Some(now) = anchors.this_month() {
            // 目前, 日前, 本月: the publication's month; 上月 the one before.
            let period = if caps.name("prev").is_some() {
                let month = now.month.unwrap_or(1);
                match month {
                    1 => format!("{}-12", now.year - 1),
                    m => format!("{}-{:02}", now.year, m - 1),
                }
            } else {
                now.period()
            };
            mentions.push((at, Arc::from(period)));
        }
    }
    (mentions, sections, owned)
}

/// A quarter's number, in a digit or a numeral (三 → 3); 4 when unread.
fn quarter(c: &str) -> u32 {
    let first = c.chars().next();
    let digit = first.and_then(|d| {
        d.to_digit(10)
            .or_else(|| crate::numeral::digit_value(d).map(u32::from))
    });
    digit.map_or(4, |d| d.clamp(1, 4))
}

/// The months a date names within its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Within {
    /// One month.
    Month(u32),
    /// A span of months (1-5月, 前五个月, 上半年).
    Months(u32, u32),
    /// One quarter.
    Quarter(u32),
    /// The quarters from the first (前三季度).
    Quarters(u32),
}

impl Within {
    /// The part of the year a date mention names, if any.
    fn of(caps: &Captures) -> Option<Within> {
        let get = |name: &str| {
            ["", "t", "_"]
                .iter()
                .find_map(|suffix| caps.name(&format!("{name}{suffix}")))
                .map(|m| m.as_str())
        };
        if let (Some(a), Some(b)) = (get("m1"), get("m2")) {
            return Some(Within::Months(a.parse().ok()?, b.parse().ok()?));
        }
        // 前11个月, 前五个月: the months from January.
        if let Some(n) = get("pm") {
            let months = crate::numeral::parse_plain(n)?.to_f64();
            return (1.0..=12.0)
                .contains(&months)
                .then_some(Within::Months(1, months as u32));
        }
        if let Some(q) = get("q") {
            return Some(Within::Quarters(quarter(q)));
        }
        // 一季度, 第三季度, and 第三季 as Hong Kong and Macao write it.
        if let Some(q) = get("qn").or_else(|| get("qd")) {
            return Some(Within::Quarter(quarter(q)));
        }
        if let Some(h) = get("half") {
            return Some(if h == "上半年" {
                Within::Months(1, 6)
            } else {
                Within::Months(7, 12)
            });
        }
        if let Some(m) = get("m") {
            return Some(Within::Month(in_digits(m)?.parse().ok()?));
        }
        // The holidays whose month is fixed: 五一 in May, 国庆 in October.
        get("hol").map(|h| Within::Month(if h == "五一" { 5 } else { 10 }))
    }

    /// The last month named.
    fn last_month(self) -> u32 {
        match self {
            Within::Month(m) | Within::Months(_, m) => m,
            Within::Quarter(q) | Within::Quarters(q) => 3 * q,
        }
    }

    /// The period in `year`.
    fn render(self, year: &str) -> String {
        match self {
            Within::Month(m) => format!("{year}-{m:02}"),
            Within::Months(a, b) => format!("{year}-{a:02}/{year}-{b:02}"),
            Within::Quarter(q) => format!("{year}-Q{q}"),
            Within::Quarters(q) => format!("{year}-Q1/{year}-Q{q}"),
        }
    }
}

/// The period of a date mention: its own year, or the year before or of the
/// document (去年, 今年), or for a date without a year the one
/// [`Anchors::plain_year`] gives.
fn render(caps: &Captures, anchors: &Anchors, calendar: Calendar) -> Option<String> {
    let within = Within::of(caps);
    let year = match caps.name("y") {
        Some(y) => year_in_digits(y.as_str(), calendar)?,
        None if caps.name("ly").is_some() => (anchors.this_year()? - 1).to_string(),
        None if caps.name("ty").is_some() => anchors.this_year()?.to_string(),
        None => anchors.plain_year(within?.last_month())?,
    };
    Some(match within {
        Some(within) => within.render(&year),
        None if caps.name("y").is_some() => year,
        None => return None,
    })
}

/// What the dates a text leaves relative are read against.
#[derive(Debug, Clone, Default)]
struct Anchors {
    /// The year the title names.
    title_year: Option<String>,
    /// The year the title names, else the first one the body names.
    text_year: Option<String>,
    /// When the document was published.
    published: Option<Published>,
}

impl Anchors {
    /// The year of 今年 (and the base of 去年): the publication's, else the text's.
    fn this_year(&self) -> Option<i32> {
        match self.published {
            Some(p) => Some(p.year),
            None => self.text_year.as_deref()?.parse().ok(),
        }
    }

    /// The year of months written without one (1-8月, 三季度): the title's;
    /// else the publication's, or the year before when the months end later
    /// in the year than the publication (12月 in a text of January); else the
    /// text's.
    fn plain_year(&self, last_month: u32) -> Option<String> {
        if let Some(year) = &self.title_year {
            return Some(year.clone());
        }
        match self.published {
            Some(p) => {
                let later = p.month.is_some_and(|now| last_month > now);
                Some((p.year - i32::from(later)).to_string())
            }
            None => self.text_year.clone(),
        }
    }

    /// The publication's month, for 目前 and 本月; `None` without one.
    fn this_month(&self) -> Option<Published> {
        self.published.filter(|p| p.month.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use once_cell::sync::Lazy;

    /// The bundled rules' lexicon, loaded once.
    fn lexicon() -> &'static Lexicon {
        static LEXICON: Lazy<Lexicon> =
            Lazy::new(|| crate::rules::RuleSet::bundled().unwrap().lexicon);
        &LEXICON
    }

    /// The document's year, as [`DateIndex::new`] takes it.
    fn default_year(text: &str, calendar: Calendar) -> Option<String> {
        let (title_year, body_year) = title_and_body_years(lexicon(), text, calendar);
        title_year.or(body_year)
    }

    fn period(text: &str) -> Option<String> {
        DateIndex::new(lexicon(), text, Calendar::Gregorian, None)
            .period_at(text.len())
            .map(|p| p.period.to_string())
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
            DateIndex::new(lexicon(), text, Calendar::Gregorian, None)
                .period_at(at)
                .map(|d| d.period)
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
            DateIndex::new(lexicon(), text, Calendar::Gregorian, None)
                .period_at(text.find(s).unwrap())
                .map(|d| d.period)
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
        let index = DateIndex::new(lexicon(), text, Calendar::Gregorian, None);
        assert_eq!(
            index
                .period_at(text.find("打掉").unwrap())
                .map(|d| d.period),
            None
        );
        let dated = "警方通报\n2025年，打掉团伙3个。\n经查，2023年8月以来，发展会员。";
        let index = DateIndex::new(lexicon(), dated, Calendar::Gregorian, None);
        assert_eq!(
            index
                .period_at(dated.find("打掉").unwrap())
                .map(|d| d.period)
                .as_deref(),
            Some("2025")
        );
    }

    #[test]
    fn a_plans_span_dates_what_follows_it_and_its_name_alone_does_not() {
        assert_eq!(
            period("全省通报\n“十三五”以来，粮食总量增长").as_deref(),
            Some("2016/2020")
        );
        assert_eq!(
            period("全省通报\n十四五时期，增长").as_deref(),
            Some("2021/2025")
        );
        assert_eq!(
            period("2025年是“十四五”收官之年，增长").as_deref(),
            Some("2025")
        );
    }

    #[test]
    fn dates_joined_by_and_date_what_follows_together() {
        let text = "楼市观察\n2021年4季度和2022年3月份，交易量下降";
        assert_eq!(period(text).as_deref(), Some("2021-Q4/2022-03"));
        let text = "楼市观察\n2022年3月和4月的成交量";
        assert_eq!(period(text).as_deref(), Some("2022-03/2022-04"));
    }

    #[test]
    fn a_heading_with_a_date_dates_the_paragraphs_under_it() {
        let text = "楼市观察\n2022年3月交易排名\n参与排名的城市有26个。\n其中14个下降。\n2022年4月交易排名\n有8个上升。";
        let index = DateIndex::new(lexicon(), text, Calendar::Gregorian, None);
        let at = |s: &str| {
            index
                .period_at(text.find(s).unwrap())
                .map(|d| d.period)
                .map(|p| p.to_string())
        };
        assert_eq!(at("26个").as_deref(), Some("2022-03"));
        assert_eq!(at("14个").as_deref(), Some("2022-03"));
        assert_eq!(at("8个").as_deref(), Some("2022-04"));
    }

    #[test]
    fn holidays_of_fixed_month_are_dated_by_it() {
        assert_eq!(period("2021年“五一”假期，出游").as_deref(), Some("2021-05"));
        assert_eq!(period("2021年国庆期间，出游").as_deref(), Some("2021-10"));
        assert_eq!(
            period("2021年报告\n今年“五一”，出游").as_deref(),
            Some("2021-05")
        );
    }

    /// The period at `needle` in `text` published at `published`.
    fn published_period(text: &str, published: &str, needle: &str) -> Option<String> {
        let published = Published::parse(published);
        let index = DateIndex::new(lexicon(), text, Calendar::Gregorian, published);
        let at = text.find(needle).expect("needle in text");
        index
            .own_period(lexicon(), text, at, needle.ends_with(['%', '倍']))
            .or_else(|| index.period_at(at))
            .map(|p| p.period.to_string())
    }

    #[test]
    fn an_undated_text_takes_the_month_of_its_publication() {
        let text = "警方通报\n近日，全省打掉团伙3个。";
        assert_eq!(
            published_period(text, "2022-09-23", "3个").as_deref(),
            Some("2022-09")
        );
        assert_eq!(
            published_period(text, "2022", "3个").as_deref(),
            Some("2022")
        );
    }

    #[test]
    fn a_title_without_a_year_is_dated_at_its_grain_by_the_publication() {
        let text = "1-8月全省外贸增长17.1%，民企拉动增长9.6个百分点\n正文。出口增长5%。";
        assert_eq!(
            published_period(text, "2021-09-17", "5%").as_deref(),
            Some("2021-01/2021-08")
        );
        let text = "一季度全省财政收入快报\n收入增长5%。";
        assert_eq!(
            published_period(text, "2024-04-10", "5%").as_deref(),
            Some("2024-Q1")
        );
    }

    #[test]
    fn relative_times_are_read_against_the_publication() {
        let p = |text: &str, needle: &str| published_period(text, "2022-04-24", needle);
        assert_eq!(
            p("楼市\n今年3月份成交量下降30%", "30%").as_deref(),
            Some("2022-03")
        );
        assert_eq!(
            p("楼市\n去年4季度成交量下降44%", "44%").as_deref(),
            Some("2021-Q4")
        );
        assert_eq!(
            p("楼市\n目前总市值为2960亿元", "2960").as_deref(),
            Some("2022-04")
        );
        assert_eq!(
            p("楼市\n上月成交量下降5%", "5%").as_deref(),
            Some("2022-03")
        );
        assert_eq!(p("楼市\n今年全市增长5%", "5%").as_deref(), Some("2022"));
        // Months after the publication's are of the year before.
        let text = "月报\n12月，全市增长5%";
        assert_eq!(
            published_period(text, "2025-01-20", "5%").as_deref(),
            Some("2024-12")
        );
    }

    #[test]
    fn an_annual_review_early_in_the_year_is_dated_by_the_year_before() {
        let text = "政府工作报告\n2024年，全市增长5%。\n就业增长3%。";
        assert_eq!(
            published_period(text, "2025-01-20", "3%").as_deref(),
            Some("2024")
        );
        assert_eq!(
            published_period(text, "2025-06-20", "3%").as_deref(),
            Some("2025-06")
        );
    }

    #[test]
    fn a_value_given_with_its_own_date_takes_it() {
        let text = "公报\n收入由2015年的10821元增加到2019年的15416元。";
        assert_eq!(
            published_period(text, "2020-11", "10821").as_deref(),
            Some("2015")
        );
        assert_eq!(
            published_period(text, "2020-11", "15416").as_deref(),
            Some("2019")
        );
        let text = "公报\n比重由上年同期的63.5%提高到65%。";
        assert_eq!(
            published_period(text, "2025-07", "63.5%").as_deref(),
            Some("2024")
        );
        let text = "公报\n2025年，旅客恢复至2019年的105%。";
        assert_eq!(
            published_period(text, "2025-07", "105%").as_deref(),
            Some("2025")
        );
        let text = "公报\n从1990年到2020年增长48倍。";
        assert_eq!(
            published_period(text, "2021-07", "48倍").as_deref(),
            Some("1990/2020")
        );
    }

    #[test]
    fn a_stock_is_counted_at_the_last_month_of_a_span() {
        assert_eq!(last_month_of("2023-Q1/2023-Q3").as_deref(), Some("2023-09"));
        assert_eq!(last_month_of("2023-Q2").as_deref(), Some("2023-06"));
        assert_eq!(last_month_of("2022-01/2022-06").as_deref(), Some("2022-06"));
        assert_eq!(last_month_of("2022-06"), None);
        assert_eq!(last_month_of("2022"), None);
        assert_eq!(last_month_of("2021/2025"), None);
    }

    #[test]
    fn the_month_before_a_figures_own_is_a_month_on_month_base() {
        assert!(is_month_before_base(lexicon(), "比9月末减少", "2025-10"));
        assert!(is_month_before_base(lexicon(), "较9月份增加", "2025-10"));
        assert!(is_month_before_base(lexicon(), "较十二月底增加", "2026-01"));
        assert!(is_month_before_base(
            lexicon(),
            "比2024年12月末增加",
            "2025-01"
        ));
        assert!(!is_month_before_base(
            lexicon(),
            "比2023年12月末增加",
            "2025-01"
        ));
        assert!(!is_month_before_base(lexicon(), "比8月末减少", "2025-10"));
        assert!(!is_month_before_base(
            lexicon(),
            "比9月末减少",
            "2025-01/2025-10"
        ));
        assert!(!is_month_before_base(lexicon(), "比9月末减少", "2025-Q3"));
        assert!(!is_month_before_base(lexicon(), "同比减少", "2025-10"));
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
        // 以来新增 is what was added since, not a record.
        assert_eq!(
            period("通报\n2023年以来新增贷款5000亿元").as_deref(),
            Some("2023")
        );
    }

    #[test]
    fn republic_years_date_taiwan_texts_only() {
        let text = "主計總處發布\n114年第3季經濟成長率為7.64%";
        let at = text.find("7.64").unwrap();
        let republic = DateIndex::new(lexicon(), text, Calendar::Republic, None)
            .period_at(at)
            .map(|d| d.period);
        assert_eq!(republic.as_deref(), Some("2025-Q3"));
        let gregorian = DateIndex::new(lexicon(), text, Calendar::Gregorian, None)
            .period_at(at)
            .map(|d| d.period);
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
