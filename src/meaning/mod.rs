//! Meaning: what each number measures (subject), whether it is a change
//! (direction), against what (comparison), and when (period).
//!
//! Numbers are read in list groups ([`crate::model::candidate::ListGroup`]): the members
//! of `盗窃、入室盗窃破案率同比分别提升17.8、19.8个百分点` share one clause,
//! verb and marker, and each gets its own subject.

pub mod change;
pub mod opening;
pub mod period;
pub mod subject;

use std::sync::Arc;

use crate::model::candidate::{Candidate, ListGroup, Meaning};
use crate::model::metric::{Comparison, Direction, Kind, Qualifier};
use crate::model::published::Published;
use crate::numeral::table::{table, NumeralChar};
use crate::numeral::unit_exp;
use crate::rules::Lexicon;
use crate::text::clause;
use crate::text::normalize::is_han;
use crate::text::word_set::{self, suffix, WordSet};

/// At most this many characters before a number are read for its meaning
/// (text without punctuation must not make a subject of megabytes).
pub const CLAUSE_WINDOW: usize = 80;

/// Signs written against a number: a signed change needs no verb (同比-4%).
const SIGNS: [char; 5] = ['-', '+', '－', '＋', '−'];

/// How a number with no change word is labelled.
const NO_CHANGE: &str = "no change word before the number";

/// How a change with no base named is labelled.
const NO_COMPARISON: &str = "no marker or frame names a base";

/// How a number that nothing dates is labelled.
const NO_PERIOD: &str = "nothing in the text or its metadata dates it";

/// The subject read for a number, and how it was found.
struct Found {
    subject: String,
    source: &'static str,
}

/// How far back, in characters, an opening frame (与上年同期相比，) is looked for.
const FRAME_WINDOW: usize = 40;

/// The source of a subject read as a contribution to growth.
const CONTRIBUTION: &str = "a contribution to growth: who drove what";

/// How a subject taken over from the number before is labelled.
const CONTINUED: &str = "previous number in the sentence";

/// How a subject that continues the one before it is labelled (总量, 占全国).
const RELATIVE: &str = "continues the previous subject";

/// How the subject of a threshold amount is labelled (年销售额超100亿元的企业).
const THRESHOLD: &str = "clause before a threshold (超…的)";

/// How a subject read after its number is labelled (阻断了近百亿元的资金外流).
const FROM_AFTER: &str = "after the number";

/// The previous number's subject and where its sentence ends.
struct Previous<'m> {
    subject: &'m str,
    /// The topic of the subject: all of it, or the part before an attribute.
    topic: &'m str,
    comparison: Option<Comparison>,
    end: usize,
}

/// Groups a reader keeps from one part of a document for the next. What a
/// number reads of the numbers before it stays inside its sentence, and parts
/// end at a line break.
const HISTORY_GROUPS: usize = 64;

/// Reads the meaning of a document's numbers part by part, in document order:
/// each number is read against the numbers before it, those of earlier parts
/// included. `text` is the whole normalised document; `published`, when known,
/// dates what the text leaves relative.
pub struct Reader<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    dates: period::DateIndex,
    headline: Option<std::ops::Range<usize>>,
    /// The last groups read, their meanings in their members.
    history: Vec<ListGroup>,
    /// Where the last group ended, and the clause before it.
    previous_end: usize,
    previous_before: &'a str,
    /// The subjects a 分别 list still owes to the groups linked after it
    /// (分别上升5.1%、下降2.3%和增长18.6%), last first, and the list's comparison.
    owed: Vec<String>,
    owed_comparison: Option<Comparison>,
}

