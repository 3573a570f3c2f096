//! The subject: the shortest phrase naming what a number measures.
//!
//! Read from the clause before the number, with dates, place prefixes, change
//! verbs, comparison markers and fillers stripped; or after it, from `的…`
//! (阻断了近百亿元的资金外流) and, for counts, the noun the measure word governs
//! (43个重点区域).

use super::opening::strip_leading;
use crate::model::metric::Kind;
use crate::rules::Lexicon;
use crate::text::clause;
use crate::text::clause::is_clause_end;
use crate::text::normalize::is_han;
use crate::text::word_set::{prefix, strip_suffixes, suffix};
use crate::text::words::{self, Words};

/// How many characters a subject read after the number may have.
const AFTER_LIMIT: usize = 16;

/// The subject from the clause text before the number.
pub fn before_subject(lexicon: &Lexicon, before: &str) -> String {
    let mut s = before.trim_start_matches(['、', '/', ' ', '\u{3000}']);
    loop {
        let start = s;
        if let Some((w, _)) = lexicon.qual_verbs.suffix_of(s) {
            s = &s[..s.len() - w.len()];
        }
        if suffix(s, &lexicon.subject_kept_endings).is_none() {
            s = strip_suffixes(s, &lexicon.fillers);
            s = strip_suffixes(s, &lexicon.subject_trailing);
            s = strip_suffixes(s, &lexicon.level);
        }
        s = strip_suffixes(s, &lexicon.neutral);
        // 出口值年增, 月增: Taiwan's markers go whole, before 增 alone could.
        if let Some(w) = suffix(s, &lexicon.yoy)
            .or_else(|| suffix(s, &lexicon.mom))
            .filter(|w| {
                w.starts_with(['年', '月'])
                    && super::change::is_marker_after(lexicon, &s[..s.len() - w.len()], w)
            })
        {
            s = &s[..s.len() - w.len()];
        }
        // 航班起降: a word that names no change keeps its verb-like ending.
        let keeps_verb = suffix(s, &lexicon.not_changes).is_some();
        // The longest change verb of either way: 少增 is one verb, not 少 before 增.
        let verb = [suffix(s, &lexicon.up), suffix(s, &lexicon.down)]
            .into_iter()
            .flatten()
            .max_by_key(|w| w.len())
            .filter(|_| !keeps_verb);
        if let Some(w) = verb {
            s = &s[..s.len() - w.len()];
            // 净利大增, 同比大涨: a degree adverb goes with a one-character verb.
            if w.chars().count() == 1 {
                if let Some(d) = suffix(s, &lexicon.degrees) {
                    s = &s[..s.len() - d.len()];
                }
            }
        }
        for markers in [&lexicon.yoy, &lexicon.mom] {
            if let Some(w) = suffix(s, markers) {
                s = &s[..s.len() - w.len()];
                // 同比、环比: markers listed together go together.
                s = s.trim_end_matches(clause::JOINERS);
            }
        }
        if let Some((w, _)) = lexicon.qual_verbs.suffix_of(s) {
            s = &s[..s.len() - w.len()];
        }
        let may_end_in_base = s.contains(['比', '较', '較', '由']) || s.ends_with('的');
        // 价格环比上涨的城市: the 比 of 环比 or 同比 opens no base.
        if let Some(m) = may_end_in_base
            .then(|| lexicon.dates.trailing_base.find(s))
            .flatten()
            .filter(|m| !s[..m.start()].ends_with(['环', '環', '同']))
        {
            s = &s[..m.start()];
        }
        if let Some(m) = s
            .ends_with('年')
            .then(|| lexicon.dates.trailing_years.find(s))
            .flatten()
        {
            s = &s[..m.start()];
        }
        if let Some(k) = from_frame(lexicon, s) {
            s = &s[..k];
        }
        s = strip_leading(lexicon, s);
        s = s.trim_start_matches(['、', '，', ' ']);
        if s == start {
            break;
        }
    }
    let s = cut_agent(lexicon, cut_enumeration(after_conjunction(lexicon, s)));
    let joined = join_light_verb(lexicon, s);
    let s = cut_at_predicate(lexicon, joined.as_deref().unwrap_or(s));
    // 港口完成货物吞吐量: the cut may leave a light verb (完成, 实现) in front.
    let s = strip_leading(lexicon, cut_before_verb(lexicon, s));
    // 进出口占外贸总值的47.9%: a share names its base without the 的.
    let s = match s.strip_suffix('的') {
        Some(share) if share.contains(['占', '佔']) => share,
        _ => s,
    };
    without_base_date(lexicon, without_stray_quotes(s))
}

