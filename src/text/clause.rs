//! Clause and sentence boundaries around a span.

/// Characters that end a clause for the purpose of finding a subject.
pub fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '！'
            | '!'
            | '？'
            | '?'
            | '\n'
            | '（'
            | '）'
            | '('
            | ')'
    )
}

/// Characters that end a sentence.
pub fn is_sentence_end(c: char) -> bool {
    is_full_stop(c) || matches!(c, '；' | ';')
}

/// Characters that end a sentence for good: a semicolon does not
/// (同比下降4.1% after a ； still speaks of the same prices).
pub fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '!' | '？' | '?' | '\n')
}

/// The longest parenthetical a clause reads through (广义货币(M2)余额).
const ASIDE_CHARS: usize = 12;

/// The byte offset where the clause holding `at` starts, not before `floor`.
/// A short parenthetical closed before `at` is part of the clause
/// (细颗粒物（PM2.5）年均浓度).
pub fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    let head = &text[floor..at];
    let mut chars = head.char_indices().rev();
    while let Some((i, c)) = chars.find(|(_, c)| is_clause_end(*c)) {
        // 4,450萬: a comma between digits separates thousands, not clauses.
        let between_digits = c == ','
            && head[..i].ends_with(|d: char| d.is_ascii_digit())
            && head[i + 1..].starts_with(|d: char| d.is_ascii_digit());
        if between_digits {
            continue;
        }
        if matches!(c, ')' | '）') {
            let aside = chars
                .by_ref()
                .take(ASIDE_CHARS + 1)
                .find(|(_, c)| is_clause_end(*c));
            if let Some((_, '(' | '（')) = aside {
                continue;
            }
        }
        return floor + i + c.len_utf8();
    }
    floor
}

/// True for a byte that starts a character (not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// The byte offset `chars` characters before `at`, not before `floor`.
pub fn window_start(text: &str, floor: usize, at: usize, chars: usize) -> usize {
    let want = chars.max(1);
    let mut seen = 0;
    for (i, &b) in text.as_bytes()[floor..at].iter().enumerate().rev() {
        if starts_char(b) {
            seen += 1;
            if seen == want {
                return floor + i;
            }
        }
    }
    floor
}

/// The byte offset where the clause holding `at` ends.
pub fn clause_end(text: &str, at: usize) -> usize {
    match text[at..].char_indices().find(|(_, c)| is_clause_end(*c)) {
        Some((i, _)) => at + i,
        None => text.len(),
    }
}

/// The sentence around `start..end`, at most `radius` characters on each side.
pub fn sentence_bounds(text: &str, start: usize, end: usize, radius: usize) -> (usize, usize) {
    let mut s = start;
    for (n, (i, c)) in text[..start].char_indices().rev().enumerate() {
        if is_sentence_end(c) || n >= radius {
            break;
        }
        s = i;
    }
    let mut e = end;
    for (n, (i, c)) in text[end..].char_indices().enumerate() {
        if n >= radius {
            break;
        }
        e = end + i + c.len_utf8();
        if is_sentence_end(c) {
            if c == '\n' {
                e -= 1;
            }
            break;
        }
    }
    (s, e)
}

/// What joins list items: 、 and, before the last, 和, 及 or 与 (0.3、2.1和2.6个百分点).
pub const JOINERS: [char; 4] = ['、', '和', '及', '与'];

/// What joins two tellings of one amount (增加1,203亿元或3.9%).
pub const OR: char = '或';

/// True for a joiner written as a word (和, 及, 与), not the list comma 、.
pub fn is_word_joiner(c: char) -> bool {
    JOINERS.contains(&c) && c != '、'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_start_stops_at_punctuation() {
        let t = "全年，刑事案件发案同比下降35.5%";
        let at = t.find("35").unwrap();
        assert_eq!(&t[clause_start(t, 0, at)..at], "刑事案件发案同比下降");
    }

    #[test]
    fn a_thousands_comma_ends_no_clause() {
        let t = "上年，訪港旅客人次達4,450萬";
        let at = t.len();
        assert_eq!(&t[clause_start(t, 0, at)..at], "訪港旅客人次達4,450萬");
    }

    #[test]
    fn window_is_bounded() {
        let t = "甲".repeat(1000) + "12%";
        let at = t.find("12").unwrap();
        assert_eq!(t[window_start(&t, 0, at, 80)..at].chars().count(), 80);
        assert_eq!(window_start("ab12", 0, 2, 80), 0);
    }

    #[test]
    fn sentence_is_bounded() {
        let t = "甲".repeat(500) + "12%" + &"乙".repeat(500);
        let at = t.find("12").unwrap();
        let (s, e) = sentence_bounds(&t, at, at + 3, 100);
        assert_eq!(t[s..e].chars().count(), 203);
    }

    #[test]
    fn sentence_ends_at_full_stop() {
        let t = "前文。增长5%，好。后文";
        let at = t.find('5').unwrap();
        let (s, e) = sentence_bounds(t, at, at + 2, 100);
        assert_eq!(&t[s..e], "增长5%，好。");
    }
}