impl<'a> Reader<'a> {
    /// A reader of the numbers of `text`.
    pub fn new(
        lexicon: &'a Lexicon,
        text: &'a str,
        calendar: period::Calendar,
        published: Option<Published>,
    ) -> Reader<'a> {
        Reader {
            lexicon,
            text,
            dates: period::DateIndex::new(lexicon, text, calendar, published),
            headline: headline(text),
            history: Vec::new(),
            previous_end: 0,
            previous_before: "",
            owed: Vec::new(),
            owed_comparison: None,
        }
    }

    /// Reads the meanings of `groups`, the next groups of the document, into
    /// their members, and hands them back.
    pub fn interpret(&mut self, groups: Vec<ListGroup>) -> Vec<ListGroup> {
        let first = self.history.len();
        let mut all = std::mem::take(&mut self.history);
        all.extend(groups);
        let mut out: Vec<Vec<Meaning>> = all[..first]
            .iter()
            .map(|g| g.members.iter().map(|c| c.meaning.clone()).collect())
            .collect();
        self.read_meanings(&all, first, &mut out);
        for (group, meanings) in all.iter_mut().zip(out).skip(first) {
            for (member, meaning) in group.members.iter_mut().zip(meanings) {
                member.meaning = meaning;
            }
        }
        let read = all.split_off(first);
        let kept_from = read.len().saturating_sub(HISTORY_GROUPS);
        all.extend_from_slice(&read[kept_from..]);
        self.history = all.split_off(all.len().saturating_sub(HISTORY_GROUPS));
        read
    }

    /// The meanings of the members of `groups[first..]`, group by group, pushed
    /// onto `out` (which holds those of `groups[..first]`): each is read against
    /// the groups before it and the meanings they were given.
    fn read_meanings(&mut self, groups: &[ListGroup], first: usize, out: &mut Vec<Vec<Meaning>>) {
        let (lexicon, text) = (self.lexicon, self.text);
        let dates = &self.dates;
        let headline = &self.headline;
        let mut previous_end = self.previous_end;
        let mut previous_before = self.previous_before;
        let owed = &mut self.owed;
        let owed_comparison = &mut self.owed_comparison;
        for (index, group) in groups.iter().enumerate().skip(first) {
            let start = group.start();
            if index == 0 || !is_list_link(lexicon, &text[previous_end..start]) {
                owed.clear();
            }
            let floor = clause::window_start(text, previous_end.min(start), start, CLAUSE_WINDOW);
            let clause_from = clause::clause_start(text, floor, start);
            let before = &text[clause_from..start];
            let previous_group = out.last().and_then(|g| g.last());
            // 材料52% after 压减时间58%、: a bare item continuing the clause shares
            // the change verb that opened it.
            let continues_list = before.starts_with('、')
                && change::leading_change(lexicon, previous_before).is_some()
                && subject::before_subject(lexicon, before) == before.trim_start_matches('、')
                && word_set::prefix(before.trim_start_matches('、'), &lexicon.subject_gaps)
                    .is_none();
            // 增加1,203亿元或3.9%: the same change told again in another unit.
            let restates = before.chars().eq([clause::OR]);
            let (direction, comparison, shared_sources) =
                match (change::direction(lexicon, before), previous_group) {
                    (None, Some(p)) if continues_list || restates => {
                        let source = if restates {
                            "the same change told again in another unit"
                        } else {
                            "the list its change verb opened"
                        };
                        (p.direction, p.comparison, (source, source))
                    }
                    (d, _) => {
                        let direction_source = match d {
                            Some(_) => "a change word before the number",
                            None => NO_CHANGE,
                        };
                        let marked = change::comparison(lexicon, before);
                        let framed = marked.is_none().then(|| {
                            let from = clause::window_start(text, 0, clause_from, FRAME_WINDOW);
                            change::framed_comparison(lexicon, &text[from..start])
                        });
                        let comparison_source = match (marked, framed.flatten()) {
                            (Some(_), _) => "a marker before the number",
                            (None, Some(_)) => "the frame the sentence opens with",
                            (None, None) => NO_COMPARISON,
                        };
                        (
                            d,
                            marked.or(framed.flatten()),
                            (direction_source, comparison_source),
                        )
                    }
                };
            let last_kind = group
                .members
                .last()
                .map_or(Kind::Count, |c| c.quantity.kind);
            let period = dates
                .own_period(lexicon, text, start, is_ratio(last_kind))
                .or_else(|| dates.period_at(start));
            // 较二〇二四年同月上升 in a figure of 2025: the base is a year earlier.
            // 比9月末减少 in a figure of October: the base is the month before.
            let dated_base = comparison.is_none().then(|| {
                let period: &str = &period.as_ref()?.period;
                let year = period.get(..4)?;
                if period::is_year_before_base(lexicon, before, year) {
                    Some(Comparison::Yoy)
                } else {
                    period::is_month_before_base(lexicon, before, period).then_some(Comparison::Mom)
                }
            });
            let shared_sources = match dated_base.flatten() {
                Some(_) => (
                    shared_sources.0,
                    "a base dated a year or a month before the figure",
                ),
                None => shared_sources,
            };
            let comparison = comparison.or(dated_base.flatten());

            let members = &group.members;
            let streak = word_set::suffix(before, &lexicon.subject_after_markers).is_some();
            let last = members.last().map_or(start, |c| c.end);
            let kind = members.last().map_or(Kind::Count, |c| c.quantity.kind);
            // 8支市级高精尖产业基金带动社会投资: the noun read after the previous number is its own.
            // 42个国控断面水质优良(Ⅰ～Ⅲ类)比例: a bracket right after it qualifies that noun.
            let own_before = previous_group
                .filter(|p| p.subject_source == FROM_AFTER && !p.subject.is_empty())
                .and_then(|p| before.strip_prefix(p.subject.as_str()))
                .filter(|rest| !rest.starts_with(['(', '（']))
                .unwrap_or(before);
            let whole_clause = &text[clause::clause_start(
                text,
                clause::window_start(text, 0, start, CLAUSE_WINDOW),
                start,
            )..start];
            let group_before = index.checked_sub(1).map(|i| &groups[i]);
            let own_before = match own_before {
                "" => name_beside_bracket(text, start, group_before).unwrap_or(own_before),
                _ => own_before,
            };
            let subject_before =
                subject::outside_frame(lexicon, whole_clause, own_before, &text[last..])
                    .unwrap_or(own_before);
            // A subject read after a number ends where the next number starts
            // (亿元以上项目五十八个 → 项目).
            let next_start = groups.get(index + 1).map_or(text.len(), |g| g.start());
            let bounded = members
                .last()
                .is_some_and(|c| is_threshold(lexicon, text, c));
            let shared = clause_subject(
                lexicon,
                text,
                subject_before,
                (last, next_start),
                (kind, bounded),
            );
            let distributed = if !owed.is_empty() {
                let n = members.len().min(owed.len());
                let parts: Vec<String> = owed.drain(owed.len() - n..).rev().collect();
                (n == members.len()).then_some(parts)
            } else if change::before_respectively(lexicon, before).is_some()
                || pairs_two_items(text, members, &shared.subject)
            {
                let total = members.len() + linked_members(lexicon, text, &groups[index..]);
                let mut parts =
                    subject::distribute(lexicon, &shared.subject, total).or_else(|| {
                        // A list naming nothing, or only a relative word (总数分别达到
                        // 386家、158家), measures the subjects of the numbers before it.
                        let relative = lexicon.subject_relative.contains(&shared.subject);
                        let earlier = (&groups[..index], out.as_slice());
                        let subjects = (shared.subject.is_empty() || relative)
                            .then(|| earlier_subjects(text, earlier, start, total))
                            .flatten()?;
                        Some(subjects.into_iter().map(|s| s + &shared.subject).collect())
                    });
                if let Some(all) = parts.as_mut() {
                    *owed = all.split_off(members.len().min(all.len()));
                    owed.reverse();
                    *owed_comparison = comparison;
                }
                parts
            } else {
                None
            };
            let in_owed_list =
                distributed.is_some() && change::before_respectively(lexicon, before).is_none();
            // 同比、环比分别增长5.2%和1.3%: each item has its own comparison.
            let listed = change::listed_comparisons(lexicon, before)
                .filter(|list| list.len() == members.len());
            let comparison = comparison.or((*owed_comparison).filter(|_| in_owed_list));
            let mut meanings: Vec<Meaning> = Vec::with_capacity(members.len());
            for (k, member) in members.iter().enumerate() {
                let own = own_segment(text, members, k);
                let mut found = match (&distributed, own) {
                    (_, Some(seg)) => clause_subject(
                        lexicon,
                        text,
                        seg,
                        (member.end, next_start),
                        (member.quantity.kind, is_threshold(lexicon, text, member)),
                    ),
                    (Some(parts), None) => Found {
                        subject: parts[k].clone(),
                        source: "分别 list",
                    },
                    (None, None) => Found {
                        subject: shared.subject.clone(),
                        source: shared.source,
                    },
                };
                let previous = meanings
                    .last()
                    .map(|m| Previous {
                        subject: &m.subject,
                        topic: m.topic(),
                        comparison: m.comparison,
                        end: members[k - 1].end,
                    })
                    .or_else(|| {
                        out.last().and_then(|g| g.last()).map(|m| Previous {
                            subject: &m.subject,
                            topic: m.topic(),
                            comparison: m.comparison,
                            end: previous_end,
                        })
                    });
                let seg = own.unwrap_or(before);
                // A clause with no subject of its own reads on past a semicolon.
                let end = if found.subject.is_empty() {
                    clause::is_full_stop
                } else {
                    clause::is_sentence_end
                };
                let same_sentence =
                    |p: &Previous| p.end > 0 && !text[p.end..member.start].contains(end);
                // 新增123名: newly added items are a new topic, not the previous
                // number's; with no name of their own they are of the last number
                // counted alike (经营主体28.6万户，…，日均新登记783户).
                let adds_new = lexicon.neutral.occurs_in(seg);
                let previous = previous.filter(|p| same_sentence(p) && !adds_new);
                if adds_new && found.subject.is_empty() {
                    let earlier = (&groups[..index], out.as_slice());
                    let own = (&members[..k], meanings.as_slice());
                    if let Some(s) = same_unit_subject(text, own, earlier, member) {
                        found = Found {
                            subject: s.to_string(),
                            source: "newly added: the last number counted alike",
                        };
                    }
                }
                // 稳定站上800亿斤台阶 安徽粮食总量排名升至全国第4位: a headline
                // phrase naming nothing measures the topic of the phrase after it.
                if found.subject.is_empty()
                    && headline.as_ref().is_some_and(|h| h.contains(&member.start))
                {
                    if let Some(s) = headline_topic(lexicon, &text[member.end..]) {
                        found = Found {
                            subject: s,
                            source: "the topic of the headline's next phrase",
                        };
                    }
                }
                let mut topic_len = 0;
                // 占比27% after “80后”位列第二: an attribute alone is of the topic
                // the clause before names.
                let attribute_only = lexicon.subject_attributes.contains(&found.subject);
                let from_clause_before = (k == 0 && (found.subject.is_empty() || attribute_only))
                    .then(|| {
                        let before = ClauseBefore {
                            from: clause_from,
                            rows_end: previous_end,
                            attribute_only,
                        };
                        clause_before_subject(lexicon, text, before)
                    })
                    .flatten();
                if let Some(s) = from_clause_before {
                    let attribute = if attribute_only {
                        found.subject.as_str()
                    } else {
                        ""
                    };
                    if attribute_only {
                        topic_len = s.subject.len();
                    }
                    found = Found {
                        subject: s.subject + attribute,
                        source: s.source,
                    };
                } else if let Some(prev) = &previous {
                    // 保有量达到56.8万辆，占汽车总量的12.3%，较上年末增加18.6万辆:
                    // an amount naming nothing continues the last amount counted
                    // alike, not the share of it in between.
                    let alike = (found.subject.is_empty() && !is_ratio(member.quantity.kind))
                        .then(|| {
                            let earlier = (&groups[..index], out.as_slice());
                            let own = (&members[..k], meanings.as_slice());
                            same_unit_subject(text, own, earlier, member)
                        })
                        .flatten()
                        .filter(|s| prev.subject.len() > s.len() && prev.subject.starts_with(s));
                    topic_len = continue_topic(
                        lexicon,
                        &mut found,
                        (alike.unwrap_or(prev.subject), prev.topic),
                        member.quantity.kind,
                    );
                }
                // 年销售额超100亿元的龙头企业4家: a count of the class a threshold
                // names is of the whole class, threshold included.
                if k == 0 && member.quantity.kind == Kind::Count {
                    let threshold = group_before
                        .and_then(|g| g.members.last())
                        .zip(out.last().and_then(|m| m.last()))
                        .filter(|(_, m)| m.subject_source == THRESHOLD);
                    if let Some((bound, m)) = threshold {
                        let class = &text[bound.end..member.start];
                        let names_it = class.strip_prefix('的') == Some(found.subject.as_str())
                            && !class.contains(clause::is_clause_end);
                        if names_it {
                            found = Found {
                                subject: format!(
                                    "{}{}",
                                    m.subject,
                                    &text[bound.start..member.start]
                                ),
                                source: "the class a threshold before it names",
                            };
                        }
                    }
                }
                // 其中，城市上涨0.3%: a place alone measures what the figure it
                // breaks down measures, in this sentence or the one it opens under.
                // Under 其中 it is the last figure before that word; a list under
                // a heading measures what the heading names.
                let heading;
                let introducer = match breakdown_at(lexicon, text, member.start) {
                    Some(at) => {
                        let own = members[..k].iter().zip(&meanings).rev();
                        let earlier = groups[..index]
                            .iter()
                            .zip(out.iter())
                            .rev()
                            .flat_map(|(g, m)| g.members.iter().zip(m).rev());
                        own.chain(earlier)
                            .find(|(c, _)| c.end <= at)
                            .map(|(_, m)| m.subject.as_str())
                    }
                    None => match previous.as_ref() {
                        Some(p) => Some(p.subject),
                        None => {
                            heading = list_heading(lexicon, text, member.start);
                            heading.as_deref()
                        }
                    },
                };
                if !matches!(member.quantity.kind, Kind::Count | Kind::Duration)
                    && found.source != FROM_AFTER
                {
                    if let Some(s) =
                        introducer.and_then(|i| subject::of_place(lexicon, &found.subject, i))
                    {
                        found = Found {
                            subject: s,
                            source: "a place alone: the measure of the figure it breaks down",
                        };
                    }
                }
                // A stock's figures are dated at a moment, its rate and increment too.
                let continues = matches!(found.source, CONTINUED | RELATIVE);
                let of_stock = lexicon.stocks.occurs_in(&found.subject)
                    || continues
                        && previous
                            .as_ref()
                            .is_some_and(|p| lexicon.stocks.occurs_in(p.subject));
                if let Some(flow) = flow_of_balance(lexicon, &found, seg, member.quantity.kind) {
                    found = flow;
                }
                let own_direction = own.and_then(|seg| change::direction(lexicon, seg));
                // 涨幅连续6个月扩大: the length of a streak is no amount of change.
                let direction = own_direction.or(direction).filter(|_| !streak);
                // 销售额同比-4%: a signed number right after a marker is the change.
                let signed = direction.is_none()
                    && text[member.start..member.end].starts_with(SIGNS)
                    && change::marker_at_end(lexicon, seg);
                let direction = if signed {
                    Some(Direction::Up)
                } else {
                    direction
                };
                let direction_source = match (streak, own_direction) {
                    _ if signed => "a signed number right after a comparison marker",
                    (true, _) => "the length of a streak, no change",
                    (false, Some(_)) => "a change word in its own part of the list",
                    (false, None) => shared_sources.0,
                };
                // 比上年增加222亿斤，增长1.6%: a change of the same series keeps its base.
                // A clause with a base of its own (降幅比1-2月收窄) does not.
                let own_base = seg.contains(['比', '较', '較']);
                let carried = previous
                    .filter(|_| found.source == CONTINUED && !own_base)
                    .and_then(|p| p.comparison);
                // 贷款余额2.3万亿元 under 前三季度: a stock is counted at the span's end.
                let dated = match &period {
                    Some(p) if of_stock => period::last_month_of(&p.period)
                        .map(|end| period::Dated {
                            period: Arc::from(end),
                            source: "a stock (余额, 资产): the last month of its period",
                        })
                        .or_else(|| period.clone()),
                    _ => period.clone(),
                };
                meanings.push(Meaning {
                    subject: subject::tidied(lexicon, found.subject),
                    direction,
                    comparison: listed
                        .as_ref()
                        .map_or(comparison.or(carried), |list| list.get(k).copied())
                        .filter(|_| direction.is_some()),
                    direction_source,
                    comparison_source: match (direction, &listed, comparison, carried) {
                        (None, ..) => "none: the number is no change",
                        (Some(_), Some(_), ..) => "its own marker in a list of markers",
                        (Some(_), None, Some(_), _) if shared_sources.1 != NO_COMPARISON => {
                            shared_sources.1
                        }
                        (Some(_), None, Some(_), _) => "the list of changes it continues",
                        (Some(_), None, None, Some(_)) => "the previous number's, continued",
                        (Some(_), None, None, None) => NO_COMPARISON,
                    },
                    period: dated.as_ref().map(|d| d.period.clone()),
                    period_source: dated.map_or(NO_PERIOD, |d| d.source),
                    topic_len,
                    subject_source: found.source,
                });
            }
            out.push(meanings);
            previous_end = last;
            previous_before = before;
        }
        self.previous_end = previous_end;
        self.previous_before = previous_before;
    }
}