/// `subject` without the dates inside it (`dates.toml` `inner_date`). A month that
/// opens a longer word stays (月度交易数据 holds no date), and so does a year
/// before 度 (2022年度计划) or 的 (是2020年的).
fn without_inner_dates(lexicon: &Lexicon, subject: String) -> String {
    let mut dates = lexicon.dates.inner_date.find_iter(&subject).peekable();
    if dates.peek().is_none() {
        return subject;
    }
    let mut out = String::with_capacity(subject.len());
    let mut last = 0;
    for m in dates {
        let after = &subject[m.end()..];
        if after.starts_with(['度', '的']) || after.is_empty() && m.start() == 0 {
            continue;
        }
        // 自2020年第三季度起: the frame of a date goes with it.
        let opener = suffix(&subject[..m.start()], &lexicon.span_openers);
        let framed = opener.zip(prefix(after, &lexicon.span_closers));
        let (start, end) = match framed {
            Some((open, close)) => (m.start() - open.len(), m.end() + close.len()),
            None => (m.start(), m.end()),
        };
        out.push_str(&subject[last..start]);
        last = end;
    }
    out.push_str(&subject[last..]);
    out
}

/// Most characters of a possessor that 的 joins to a noun (东莞的回暖值).
const POSSESSOR_CHARS: usize = 3;

/// 民企拉动进出口增长9.6个百分点: a contribution to growth measures who drove
/// what, its change verb included (民企拉动进出口增长). `before` is the clause
/// up to the number; with no contributor in it the subject opens with the verb
/// (拉动出口增长), and the topic before goes in front.
pub fn contribution(lexicon: &Lexicon, before: &str) -> Option<String> {
    let text = strip_suffixes(before, &lexicon.fillers);
    suffix(text, &lexicon.up).or_else(|| suffix(text, &lexicon.down))?;
    let at = lexicon.subject_contributions.last_in(text)?;
    let head = strip_leading(lexicon, text[..at].trim_start_matches(|c: char| !is_han(c)));
    Some(format!("{head}{}", &text[at..]))
}

/// True when `subject` names a place and nothing else: a class of places
/// (农村), a place name of the dictionary (北京), a one-character name before
/// an administrative unit (甲市), or a short name ending like a place (农村地区).
fn names_only_a_place(lexicon: &Lexicon, subject: &str) -> bool {
    let chars = subject.chars().count();
    lexicon.subject_place_classes.contains(subject)
        || chars == 2 && suffix(subject, &lexicon.subject_admin_endings).is_some()
        || (2..=MAX_PLACE_CHARS).contains(&chars)
            && (suffix(subject, &lexicon.subject_place_endings).is_some()
                || words::names_a_place(subject))
}

/// The longest place name looked up in the dictionary (内蒙古自治区).
const MAX_PLACE_CHARS: usize = 8;

/// What a subject measures without the place it may open with (城市居民消费价格
/// → 居民消费价格): the place is read over its first three words at most.
fn without_place<'s>(lexicon: &Lexicon, subject: &'s str) -> &'s str {
    Words::of(subject)
        .ends()
        .take(3)
        .filter(|&end| end < subject.len())
        .filter(|&end| names_only_a_place(lexicon, &subject[..end]))
        .last()
        .map_or(subject, |end| &subject[end..])
}

/// 其中，城市上涨0.3%: a figure whose subject names only a place measures there
/// what `introducer`, the figure it breaks down, measures (城市居民消费价格).
/// `None` when the subject names more than a place or the introducer names no
/// measure beside its own place.
pub fn of_place(lexicon: &Lexicon, subject: &str, introducer: &str) -> Option<String> {
    if !names_only_a_place(lexicon, subject) {
        return None;
    }
    let measure = without_place(lexicon, introducer);
    let names_a_measure = !measure.is_empty() && !names_only_a_place(lexicon, measure);
    names_a_measure.then(|| format!("{subject}{measure}"))
}

/// A found subject made ready for the table: bracketed remarks, what comes
/// before an appositive, dates inside it, a short possessor's 的 and stray
/// adverbs removed, in that order.
pub fn tidied(lexicon: &Lexicon, subject: String) -> String {
    let subject = without_appositive(lexicon, without_asides(lexicon, subject));
    without_adverbs(
        lexicon,
        without_possessive(without_inner_dates(lexicon, subject)),
    )
}

