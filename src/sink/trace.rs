//! The human-readable trace of one text, for `explain`.

use crate::engine::Extraction;
use crate::rules::RuleSet;

/// Paints text with ANSI colours when they are on.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// The trace of one text as `explain` prints it: each row with its rule, value,
/// attributes and how they were decided, then the matches that lost an
/// overlap and those a guard turned away. With `color`, ANSI colours.
pub fn render_trace(rule_set: &RuleSet, trace: &Extraction, color: bool) -> String {
    let style = Style { on: color };
    let mut out = String::new();
    let rules = &rule_set.rules;
    for row in &trace.rows {
        let (m, decided) = (&row.metric, &row.decisions);
        let origin = rules
            .iter()
            .find(|r| r.id == m.rule_id)
            .map(|r| format!("{}:{}", r.file, r.line))
            .unwrap_or_default();
        let high = m
            .quantity
            .value_high
            .map(|h| format!("–{h}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{} [{}..{}]  {} {}\n",
            style.paint("1;32", &m.text),
            m.start,
            m.end,
            style.paint("36", &m.rule_id),
            style.paint("2", &origin)
        ));
        out.push_str(&format!(
            "    {} {}{} {}  qualifier {}  direction {}  comparison {}\n",
            m.quantity.kind,
            m.quantity.value,
            high,
            m.quantity.unit,
            m.quantity.qualifier,
            m.direction.map_or("-", |d| d.as_str()),
            m.comparison.map_or("-", |c| c.as_str()),
        ));
        out.push_str(&format!(
            "    subject {} ({})\n    period {} ({})\n    direction {} ({})\n    comparison {} ({})\n",
            style.paint(
                "33",
                if m.subject.is_empty() {
                    "-"
                } else {
                    &m.subject
                }
            ),
            decided.subject,
            m.period.as_deref().unwrap_or("-"),
            decided.period,
            m.direction.map_or("-", |d| d.as_str()),
            decided.direction,
            m.comparison.map_or("-", |c| c.as_str()),
            decided.comparison,
        ));
    }
    let lost = trace.losers.iter().map(|l| {
        let detail = format!(
            "{} lost to {} {}: {}",
            l.rule_id, l.winner_text, l.winner_rule_id, l.reason
        );
        (l.text.as_str(), l.start, detail)
    });
    push_section(&mut out, &style, "lost overlaps:", lost);
    let turned = trace.rejected.iter().map(|r| {
        (
            r.text.as_str(),
            r.start,
            format!("{}: {}", r.rule_id, r.why.reason()),
        )
    });
    push_section(&mut out, &style, "turned away:", turned);
    out.push_str(&format!("{} rows\n", trace.rows.len()));
    out
}

/// A titled list of matches (`text [start] detail`), written only when it has any.
fn push_section<'a>(
    out: &mut String,
    style: &Style,
    title: &str,
    entries: impl Iterator<Item = (&'a str, u32, String)>,
) {
    let mut entries = entries.peekable();
    if entries.peek().is_none() {
        return;
    }
    out.push_str(&style.paint("1", &format!("{title}\n")));
    for (text, start, detail) in entries {
        out.push_str(&format!(
            "  {} [{start}] {detail}\n",
            style.paint("31", text)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Extractor;

    fn trace_of(text: &str, color: bool) -> String {
        let extractor = Extractor::bundled().unwrap();
        let trace = extractor.extract_traced("t", text, None);
        render_trace(extractor.rules(), &trace, color)
    }

    #[test]
    fn each_row_shows_its_rule_value_and_how_its_subject_was_found() {
        let out = trace_of("刑事案件发案同比下降35.5%。", false);
        assert!(
            out.contains("35.5% [10..15]  percent.sign rules/percent.toml:"),
            "{out}"
        );
        assert!(out.contains("subject 刑事案件发案 ("), "{out}");
        assert!(
            out.contains("direction down (a change word before the number)"),
            "{out}"
        );
        assert!(
            out.contains("comparison yoy (a marker before the number)"),
            "{out}"
        );
        assert!(out.ends_with("1 rows\n"), "{out}");
        assert!(!out.contains('\x1b'), "{out}");
    }

    #[test]
    fn colour_is_only_on_when_asked() {
        assert!(trace_of("增长5%", true).contains("\x1b[1;32m5%\x1b[0m"));
    }

    #[test]
    fn turned_away_matches_follow_the_rows() {
        let out = trace_of("第5名", false);
        assert!(
            out.contains("turned away:\n  5名 [1] count.arabic: "),
            "{out}"
        );
    }
}