/// The distinct subjects of the `count` numbers before `start` in its
/// sentence, in order: `A达X，B达Y，分别增长P、Q` gives A and B. Only levels
/// count; a change among them means the list is something else.
fn earlier_subjects(
    text: &str,
    (groups, meanings): (&[ListGroup], &[Vec<Meaning>]),
    start: usize,
    count: usize,
) -> Option<Vec<String>> {
    let mut found: Vec<String> = Vec::with_capacity(count);
    for (group, group_meanings) in groups.iter().zip(meanings).rev() {
        for (member, m) in group.members.iter().zip(group_meanings).rev() {
            let between = text.get(member.end..start)?;
            if between.contains(clause::is_sentence_end) || m.direction.is_some() {
                return None;
            }
            if !m.subject.is_empty() && !found.contains(&m.subject) {
                found.push(m.subject.clone());
            }
            if found.len() == count {
                found.reverse();
                return Some(found);
            }
        }
    }
    None
}

/// The subject of the last number before `member` in its sentence counted in
/// the same unit: first among the earlier members of its own group, then in
/// the groups before it.
fn same_unit_subject<'m>(
    text: &str,
    own: (&[Candidate], &'m [Meaning]),
    earlier: (&[ListGroup], &'m [Vec<Meaning>]),
    member: &Candidate,
) -> Option<&'m str> {
    let own_pairs = own.0.iter().zip(own.1).rev();
    let earlier_pairs = earlier
        .0
        .iter()
        .zip(earlier.1)
        .rev()
        .flat_map(|(group, meanings)| group.members.iter().zip(meanings).rev());
    for (candidate, meaning) in own_pairs.chain(earlier_pairs) {
        let between = text.get(candidate.end..member.start)?;
        if between.contains(clause::is_full_stop) {
            return None;
        }
        if candidate.quantity.unit == member.quantity.unit && !meaning.subject.is_empty() {
            return Some(&meaning.subject);
        }
    }
    None
}