/// `subject` without asides in brackets (利息净收入（以两融业务为主） →
/// 利息净收入, 占出口总值的（下同） → 占出口总值的): a remark on the measure,
/// not its name. An aside that names a class (水质优良(Ⅰ~Ⅲ类)比例) or holds
/// no Chinese (广义货币(M2)余额) stays.
fn without_asides(lexicon: &Lexicon, subject: String) -> String {
    const PAIRS: [(char, char); 2] = [('（', '）'), ('(', ')')];
    if !subject.contains(['（', '(']) {
        return subject;
    }
    let mut out = String::with_capacity(subject.len());
    let mut rest = subject.as_str();
    while let Some((at, open)) = rest
        .char_indices()
        .find(|(_, c)| PAIRS.iter().any(|(o, _)| o == c))
    {
        let close = PAIRS
            .iter()
            .find(|(o, _)| *o == open)
            .map_or(')', |(_, c)| *c);
        let after = &rest[at + open.len_utf8()..];
        let Some(end) = after.find(close) else {
            break;
        };
        let aside = &after[..end];
        // 广义货币(M2)余额: a code or another name in Latin letters stays.
        let kept =
            !aside.chars().any(is_han) || suffix(aside, &lexicon.subject_aside_classes).is_some();
        let upto = if kept {
            at + open.len_utf8() + end + close.len_utf8()
        } else {
            at
        };
        out.push_str(&rest[..upto]);
        rest = &after[end + close.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// `subject` after the last appositive it holds (一般贸易代表之一的民营企业进出口
/// → 民营企业进出口): what the number measures is named after "one of …".
fn without_appositive(lexicon: &Lexicon, subject: String) -> String {
    match lexicon.subject_appositives.after_last(&subject) {
        Some(after) if !after.is_empty() => after.to_string(),
        _ => subject,
    }
}

/// `subject` without the adverbs that never belong inside one (太阳能电池分别出口
/// → 太阳能电池出口).
fn without_adverbs(lexicon: &Lexicon, subject: String) -> String {
    if !lexicon.subject_never_inside.occurs_in(&subject) {
        return subject;
    }
    let mut out = String::with_capacity(subject.len());
    let mut rest = subject.as_str();
    while let Some(at) = lexicon.subject_never_inside.first_from(rest, 0) {
        out.push_str(&rest[..at]);
        let skip = match lexicon.subject_never_inside.prefix_of(&rest[at..]) {
            Some(word) => word.len(),
            None => {
                let c = rest[at..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&rest[at..at + c]);
                c
            }
        };
        if skip == 0 {
            break;
        }
        rest = &rest[at + skip..];
    }
    out.push_str(rest);
    out
}

/// `subject` without a possessive 的 after a short name at its start (东莞的
/// “回暖值” → 东莞“回暖值”, 制造业的总产值 → 制造业总产值). A longer phrase
/// before 的 is a relative clause that names a class (已发布业绩预告的券商股)
/// and keeps it.
fn without_possessive(subject: String) -> String {
    match subject.split_once('的') {
        Some((owner, noun))
            if !noun.is_empty()
                && (1..=POSSESSOR_CHARS).contains(&owner.chars().count())
                && owner.chars().all(is_han) =>
        {
            format!("{owner}{noun}")
        }
        _ => subject,
    }
}

/// 網上銷售佔2025年10月零售業總銷貨價值: the date of a share's base is no
/// part of the subject.
fn without_base_date(lexicon: &Lexicon, s: &str) -> String {
    let Some((i, c)) = s.char_indices().find(|(_, c)| matches!(c, '占' | '佔')) else {
        return s.to_string();
    };
    let base = &s[i + c.len_utf8()..];
    match lexicon
        .dates
        .leading_date
        .find(base)
        .filter(|m| m.end() < base.len() && base[..m.end()].contains(['年', '月', '季']))
    {
        Some(m) => format!("{}{}", &s[..i + c.len_utf8()], &base[m.end()..]),
        None => s.to_string(),
    }
}

/// “外贸 → 外贸: a quotation mark whose partner lies outside the subject goes.
fn without_stray_quotes(s: &str) -> &str {
    let s = if s.contains('”') {
        s
    } else {
        s.trim_start_matches('“')
    };
    if s.contains('“') {
        s
    } else {
        s.trim_end_matches('”')
    }
}

/// 国有控股企业实现利润总额 → 国有控股企业利润总额: a light verb between a
/// body and a measured quantity (one holding a `heads` noun) is dropped, and
/// the body kept, so that the figures of different bodies stay apart. An
/// adverb of totals before the verb goes with it (机场共完成旅客吞吐量).
fn join_light_verb(lexicon: &Lexicon, s: &str) -> Option<String> {
    let i = lexicon.subject_light_verbs.first_from(s, 0)?;
    let verb = lexicon.subject_light_verbs.prefix_of(&s[i..])?;
    let (body, object) = (&s[..i], &s[i + verb.len()..]);
    let body = strip_leading(lexicon, body);
    let body = lexicon
        .subject_totals
        .suffix_of(body)
        .map_or(body, |adverb| &body[..body.len() - adverb.len()]);
    (body.chars().count() >= 2 && lexicon.subject_heads.occurs_in(object))
        .then(|| format!("{body}{object}"))
}

/// A phrase that closes its clause with 中 or 当中 (70个大中城市中，…) frames
/// what follows: among these. Nouns that end in 中 (普通高中, 其中) keep it.
fn without_among<'p>(lexicon: &Lexicon, phrase: &'p str, after: &str) -> &'p str {
    if !after.starts_with(is_clause_end) {
        return phrase;
    }
    let Some(noun) = phrase
        .strip_suffix("当中")
        .or_else(|| phrase.strip_suffix('中'))
    else {
        return phrase;
    };
    let long_enough = noun.chars().nth(1).is_some() || phrase.ends_with("当中");
    let whole = long_enough && suffix(noun, &lexicon.subject_among_nouns).is_none();
    if whole {
        noun
    } else {
        phrase
    }
}

/// Drops the body that acts before an adverb of totals, when what it did
/// follows (纪检监察机关共接收信访举报 → 接收信访举报).
fn cut_agent<'s>(lexicon: &Lexicon, s: &'s str) -> &'s str {
    for (i, _) in s.char_indices() {
        let Some(agent) = prefix(&s[i..], &lexicon.subject_agents) else {
            continue;
        };
        let rest = &s[i + agent.len()..];
        if let Some(total) = prefix(rest, &lexicon.subject_totals) {
            let deed = &rest[total.len()..];
            if deed.chars().nth(1).is_some() {
                return deed;
            }
        }
    }
    s
}

/// Where a 从…到 frame opens (办理时间从原来的三天缩短为一天 → 办理时间): the
/// first 从 after the start that begins no word (从业人员, 从宽, 从严).
fn from_frame(lexicon: &Lexicon, s: &str) -> Option<usize> {
    s.match_indices(['从', '從'])
        .map(|(k, _)| k)
        .find(|&k| k > 0 && prefix(&s[k..], &lexicon.subject_from_words).is_none())
}

/// True when `after` goes on to a range's other end (-五元七毛八分, 到五块七毛八):
/// what follows is another amount, not a name. (Normalised text has its
/// full-width － and ～ folded to ASCII.)
fn starts_range(after: &str) -> bool {
    after.starts_with(['至', '到', '~', '-', '—', '–'])
}

/// The part after the last conjunction of predicates (且, 并且): what comes
/// before it says something else of the topic (业绩高增且证券业务占营收比重 →
/// 证券业务占营收比重).
fn after_conjunction<'s>(lexicon: &Lexicon, s: &'s str) -> &'s str {
    lexicon.subject_conjunctions.after_last(s).unwrap_or(s)
}

/// Drops a list of names before a numbered apposition that sums them up
/// (集成电路、生物医药、人工智能三大先导产业规模 → 三大先导产业规模).
pub fn cut_enumeration(s: &str) -> &str {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for w in chars.windows(2) {
        let ((i, a), (_, b)) = (w[0], w[1]);
        if crate::numeral::digit_value(a).is_some_and(|d| d > 1) && (b == '大' || b == '类') {
            return if s[..i].contains('、') { &s[i..] } else { s };
        }
    }
    s
}

/// The longest text before a verb that [`cut_before_verb`] drops: longer
/// openings are usually names (雄安新区中关村科技园新增入驻企业) and stay.
const MAX_CUT_CHARS: usize = 5;

/// Drops an adverbial opening before the first listed verb: a short one
/// (及时拦截被骗资金 → 拦截被骗资金) or one holding a coverb (居民在重庆使用…).
/// A verb inside a noun (病床使用率) is no such verb.
fn cut_before_verb<'s>(lexicon: &Lexicon, s: &'s str) -> &'s str {
    let mut from = s.chars().next().map_or(0, char::len_utf8);
    let verb = loop {
        let Some(i) = lexicon.subject_verbs.first_from(s, from) else {
            break None;
        };
        let end = i + prefix(&s[i..], &lexicon.subject_verbs).map_or(0, str::len);
        if prefix(&s[end..], &lexicon.subject_verb_nouns).is_none() {
            break Some(i);
        }
        from = end;
    };
    match verb {
        Some(i) => {
            let opening = &s[..i];
            let adverbial = opening.chars().count() <= MAX_CUT_CHARS
                || lexicon
                    .subject_coverbs
                    .iter()
                    .any(|c| opening.contains(c.as_str()));
            if adverbial {
                &s[i..]
            } else {
                s
            }
        }
        None => s,
    }
}