/// True when `link`, the text between two numbers, joins them as items of one
/// list: a joiner (、 和 及 与), then at most a change verb (、下降, 和增长).
fn is_list_link(lexicon: &Lexicon, link: &str) -> bool {
    let Some(rest) = link.strip_prefix(clause::JOINERS) else {
        return false;
    };
    let rest = rest.trim_end_matches('了');
    rest.is_empty()
        || [&lexicon.up, &lexicon.down]
            .iter()
            .any(|words| word_set::prefix(rest, words) == Some(rest))
}

/// The members of the groups after the first of `groups` that continue its
/// list through [`is_list_link`].
fn linked_members(lexicon: &Lexicon, text: &str, groups: &[ListGroup]) -> usize {
    let mut end = groups.first().map_or(0, |g| g.end());
    let mut count = 0;
    for group in groups.iter().skip(1) {
        match text.get(end..group.start()) {
            Some(link) if is_list_link(lexicon, link) => {
                count += group.members.len();
                end = group.end();
            }
            _ => break,
        }
    }
    count
}

/// The text between a member and the one before it, when it says more than 、.
fn own_segment<'t>(text: &'t str, members: &[Candidate], k: usize) -> Option<&'t str> {
    let prev = members.get(k.checked_sub(1)?)?;
    let seg = text.get(prev.end..members[k].start)?;
    let seg = seg.trim_start_matches(['、', '和', '及']);
    seg.chars().any(is_han).then_some(seg)
}

/// The subject from a clause's text before the number, else from after it,
/// up to the next number. `span` is where the number ends and the next starts.
fn clause_subject(
    lexicon: &Lexicon,
    text: &str,
    before: &str,
    span: (usize, usize),
    (kind, bounded): (Kind, bool),
) -> Found {
    let (end, next_start) = span;
    let until_next = text.get(end..next_start).unwrap_or("");
    // 开工建设10亿元以上重大产业项目47个: an amount with a bound right before
    // a noun is a threshold that names a class; what it measures is that
    // class. (A share's bound before a noun, 保持在6%以上水平, is not.)
    if !is_ratio(kind) && word_set::suffix(&text[..end], &lexicon.subject_thresholds).is_some() {
        if let Some(s) = subject::after_subject(lexicon, until_next, Kind::Count) {
            return Found {
                subject: s,
                source: "after the number (a threshold before a noun)",
            };
        }
    }
    if word_set::suffix(before, &lexicon.subject_after_markers).is_some() {
        if let Some(s) = subject::after_subject(lexicon, until_next, Kind::Count) {
            return Found {
                subject: s,
                source: "after the number (连续…)",
            };
        }
    }
    // A contribution is stated in percentage points of the whole's growth.
    if kind == Kind::PercentagePoint {
        if let Some(s) = subject::contribution(lexicon, before) {
            return Found {
                subject: s,
                source: CONTRIBUTION,
            };
        }
    }
    let mut from_before = subject::before_subject(lexicon, before);
    // 介于8%与10%之间, 增加1,203亿元或3.9%: a joiner alone names nothing.
    if from_before
        .chars()
        .all(|c| clause::JOINERS.contains(&c) || c == clause::OR)
    {
        from_before.clear();
    }
    // 中间价为1美元兑7.1055元: the base amount of a rate is no part of the subject.
    if let Some(i) = from_before
        .strip_suffix('兑')
        .and_then(|body| body.rfind(['为', '為', '是']))
    {
        from_before.truncate(i);
    }
    // 判处五年以上有期徒刑的1.1万人: a relative clause names what is counted.
    let relative_clause =
        (!is_ratio(kind) && from_before.ends_with('的') && !from_before.starts_with(['为', '為']))
            .then(|| from_before.clone());
    if relative_clause.is_some() {
        from_before.pop();
    }
    if from_before.starts_with(['从', '從']) {
        if let Some(s) = subject::next_clause_subject(lexicon, &text[end..]) {
            return Found {
                subject: s,
                source: "next clause (从… names no subject)",
            };
        }
    }
    let linked = until_next.starts_with('的');
    let from_after = subject::after_subject(
        lexicon,
        until_next,
        if from_before.is_empty() {
            Kind::Count
        } else {
            kind
        },
    );
    match from_after {
        // 已发布业绩预告的14只券商股: the clause before says which of them.
        Some(s) if kind == Kind::Count && !linked && relative_clause.is_some() => Found {
            subject: format!("{}{s}", relative_clause.unwrap_or_default()),
            source: "a relative clause before the number and the noun after it",
        },
        // 年销售额超100亿元的龙头企业, 下降不超过35%的城市: a bound amount
        // before 的 is a threshold naming a class; it measures what comes before.
        Some(_) if linked && bounded && kind != Kind::Count && !from_before.is_empty() => Found {
            subject: from_before,
            source: THRESHOLD,
        },
        Some(s) if linked || from_before.is_empty() || kind == Kind::Count => Found {
            subject: s,
            source: FROM_AFTER,
        },
        _ => Found {
            source: if from_before.is_empty() {
                "none found"
            } else {
                "clause before the number"
            },
            subject: from_before,
        },
    }
}

/// 加工贸易和保税物流进出口10293亿元和3544.9亿元: two numbers joined by 和
/// after two items joined by 和 pair up as 分别 would pair them, and so do two
/// such numbers after them that name nothing (同增1.9%和38.4%).
fn pairs_two_items(text: &str, members: &[Candidate], subject: &str) -> bool {
    let [first, second] = members else {
        return false;
    };
    let mut between = text.get(first.end..second.start).unwrap_or("").chars();
    let joined = between.next().is_some_and(clause::is_word_joiner) && between.next().is_none();
    let two_items = subject.matches(clause::is_word_joiner).count() == 1 && !subject.contains('、');
    // 同增1.9%和38.4%: a pair naming nothing pairs with the numbers before.
    joined && (two_items || subject.is_empty())
}

/// `subject` up to the first word of any of `lists` (all of it when none occurs).
fn before_any<'s>(subject: &'s str, lists: &[&WordSet]) -> &'s str {
    let cut = lists
        .iter()
        .filter_map(|words| words.first_from(subject, 0))
        .min()
        .unwrap_or(subject.len());
    &subject[..cut]
}