/// Keeps what comes before the first predicate (创新药械获批上市 → 创新药械),
/// or its object when that names a measured quantity (该公司实现营业收入 → 营业收入).
fn cut_at_predicate<'s>(lexicon: &Lexicon, s: &'s str) -> &'s str {
    let third = s.char_indices().nth(2).map_or(s.len(), |(i, _)| i);
    let mut words = None;
    let mut from = third;
    // 新开工项目: a predicate inside a longer word is none.
    let (i, predicate) = loop {
        let Some(i) = lexicon.subject_predicates.first_from(s, from) else {
            return s;
        };
        let predicate = prefix(&s[i..], &lexicon.subject_predicates).map_or(0, str::len);
        if words
            .get_or_insert_with(|| Words::of(s))
            .holds_whole(i, predicate)
        {
            break (i, predicate);
        }
        from = i + predicate.max(1);
    };
    let object = &s[i + predicate..];
    if lexicon.subject_heads.occurs_in(object) {
        object
    } else {
        &s[..i]
    }
}

/// The phrase after the number that names what it measures, if there is one:
/// `的资金外流` always; a bare noun phrase only for counts.
pub fn after_subject(lexicon: &Lexicon, after: &str, kind: Kind) -> Option<String> {
    let (rest, linked) = match after.strip_prefix('的') {
        Some(r) => (r, true),
        None => (after, false),
    };
    let rest = match prefix(rest, &lexicon.subject_coverbs) {
        Some(c) if prefix(rest, &lexicon.subject_kept_openings).is_none() => &rest[c.len()..],
        _ => rest,
    };
    if prefix(rest, &lexicon.subject_not_subjects).is_some() || starts_range(rest) {
        return None;
    }
    if !linked && kind != Kind::Count {
        return None;
    }
    let mut end = 0;
    // The end of a noun that begins like a stop (被告人), read through whole.
    let mut kept_until = 0;
    let read = rest
        .char_indices()
        .nth(AFTER_LIMIT + 4)
        .map_or(rest, |(k, _)| &rest[..k]);
    let mut words = None;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= AFTER_LIMIT
            || is_clause_end(c)
            || c == '、'
            || c.is_ascii_digit()
            || c == '和' && n > 1
        {
            break;
        }
        if let Some(noun) = prefix(&rest[i..], &lexicon.subject_kept_openings) {
            kept_until = kept_until.max(i + noun.len());
        }
        if i < kept_until {
            end = i + c.len_utf8();
            continue;
        }
        let stop = prefix(&rest[i..], &lexicon.subject_after_stops)
            .or_else(|| prefix(&rest[i..], &lexicon.yoy))
            .or_else(|| prefix(&rest[i..], &lexicon.mom))
            .or_else(|| prefix(&rest[i..], &lexicon.subject_verbs))
            .or_else(|| prefix(&rest[i..], &lexicon.subject_predicates));
        if let Some(stop) = stop.filter(|_| n > 0) {
            // 城市平均: a stop inside a word (均 of 平均) ends the phrase before
            // that word; one that only begins a word (共 of 共享单车) is no stop.
            let words = words.get_or_insert_with(|| Words::of(read));
            if !words.is_boundary(i) {
                end = end.min(words.word_start(i));
                break;
            }
            if words.is_boundary(i + stop.len()) {
                break;
            }
        }
        // 有5个上涨: a change verb after a count names no subject.
        let changes = || {
            [&lexicon.up, &lexicon.down]
                .iter()
                .any(|list| prefix(rest, list).is_some_and(|w| w.chars().nth(1).is_some()))
        };
        if !linked
            && n == 0
            && (prefix(&rest[i..], &lexicon.subject_after_stops).is_some() || changes())
        {
            return None;
        }
        end = i + c.len_utf8();
    }
    let phrase = without_among(lexicon, &rest[..end], &rest[end..]);
    let mut chars = phrase.chars();
    let names = match (chars.next(), chars.next()) {
        (Some(_), Some(_)) => phrase.chars().any(is_han),
        // 12个市58个县: one character is a noun when the clause or a number
        // follows, unless it places something (10家中，…) or joins (1,203亿元或3.9%).
        (Some(c), None) => {
            let next = rest[end..].chars().next();
            is_han(c)
                && !lexicon.subject_place_words.contains_char(c)
                && !clause::JOINERS.contains(&c)
                && c != clause::OR
                && next.is_none_or(|n| is_clause_end(n) || n == '、' || n.is_ascii_digit())
        }
        _ => false,
    };
    // 连续12年保持在95%以上: a bare 保持 names nothing.
    let names = names && !lexicon.subject_trailing.contains(phrase);
    names.then(|| phrase.to_string())
}

/// The subject of a clause that follows the number and names what changed
/// (从原来三四天缩短为1小时，办理时间大幅减少 → 办理时间), within the same sentence.
pub fn next_clause_subject(lexicon: &Lexicon, after: &str) -> Option<String> {
    let close = after.find(is_clause_end)?;
    let mut rest = after[close..].chars();
    if rest
        .next()
        .is_some_and(crate::text::clause::is_sentence_end)
    {
        return None;
    }
    let next = rest.as_str();
    let next = &next[..next.find(is_clause_end).unwrap_or(next.len())];
    let verb_at = next.char_indices().take(AFTER_LIMIT).find_map(|(i, _)| {
        [&lexicon.up, &lexicon.down]
            .into_iter()
            .filter_map(|words| prefix(&next[i..], words))
            .any(|w| w.chars().count() > 1)
            .then_some(i)
    })?;
    let subject = before_subject(lexicon, &next[..verb_at]);
    (!subject.is_empty() && !subject.contains(|c: char| c.is_ascii_digit())).then_some(subject)
}

/// The text to read a subject from when the number sits in or just after an
/// adverbial frame `A在B…的情况下`: B inside the frame (对美贸易下降超3成),
/// A right after it (外贸进出口…增长12%). `clause` is the clause up to the
/// number, `before` its part after the previous number, `after` the text after it.
pub fn outside_frame<'t>(
    lexicon: &Lexicon,
    clause: &'t str,
    before: &'t str,
    after: &str,
) -> Option<&'t str> {
    let opening = clause
        .char_indices()
        .skip(2)
        .find(|&(_, c)| c == '在')
        .map(|(i, _)| i)?;
    let closes = |t: &str| {
        prefix(
            t.strip_prefix('的').unwrap_or(t),
            &lexicon.subject_not_subjects,
        )
        .is_some()
    };
    if closes(before) {
        return Some(&clause[..opening]);
    }
    let after = &after[..after.find(is_clause_end).unwrap_or(after.len())];
    let inside =
        opening >= clause.len() - before.len() && lexicon.subject_not_subjects.occurs_in(after);
    // 满意度在40%至50%之间: a number right after 在 is inside no frame.
    inside
        .then(|| &clause[opening + '在'.len_utf8()..])
        .filter(|inner| !inner.is_empty())
}

/// Subjects for the items of a 分别 list: `盗窃、入室盗窃破案率` with two
/// numbers gives 盗窃破案率 and 入室盗窃破案率. The shared head is a listed head
/// noun the last item ends with, else what follows the first item's words in
/// the last item.
pub fn distribute(lexicon: &Lexicon, subject: &str, count: usize) -> Option<Vec<String>> {
    if count < 2 {
        return None;
    }
    // 加工贸易和保税物流进出口: items joined by 和 are the list, not the
    // contraction they share.
    if !subject.contains(clause::JOINERS) {
        if let Some(out) = expand_contraction(lexicon, subject, count) {
            return Some(out);
        }
    }
    let mut parts: Vec<&str> = subject.split('、').collect();
    if parts.len() + 1 == count {
        let last = parts.pop()?;
        // 科技以及信息化行业: 以及 is one joiner, before its 及 could be.
        let (a, b) = last.rsplit_once("以及").or_else(|| {
            clause::JOINERS
                .into_iter()
                .filter(|&c| clause::is_word_joiner(c))
                .find_map(|c| last.rsplit_once(c))
        })?;
        parts.extend([a, b]);
    }
    if parts.len() != count {
        return None;
    }
    trim_first(lexicon, &mut parts);
    let last = parts[count - 1];
    if let Some(out) = one_character_items(&parts) {
        return Some(out);
    }
    let head = shared_tail(parts[0], last)
        .or_else(|| parallel_names(&parts))
        .or_else(|| {
            // 交通事故起数、死亡人数: an item that ends like the head (数) names
            // its own quantity and takes no head.
            suffix(last, &lexicon.subject_heads)
                .filter(|h| h.len() < last.len())
                .filter(|h| {
                    let end = h.chars().next_back();
                    !parts[..count - 1]
                        .iter()
                        .any(|p| p.chars().next_back() == end)
                })
                .map(str::to_string)
        })
        .unwrap_or_default();
    let mut out: Vec<String> = parts[..count - 1]
        .iter()
        .map(|p| format!("{p}{head}"))
        .collect();
    out.push(last.to_string());
    // 第一、二、三产业: the later ordinals share the first one's 第.
    if parts[0].starts_with('第') {
        for item in out.iter_mut().skip(1) {
            let numeral =
                |c: char| crate::numeral::digit_value(c).is_some_and(|d| d > 0) || c == '十';
            if item.starts_with(numeral) {
                item.insert(0, '第');
            }
        }
    }
    Some(out)
}