/// Chinese drops a repeated topic: an empty subject is the previous number's,
/// a gap (高于全国) or a share of a base (为年度计划的112%, 完成年度目标的87.1%)
/// measures it, a relative one (总量, 占全国) continues it, and an attribute
/// (个数占比, 总投资) is the previous number's topic's. Returns the length of
/// the topic put before an attribute (0 when none was).
fn continue_topic(
    lexicon: &Lexicon,
    found: &mut Found,
    (previous, previous_topic): (&str, &str),
    kind: Kind,
) -> usize {
    if previous.is_empty() {
        return 0;
    }
    if found.subject.is_empty() {
        found.subject = previous.to_string();
        found.source = CONTINUED;
    } else if word_set::prefix(&found.subject, &lexicon.subject_gaps).is_some()
        || (found.subject.ends_with('的')
            && (found.subject.starts_with(['为', '為']) || is_ratio(kind)))
    {
        found.subject = previous.to_string();
        found.source = "a gap or a share of a base: the previous subject";
    } else if found.source == CONTRIBUTION
        && word_set::prefix(&found.subject, &lexicon.subject_contributions).is_some()
    {
        // 江苏省出口机电产品…，占出口总值的65.9%，拉动出口增长12个百分点:
        // the thing counted before drove it, not its share or gap.
        let contributor = before_any(
            previous,
            &[
                &lexicon.subject_relative,
                &lexicon.subject_gaps,
                &lexicon.subject_contributions,
            ],
        );
        // 民营企业进出口… 拉动进出口增长: what was driven is said once.
        let contributor = driven(lexicon, &found.subject)
            .and_then(|d| contributor.strip_suffix(d))
            .filter(|c| !c.is_empty())
            .unwrap_or(contributor);
        if !contributor.is_empty() {
            found.subject = format!("{contributor}{}", found.subject);
            found.source = "a contribution with no contributor in its clause: the topic's";
        }
    } else if word_set::prefix(&found.subject, &lexicon.subject_relative).is_some()
        && !found.subject.starts_with(previous)
    {
        // 民企拉动进出口增长…，占外贸总值的37.5%: the share is of what the
        // contributor did (民企进出口).
        let contributor;
        let previous = match lexicon.subject_contributions.first_from(previous, 0) {
            Some(at) => {
                let driven = driven(lexicon, &previous[at..]).unwrap_or("");
                contributor = format!("{}{driven}", &previous[..at]);
                contributor.as_str()
            }
            None => previous,
        };
        // 贷款余额…，增量占全国比重: an attribute is the loans', not the balance's.
        let previous = match word_set::prefix(&found.subject, &lexicon.subject_attributes) {
            Some(word) => {
                let holder = without_balance(lexicon, previous);
                // 贷款增量 + 增量占全国比重: the word is said once.
                holder.strip_suffix(word).unwrap_or(holder)
            }
            None => previous,
        };
        found.subject = format!("{previous}{}", found.subject);
        found.source = RELATIVE;
    } else if attribute_of(lexicon, &found.subject)
        && !previous_topic.is_empty()
        && !found.subject.starts_with(previous_topic)
    {
        found.subject = format!("{previous_topic}{}", found.subject);
        found.source = "an attribute of the topic the sentence opened with";
        return previous_topic.len();
    }
    0
}

/// `subject` without the balance word it ends with (贷款余额 → 贷款).
fn without_balance<'s>(lexicon: &Lexicon, subject: &'s str) -> &'s str {
    word_set::suffix(subject, &lexicon.subject_balances)
        .map_or(subject, |w| &subject[..subject.len() - w.len()])
}

/// What a number continuing a balance measures when it is no level of it: a
/// change more or less than a year before is the increment (余额…，同比多增947亿元
/// → 贷款增量), and a change in points of a rate named in its clause is that
/// rate of the loans (增速比上年同期快1.8个百分点 → 贷款增速).
fn flow_of_balance(lexicon: &Lexicon, found: &Found, seg: &str, kind: Kind) -> Option<Found> {
    let continued = matches!(found.source, CONTINUED | RELATIVE);
    // 贷款余额…，增速…快1.8个百分点；比年初增加5951亿元: the rate in between
    // goes too.
    let without_rate = word_set::suffix(&found.subject, &lexicon.subject_rates)
        .filter(|_| !is_ratio(kind))
        .map_or(found.subject.as_str(), |w| {
            &found.subject[..found.subject.len() - w.len()]
        });
    let holder = without_balance(lexicon, without_rate);
    if !continued || holder.len() == found.subject.len() && kind != Kind::PercentagePoint {
        return None;
    }
    let seg = seg.trim_start_matches(['，', ',', '、', '；', ';']);
    if kind == Kind::PercentagePoint {
        let rate = word_set::prefix(seg, &lexicon.subject_rates)?;
        let holder = found.subject.strip_suffix(rate).unwrap_or(&found.subject);
        let holder = holder.split(rate).next().unwrap_or(holder);
        return Some(Found {
            subject: format!("{}{rate}", without_balance(lexicon, holder)),
            source: "a change in points of the rate its clause names",
        });
    }
    if lexicon.increment_markers.occurs_in(seg) && !lexicon.increment.is_empty() {
        return Some(Found {
            subject: format!("{holder}{}", lexicon.increment),
            source: "a balance's change against the year before's: its increment",
        });
    }
    // 增速…快1.8个百分点；比年初增加5951亿元: an amount is no rate; it changes
    // the balance the rate was of.
    let balance = lexicon.subject_balances.iter().next()?;
    (without_rate.len() < found.subject.len()).then(|| Found {
        subject: format!("{holder}{balance}"),
        source: "an amount after a rate: the balance's",
    })
}

/// Most characters a subject that names only an attribute (个数占比) has.
const ATTRIBUTE_CHARS: usize = 4;

/// True when `subject` names only an attribute of a topic: a few characters
/// ending in one of the lexicon's `attributes` (个数占比, 总投资).
fn attribute_of(lexicon: &Lexicon, subject: &str) -> bool {
    subject.chars().count() <= ATTRIBUTE_CHARS
        && word_set::suffix(subject, &lexicon.subject_attributes).is_some()
}

/// Where a number's clause starts, and what the clause before it may give.
struct ClauseBefore {
    /// Where the number's own clause starts.
    from: usize,
    /// Where the last row before the number ends.
    rows_end: usize,
    /// The number's own clause names only an attribute (占比, 比重).
    attribute_only: bool,
}

/// How a subject named by a clause with no row of its own is labelled.
const TOPIC_BEFORE: &str = "the topic of the clause before, which gives no row";

/// What a clause that names nothing (or only an attribute, 占比) measures,
/// read from the clause before it. With a number there: the name before a
/// number with no unit (死亡率为0.012，同比下降14.3%), or before a verb of
/// place (最大累计降雨量出现在北山镇，为412.3毫米). With no row there, the
/// topic it names: what a ranking puts first (增长最快的是电子信息，增长12%),
/// what holds a rank (“80后”位列第二，占比27%), and for an attribute, what
/// opens the clause before a coverb (“00后”在黄金周中表现不俗，占比21%).
/// Neither clause gives a row of its own, so it is nearer than any earlier
/// row's subject.
fn clause_before_subject(lexicon: &Lexicon, text: &str, before: ClauseBefore) -> Option<Found> {
    let (comma, c) = text[..before.from].char_indices().next_back()?;
    if !matches!(c, '，' | ',') {
        return None;
    }
    let floor = clause::window_start(text, 0, comma, CLAUSE_WINDOW);
    let clause_start = clause::clause_start(text, floor, comma);
    let clause = &text[clause_start..comma];
    let topic = (clause_start >= before.rows_end)
        .then(|| topic_of_clause(lexicon, clause, before.attribute_only))
        .flatten();
    if let Some(subject) = topic {
        return Some(Found {
            subject,
            source: TOPIC_BEFORE,
        });
    }
    if before.attribute_only {
        return None;
    }
    let name_end = match clause.find(|c: char| c.is_ascii_digit()) {
        Some(number) => clause[number..]
            .chars()
            .all(|c| {
                c.is_ascii_digit()
                    || matches!(c, '.' | ',')
                    || unit_exp(c).is_some_and(|(_, closes)| closes)
            })
            .then_some(number)?,
        None => bare_chinese_number(lexicon, clause)
            .or_else(|| lexicon.subject_locating.first_from(clause, 0))?,
    };
    let subject = subject::before_subject(lexicon, &clause[..name_end]);
    (!subject.is_empty()).then_some(Found {
        subject,
        source: "the clause before, which ends in a bare number or says where",
    })
}