/// Items of one character that share the rest of the last item (进、出口额 →
/// 进口额, 出口额; 水、电、气费 → 水费, 电费, 气费).
fn one_character_items(parts: &[&str]) -> Option<Vec<String>> {
    let (last, items) = parts.split_last()?;
    let mut chars = last.chars();
    chars.next()?;
    let rest = chars.as_str();
    let single = |p: &&str| p.chars().count() == 1 && p.chars().all(is_han);
    if rest.is_empty() || !items.iter().all(single) {
        return None;
    }
    let mut out: Vec<String> = items.iter().map(|p| format!("{p}{rest}")).collect();
    out.push((*last).to_string());
    Some(out)
}

/// Subjects for a list whose items are packed into one contracted word
/// (存贷款余额 with two numbers gives 存款余额 and 贷款余额).
fn expand_contraction(lexicon: &Lexicon, subject: &str, count: usize) -> Option<Vec<String>> {
    let (word, items) = lexicon
        .subject_contractions
        .iter()
        .filter(|(word, items)| items.len() == count && subject.contains(word.as_str()))
        .max_by_key(|(word, _)| word.len())?;
    Some(
        items
            .iter()
            .map(|item| subject.replacen(word.as_str(), item, 1))
            .collect(),
    )
}

/// The first item of a list of short parallel names may carry an opening
/// with a coverb (我国对前五大贸易伙伴东盟、欧盟): keep only as many characters
/// as the next item. Without one it is a name of its own (化学需氧量、氨氮).
fn trim_first(lexicon: &Lexicon, parts: &mut [&str]) {
    if parts.len() < 2 {
        return;
    }
    let width = parts[1].chars().count();
    if width <= 2 && parts[0].chars().count() > width {
        if let Some((i, _)) = parts[0].char_indices().rev().nth(width - 1) {
            if lexicon.subject_coverbs.occurs_in(&parts[0][..i]) {
                parts[0] = &parts[0][i..];
            }
        }
    }
}

/// Short parallel names (广州、深圳地铁客运量): the last item is a name as long
/// as the one before it, and the rest is the shared head. Items that end as the
/// last one does (风电、太阳能发电) are whole names already.
fn parallel_names(parts: &[&str]) -> Option<String> {
    let before_last = parts.get(parts.len().checked_sub(2)?)?.chars().count();
    let last = parts.last()?;
    let last_char = last.chars().next_back();
    if parts[..parts.len() - 1]
        .iter()
        .any(|p| p.chars().count() > 2 || p.chars().next_back() == last_char)
    {
        return None;
    }
    let cut = last.char_indices().nth(before_last)?.0;
    Some(last[cut..].to_string()).filter(|h| h.chars().count() >= 2)
}