/// The topic a clause with no row names: what follows a ranking's 的是 or
/// 其次是, what precedes a verb of rank before an ordinal (位列第二), what ends
/// in a superlative (浦东区收入增幅最高 → 浦东区收入增幅), the apposition that
/// sums up a list it ends with (…、科技产业创新四大领域), and, when `coverb`,
/// what precedes a coverb (“00后”在…).
fn topic_of_clause(lexicon: &Lexicon, clause: &str, coverb: bool) -> Option<String> {
    let summed = subject::cut_enumeration(clause);
    let named = if let Some(after) = lexicon.subject_topic_markers.after_last(clause) {
        after
    } else if let Some(at) = ranked_at(lexicon, clause) {
        &clause[..at]
    } else if word_set::suffix(clause, &lexicon.subject_superlatives).is_some() {
        clause
    } else if summed.len() < clause.len() {
        summed
    } else if coverb {
        let at = lexicon.subject_coverbs.first_from(clause, 0)?;
        &clause[..at]
    } else {
        return None;
    };
    let subject = subject::before_subject(lexicon, named);
    (subject.chars().count() >= 2).then_some(subject)
}

/// Most characters a headline has.
const HEADLINE_CHARS: usize = 40;

/// The bytes of the document's first line when it is a headline: short, and
/// no sentence (no 。). Only its first characters are read.
fn headline(text: &str) -> Option<std::ops::Range<usize>> {
    let start = text.len() - text.trim_start().len();
    let line: String = text[start..]
        .chars()
        .take_while(|&c| c != '\n')
        .take(HEADLINE_CHARS + 1)
        .collect();
    let short = line.chars().count() <= HEADLINE_CHARS;
    (short && !line.contains('。')).then(|| start..start + line.len())
}

/// The topic that the next phrase of a headline opens with, before its first
/// verb (…台阶，安徽粮食总量排名升至全国第4位 → 安徽粮食总量); `after` is the
/// text after the number.
fn headline_topic(lexicon: &Lexicon, after: &str) -> Option<String> {
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    let close = line.find(|c: char| clause::is_clause_end(c))?;
    let next = line[close..].trim_start_matches(|c: char| clause::is_clause_end(c));
    let next = &next[..next
        .find(|c: char| clause::is_clause_end(c))
        .unwrap_or(next.len())];
    let verbs = [
        &lexicon.subject_after_stops,
        &lexicon.up,
        &lexicon.down,
        &lexicon.level,
    ];
    let verb_at = next.char_indices().map(|(i, _)| i).find(|&i| {
        verbs
            .iter()
            .any(|v| word_set::prefix(&next[i..], v).is_some())
    })?;
    let subject = subject::before_subject(lexicon, &next[..verb_at]);
    let names = subject.chars().count() >= 2 && !subject.contains(|c: char| c.is_ascii_digit());
    names.then_some(subject)
}

/// Where a verb of rank before an ordinal starts in `clause` (位列第二, 排名第一).
fn ranked_at(lexicon: &Lexicon, clause: &str) -> Option<usize> {
    let at = lexicon.subject_rank_verbs.first_from(clause, 0)?;
    let verb = lexicon.subject_rank_verbs.prefix_of(&clause[at..])?;
    word_set::prefix(&clause[at + verb.len()..], &lexicon.not_after).map(|_| at)
}

/// The name a bracket stands beside, for a number with no words of its own
/// before it: 留宿旅客（528萬人次） gives the number in the bracket its name,
/// and in 高温日数（日最高气温≥35℃）38天 the number after a bracket that defines
/// a name measures the name.
fn name_beside_bracket<'t>(
    text: &'t str,
    start: usize,
    previous: Option<&ListGroup>,
) -> Option<&'t str> {
    let before = &text[..start];
    let open = if before.ends_with(['（', '(']) {
        before.char_indices().next_back().map(|(i, _)| i)?
    } else if before.ends_with(['）', ')']) {
        text[..previous?.start()].rfind(['（', '('])?
    } else {
        return None;
    };
    // 留宿旅客（528萬人次）及不過夜旅客（534萬人次）: a name starts after the
    // number before it.
    let after_previous = previous.map(|p| p.end()).filter(|&end| end <= open);
    let floor = clause::window_start(text, after_previous.unwrap_or(0), open, CLAUSE_WINDOW);
    let name = &text[clause::clause_start(text, floor, open)..open];
    Some(name.trim_start_matches(['）', ')', '、', '及', '和', '与', '與']))
}

/// Where a clause's closing Chinese number with no unit begins (常住人口突破千万):
/// a run of numeral characters holding a power of ten, not after 第.
fn bare_chinese_number(lexicon: &Lexicon, clause: &str) -> Option<usize> {
    let is_numeral = |c: char| {
        table().is_matched(c)
            && !table().is_financial(c)
            && matches!(
                table().get(c),
                Some(NumeralChar::Digit(_) | NumeralChar::Place(..))
            )
    };
    let digits = clause.trim_end_matches(is_numeral);
    let number = &clause[digits.len()..];
    (number.chars().any(|c| unit_exp(c).is_some()) && suffix(digits, &lexicon.not_after).is_none())
        .then_some(digits.len())
}

/// True for kinds that relate a number to another (a percent of, a multiple of).
/// What a contribution drove (拉动进出口增长 → 进出口): the words between its
/// verb and its change verb; `None` when `contribution` opens with no such verb.
fn driven<'s>(lexicon: &Lexicon, contribution: &'s str) -> Option<&'s str> {
    let verb = word_set::prefix(contribution, &lexicon.subject_contributions)?;
    let rest = &contribution[verb.len()..];
    let driven = [&lexicon.up, &lexicon.down]
        .iter()
        .find_map(|list| suffix(rest, list))
        .map_or(rest, |change| &rest[..rest.len() - change.len()]);
    (!driven.is_empty()).then_some(driven)
}

/// Where the sentence holding byte `at` starts.
fn sentence_start(text: &str, at: usize) -> usize {
    text[..at].rfind(clause::is_full_stop).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Where the word that breaks a figure down (其中) stands in the sentence
/// holding byte `at`, before it: what follows breaks down the figure before it.
fn breakdown_at(lexicon: &Lexicon, text: &str, at: usize) -> Option<usize> {
    let from = sentence_start(text, at);
    lexicon
        .subject_breakdowns
        .last_in(&text[from..at])
        .map(|i| from + i)
}

/// What the heading of a list names, when the sentence holding byte `at`
/// opens with one before a colon (重点项目开工率后三名：甲市97% → 重点项目开工率):
/// the heading without the rank it may end in.
fn list_heading(lexicon: &Lexicon, text: &str, at: usize) -> Option<String> {
    let from = sentence_start(text, at);
    let colon = from + text[from..at].rfind(['：', ':'])?;
    let mut heading = text[from..colon].trim();
    if let Some(unit) = lexicon.subject_rank_units.suffix_of(heading) {
        let number = heading[..heading.len() - unit.len()].trim_end_matches(|c: char| {
            c.is_ascii_digit() || crate::numeral::digit_value(c).is_some()
        });
        heading = lexicon
            .not_after
            .suffix_of(number)
            .map_or(number, |rank| &number[..number.len() - rank.len()]);
    }
    let measure = subject::before_subject(lexicon, heading);
    (!measure.is_empty()).then_some(measure)
}

/// True when a number is a bound that a verb sets (超100亿元, 不超过35%)
/// rather than a value.
fn is_threshold(lexicon: &Lexicon, text: &str, c: &Candidate) -> bool {
    let bound = matches!(
        c.quantity.qualifier,
        Qualifier::MoreThan | Qualifier::LessThan
    );
    let verbs = &lexicon.subject_threshold_verbs;
    bound
        && (verbs.prefix_of(&text[c.start..c.end]).is_some()
            || verbs.suffix_of(&text[..c.start]).is_some())
}

fn is_ratio(kind: Kind) -> bool {
    matches!(kind, Kind::Percent | Kind::PercentagePoint | Kind::Multiple)
}

#[cfg(test)]
mod tests {
    use super::bare_chinese_number;
    use crate::engine::Extractor;

    /// (text, subject) of every row of `text`.
    fn subjects(text: &str) -> Vec<(String, String)> {
        let extractor = Extractor::bundled().unwrap();
        extractor
            .extract("t", text)
            .into_iter()
            .map(|m| (m.text, m.subject))
            .collect()
    }

    #[test]
    fn a_clause_with_no_row_gives_the_topic_of_the_clause_after_it() {
        let subject_of = |text: &str| subjects(text)[0].1.clone();
        // What a ranking puts first.
        assert_eq!(
            subject_of("规模以上工业中，增长最快的是电子信息制造业，增长12.5%。"),
            "电子信息制造业"
        );
        // What holds a rank, for an attribute alone.
        assert_eq!(subject_of("“70后”排名第三，占比18%。"), "“70后”占比");
        // What opens the clause before a coverb, for an attribute alone.
        assert_eq!(
            subject_of("青年游客在本次小长假中表现活跃，占比35%。"),
            "青年游客占比"
        );
        // What ends in a superlative, and what comes second (a place alone,
        // which measures what the figure before it measures).
        let rows = subjects("分区看，东城区税收增幅最高，为11.2%；其次是西城区，增长8.4%。");
        assert_eq!(rows[0].1, "东城区税收");
        assert_eq!(rows[1].1, "西城区税收");
        // The apposition that sums up a list.
        assert_eq!(
            subject_of("全年投资重点投向交通、水利、能源三大领域，占比76%。"),
            "三大领域占比"
        );
    }

    #[test]
    fn a_place_alone_measures_what_the_figure_it_breaks_down_measures() {
        let rows = subjects(
            "10月份，全国居民消费价格同比上涨0.3%。其中，城市上涨0.3%，农村上涨0.2%；食品价格上涨2.9%。",
        );
        let got: Vec<&str> = rows.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            got,
            [
                "居民消费价格",
                "城市居民消费价格",
                "农村居民消费价格",
                "食品价格"
            ]
        );
        // Under 其中 in the same sentence, each item measures the figure
        // before 其中, not its sibling.
        let rows = subjects("全年交通事故死亡人数下降9.1%，其中城市下降15.2%，农村地区下降7.8%。");
        assert_eq!(rows[1].1, "城市交通事故死亡人数");
        assert_eq!(rows[2].1, "农村地区交通事故死亡人数");
        // In the same sentence, by a place name of the dictionary.
        let rows = subjects("北京GDP增长5.2%，上海增长5.0%。");
        assert_eq!(rows[1].1, "上海GDP");
        // Under a list's heading, its rank left out.
        let rows = subjects("重点项目开工率后三名：甲市97%，乙区92%。");
        let got: Vec<&str> = rows.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(got, ["甲市重点项目开工率", "乙区重点项目开工率"]);
        // A count of places counts them; with nothing before, a place stays.
        assert_eq!(subjects("全省13个城市全部达标。")[0].1, "城市");
        assert_eq!(subjects("上海增长5.0%。")[0].1, "上海");
        // The sentence before is only read under 其中.
        let rows = subjects("全国居民消费价格上涨0.3%。城市上涨0.3%。");
        assert_eq!(rows[1].1, "城市");
    }

    #[test]
    fn a_subject_is_never_cut_inside_a_word() {
        // 均 of 平均 ends no count's noun, and 开工 of 新开工 is no predicate.
        let rows = subjects("全省13个城市平均优良天数比例为88.1%。");
        assert_eq!(rows[0].1, "城市");
        assert_eq!(rows[1].1, "平均优良天数比例");
        assert_eq!(subjects("新开工项目共200个。")[0].1, "新开工项目");
        // A verb before a lone verbal noun names the measure with it; before
        // a noun phrase it goes.
        assert_eq!(subjects("全年完成投资212.4亿元。")[0].1, "完成投资");
        assert_eq!(subjects("完成国土绿化693.4万亩。")[0].1, "国土绿化");
        // 少增 is one change verb, not 少 before 增.
        assert_eq!(subjects("人民币贷款同比少增312亿元。")[0].1, "人民币贷款");
    }

    #[test]
    fn this_territory_opens_no_subject() {
        assert_eq!(subjects("本港第三季GDP按年实质增长1.8%。")[0].1, "GDP");
    }

    #[test]
    fn a_threshold_before_a_class_measures_what_comes_before_it() {
        let rows = subjects("年销售额超100亿元的龙头企业4家。");
        assert_eq!(rows[0].1, "年销售额");
        // A count of that class counts the whole class.
        assert_eq!(rows[1].1, "年销售额超100亿元的龙头企业");
        let rows = subjects("交易量同比下降都不超过35%的城市仅有6个。");
        assert_eq!(rows[0].1, "交易量");
        // An amount that is no bound set by a verb is of the noun after 的.
        let rows = subjects("成功阻断近百亿元的资金外流。");
        assert_eq!(rows[0].1, "资金外流");
    }

    #[test]
    fn what_a_contribution_drove_is_said_once() {
        let rows = subjects(
            "民营企业进出口1.2万亿元，增长28.1%，拉动进出口增长9.6个百分点，占外贸总值的37.5%。",
        );
        assert_eq!(rows[2].1, "民营企业拉动进出口增长");
        // The share after it is of what the contributor did.
        assert_eq!(rows[3].1, "民营企业进出口占外贸总值");
    }

    #[test]
    fn a_share_of_a_price_index_change_is_a_contribution() {
        let rows = subjects("鲜菜价格上涨21.6%，影响CPI上涨约0.43个百分点。");
        assert_eq!(rows[1].1, "鲜菜价格影响CPI上涨");
    }

    #[test]
    fn a_headline_reads_its_phrases_apart() {
        // A space between two phrases separates them.
        let rows = subjects("三大指数集体收涨 沪指涨0.82%\n截至收盘，沪指报3985.64点。");
        assert_eq!(rows[0], ("0.82%".to_string(), "沪指".to_string()));
        // A phrase that names nothing measures the next phrase's topic.
        let rows = subjects("稳定站上1300亿斤台阶 河南粮食总产排名升至全国第2位\n正文。");
        assert_eq!(rows[0].1, "河南粮食总产");
        // Not in the body, nor in a first line that is a paragraph.
        let rows = subjects("全年稳定站上1300亿斤台阶，河南粮食总产排名升至全国第2位。");
        assert_ne!(rows[0].1, "河南粮食总产");
    }

    #[test]
    fn a_clause_with_a_row_gives_no_topic_by_its_coverb() {
        let rows = subjects("外资企业在本市投资增长8%，占比40%。");
        assert_ne!(rows[1].1, "外资企业占比");
    }

    /// (direction source, comparison source) of each row of `text`.
    fn change_sources(text: &str) -> Vec<(&'static str, &'static str)> {
        let extractor = Extractor::bundled().unwrap();
        let trace = extractor.extract_traced("t", text, None);
        trace
            .rows
            .iter()
            .map(|r| (r.decisions.direction, r.decisions.comparison))
            .collect()
    }

    #[test]
    fn explain_names_the_step_behind_direction_and_comparison() {
        let got = change_sources("与上年同期相比，收入增长5%，增加1203亿元或3.9%。人口1200万人。");
        assert_eq!(
            got[0],
            (
                "a change word before the number",
                "the frame the sentence opens with"
            )
        );
        assert_eq!(got[2].0, "the same change told again in another unit");
        assert_eq!(got[3], (super::NO_CHANGE, "none: the number is no change"));
        let got = change_sources("盗窃、诈骗分别同比下降5.1%、3.2%，连续3个月下降。");
        assert_eq!(
            got[0],
            (
                "a change word before the number",
                "a marker before the number"
            )
        );
    }

    #[test]
    fn yi_ji_and_yu_join_the_last_two_items_of_a_list() {
        let rows =
            subjects("交通运输、教育、科技以及信息化行业分别完成18亿元、16亿元、2亿元和1亿元。");
        let got: Vec<&str> = rows.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(got[2], "科技");
        let rows = subjects("签约项目数与合同额分别增长22.1%、15.1%。");
        assert_eq!(rows[0].1, "签约项目数");
        assert_eq!(rows[1].1, "合同额");
    }

    #[test]
    fn a_contribution_measures_who_drove_what() {
        let rows = subjects(
            "甲省外贸增长17.1%，民企拉动进出口增长9.6个百分点。甲省出口机电产品1338亿元，占出口总值的65.9%，拉动出口增长12个百分点。",
        );
        let got: Vec<&str> = rows.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(got[1], "民企拉动进出口增长");
        assert_eq!(got[4], "甲省出口机电产品拉动出口增长");
    }

    #[test]
    fn a_share_after_a_contribution_is_the_contributors() {
        // The share is of what the contributor did, as when it is named first
        // (民营企业进出口…占外贸总值).
        let rows = subjects("民企拉动进出口增长9.6个百分点，占外贸总值的37.5%。");
        assert_eq!(rows[1].1, "民企进出口占外贸总值");
    }

    #[test]
    fn a_contribution_of_a_percent_is_no_contribution() {
        let rows = subjects("盲盒带动出行人次涨幅超过500%。");
        assert_eq!(rows[0].1, "带动出行人次");
    }

    #[test]
    fn a_degree_adverb_goes_with_its_verb_and_respectively_never_stays() {
        let rows = subjects("上半年净利大增37%，门票预订同比大涨超420%。");
        assert_eq!(rows[0].1, "净利");
        assert_eq!(rows[1].1, "门票预订");
        let rows = subjects("电工器材、太阳能电池分别出口922.9亿元和395.6亿元。");
        assert_eq!(rows[1].1, "太阳能电池出口");
    }

    #[test]
    fn a_remark_in_brackets_leaves_the_subject_and_a_class_stays() {
        let rows = subjects(
            "利息净收入（以两融业务为主）为9.6亿元。水质优良(Ⅰ~Ⅲ类)比例为92.9%。广义货币(M2)余额335万亿元。",
        );
        assert_eq!(rows[0].1, "利息净收入");
        assert_eq!(rows[1].1, "水质优良(Ⅰ~Ⅲ类)比例");
        assert_eq!(rows[2].1, "广义货币(M2)余额");
    }

    #[test]
    fn a_relative_clause_before_a_count_says_which_of_the_noun_after() {
        let rows = subjects(
            "在参与排名的26个城市中，去年4季度交易量表现最好的5个城市，最终都没能抵抗住寒流。",
        );
        assert_eq!(rows[0].1, "在参与排名的城市");
        assert_eq!(rows[1].1, "交易量表现最好的城市");
    }

    #[test]
    fn two_numbers_joined_by_he_pair_with_two_items_joined_by_he() {
        let rows =
            subjects("同期，加工贸易和保税物流进出口10293亿元和3544.9亿元，同增1.9%和38.4%。");
        let got: Vec<&str> = rows.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            got,
            [
                "加工贸易进出口",
                "保税物流进出口",
                "加工贸易进出口",
                "保税物流进出口"
            ]
        );
    }

    #[test]
    fn a_subject_starts_after_an_appositive() {
        let rows = subjects("作为外贸主力之一的甲省民营企业进出口1231亿元。");
        assert_eq!(rows[0].1, "甲省民营企业进出口");
    }

    #[test]
    fn a_noun_read_after_a_count_ends_before_an_adverb_or_a_verb_of_suffering() {
        let rows = subjects("这5个城市刚好是前5名。可以认为这6个城市受到寒流的影响较小。");
        assert_eq!(rows[0].1, "城市");
        assert_eq!(rows[1].1, "城市");
    }

    #[test]
    fn an_attribute_takes_the_topic_the_sentence_opened_with() {
        let rows = subjects("其中，甲类项目250个，个数占比28.3%，总投资1037亿元，投资占比29.1%。");
        let got: Vec<&str> = rows.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            got,
            [
                "甲类项目",
                "甲类项目个数占比",
                "甲类项目总投资",
                "甲类项目投资占比"
            ]
        );
    }

    #[test]
    fn a_balances_change_more_than_a_year_before_is_its_increment_and_its_rate_the_loans() {
        let rows = subjects(
            "甲省制造业贷款余额3.1万亿元，同比增长24%，增速比上年同期快1.8个百分点；比年初增加5951亿元，同比多增1390亿元，增量占全国比重为11%。",
        );
        let got: Vec<&str> = rows.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            got,
            [
                "甲省制造业贷款余额",
                "甲省制造业贷款余额",
                "甲省制造业贷款增速",
                "甲省制造业贷款余额",
                "甲省制造业贷款增量",
                "甲省制造业贷款增量占全国比重"
            ]
        );
    }

    #[test]
    fn a_date_inside_a_subject_goes_to_the_period() {
        let rows = subjects("乙市今年3月份房地产成交量同比下降30%。");
        assert_eq!(rows[0].1, "乙市房地产成交量");
    }

    #[test]
    fn tong_zeng_is_a_year_on_year_rise() {
        let extractor = Extractor::bundled().unwrap();
        let rows = extractor.extract("t", "全省外贸进出口值3287亿元，同增17.1%。");
        assert_eq!(rows[1].subject, "外贸进出口值");
        assert_eq!(rows[1].direction.map(|d| d.as_str()), Some("up"));
        assert_eq!(rows[1].comparison.map(|c| c.as_str()), Some("yoy"));
    }

    #[test]
    fn a_clause_may_close_on_a_bare_chinese_number() {
        let lexicon = crate::rules::RuleSet::bundled().unwrap().lexicon;
        let clause = "全市常住人口突破千万";
        assert_eq!(
            bare_chinese_number(&lexicon, clause),
            Some("全市常住人口突破".len())
        );
        assert_eq!(bare_chinese_number(&lexicon, "排名全省第十"), None);
        assert_eq!(bare_chinese_number(&lexicon, "标准全省统一"), None);
        assert_eq!(bare_chinese_number(&lexicon, "常住人口增加"), None);
    }
}