/// What follows the longest ending of `first` found in `last` (盗窃 / 入室盗窃破案率 → 破案率).
fn shared_tail(first: &str, last: &str) -> Option<String> {
    let n = first.chars().count();
    (1..=n)
        .map(|k| first.chars().skip(n - k).collect::<String>())
        .filter_map(|tail| {
            last.rfind(&tail)
                .map(|i| last[i + tail.len()..].to_string())
        })
        .next_back()
        .filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_starts_after_a_conjunction_of_predicates() {
        let lexicon = lexicon();
        assert_eq!(
            after_conjunction(lexicon, "订单回暖且出口占营收比重"),
            "出口占营收比重"
        );
        assert_eq!(
            after_conjunction(lexicon, "出口占营收比重"),
            "出口占营收比重"
        );
    }
    use once_cell::sync::Lazy;

    /// The bundled rules' lexicon, loaded once.
    fn lexicon() -> &'static Lexicon {
        static LEXICON: Lazy<Lexicon> =
            Lazy::new(|| crate::rules::RuleSet::bundled().unwrap().lexicon);
        &LEXICON
    }

    #[test]
    fn a_possessive_after_a_short_name_goes() {
        assert_eq!(without_possessive("东莞的回暖值".into()), "东莞回暖值");
        assert_eq!(without_possessive("制造业的总产值".into()), "制造业总产值");
        assert_eq!(
            without_possessive("已发布业绩预告的券商股".into()),
            "已发布业绩预告的券商股"
        );
        assert_eq!(without_possessive("目标的".into()), "目标的");
    }

    #[test]
    fn dates_inside_a_subject_go() {
        assert_eq!(
            without_inner_dates(lexicon(), "深圳2021年全年地区生产总值".into()),
            "深圳地区生产总值"
        );
        assert_eq!(
            without_inner_dates(lexicon(), "宁波今年3月份成交量".into()),
            "宁波成交量"
        );
        assert_eq!(
            without_inner_dates(lexicon(), "泉州3月份房地产成交量".into()),
            "泉州房地产成交量"
        );
        assert_eq!(
            without_inner_dates(lexicon(), "月度交易数据".into()),
            "月度交易数据"
        );
        assert_eq!(
            without_inner_dates(lexicon(), "2022年度计划投资".into()),
            "2022年度计划投资"
        );
        assert_eq!(without_inner_dates(lexicon(), "12月份".into()), "12月份");
        assert_eq!(
            without_inner_dates(lexicon(), "外贸进出口自2020年第三季度起".into()),
            "外贸进出口"
        );
        // A quarter without its year, as Hong Kong writes it.
        assert_eq!(
            without_inner_dates(lexicon(), "第三季本地生产总值".into()),
            "本地生产总值"
        );
    }

    #[test]
    fn distributes_a_shared_head() {
        let lexicon = crate::rules::RuleSet::bundled().unwrap().lexicon;
        assert_eq!(
            distribute(&lexicon, "交通事故起数、死亡人数", 2).unwrap(),
            vec!["交通事故起数".to_string(), "死亡人数".to_string()]
        );
        assert_eq!(
            distribute(&lexicon, "我国对前五大贸易伙伴东盟、欧盟、美国进出口", 3).unwrap()[0],
            "东盟进出口"
        );
        assert!(
            distribute(&lexicon, "化学需氧量、氨氮、氮氧化物排放量", 3).unwrap()[0]
                .starts_with("化学需氧量")
        );
        assert_eq!(
            distribute(&lexicon, "风电、太阳能发电", 2).unwrap(),
            vec!["风电".to_string(), "太阳能发电".to_string()]
        );
        assert_eq!(
            distribute(&lexicon, "盗窃、入室盗窃破案率", 2).unwrap(),
            vec!["盗窃破案率".to_string(), "入室盗窃破案率".to_string()]
        );
        assert_eq!(
            distribute(&lexicon, "金融业、软件和信息服务业增加值", 2).unwrap(),
            vec![
                "金融业增加值".to_string(),
                "软件和信息服务业增加值".to_string()
            ]
        );
        assert_eq!(
            distribute(&lexicon, "东盟、美国和日本进出口", 3).unwrap(),
            vec![
                "东盟进出口".to_string(),
                "美国进出口".to_string(),
                "日本进出口".to_string()
            ]
        );
        assert_eq!(
            distribute(&lexicon, "银行机构本外币存贷款余额", 2).unwrap(),
            vec![
                "银行机构本外币存款余额".to_string(),
                "银行机构本外币贷款余额".to_string()
            ]
        );
        assert_eq!(
            distribute(&lexicon, "基础研究、应用研究和试验发展经费所占比重", 3).unwrap(),
            vec![
                "基础研究所占比重".to_string(),
                "应用研究所占比重".to_string(),
                "试验发展经费所占比重".to_string()
            ]
        );
        assert!(distribute(&lexicon, "存贷款余额", 3).is_none());
        assert!(distribute(&lexicon, "盗窃破案率", 2).is_none());
    }

    #[test]
    fn a_joiner_left_by_a_stripped_opening_goes_too() {
        let lexicon = crate::rules::RuleSet::bundled().unwrap().lexicon;
        assert_eq!(
            strip_leading(&lexicon, "新增及改造公交线路"),
            "改造公交线路"
        );
        assert_eq!(strip_leading(&lexicon, "新建和改扩建学校"), "改扩建学校");
        assert_eq!(strip_leading(&lexicon, "和平区学校"), "和平区学校");
    }
}
