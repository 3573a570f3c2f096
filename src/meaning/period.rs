//! The period a figure refers to: `2024`, `2024-05`, `2024-01/2024-05`, `2016-Q1/2016-Q3`.

use once_cell::sync::Lazy;
use regex::{Captures, Regex};

/// Date expressions, most specific first within one alternation.
static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?:(?P<y>[0-9]{4})年)?",
        r"(?:",
        r"(?P<m1>[0-9]{1,2})(?:-|—|－|至|到|~)(?P<m2>[0-9]{1,2})月",
        r"|前(?P<q>[一二三四])季度",
        r"|(?P<qn>[一二三四])季度",
        r"|(?P<half>上半年|下半年)",
        r"|(?P<m>[0-9]{1,2})月(?:份|末|底|当月)?",
        r")?"
    ))
    .expect("valid date pattern")
});

/// The document's default year: from its title, else its first year mention.
pub fn default_year(text: &str) -> Option<String> {
    static YEAR: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"((?:19|20)[0-9]{2})年").expect("valid year pattern"));
    let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    YEAR.captures(title)
        .or_else(|| YEAR.captures(text))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

/// The last date mentioned in `context` (the text before a number), completed
/// with `year` when it names no year of its own.
pub fn last_period(context: &str, year: Option<&str>) -> Option<String> {
    let mut found = None;
    for caps in DATE.captures_iter(context) {
        if caps.get(0).is_some_and(|m| m.is_empty()) {
            continue;
        }
        if let Some(p) = render(&caps, year) {
            found = Some(p);
        }
    }
    found
}

fn quarter(c: &str) -> u32 {
    match c {
        "一" => 1,
        "二" => 2,
        "三" => 3,
        _ => 4,
    }
}

fn render(caps: &Captures, default: Option<&str>) -> Option<String> {
    let own = caps.name("y").map(|m| m.as_str());
    let year = own.or(default)?;
    if let (Some(a), Some(b)) = (caps.name("m1"), caps.name("m2")) {
        return Some(format!(
            "{year}-{:0>2}/{year}-{:0>2}",
            a.as_str(),
            b.as_str()
        ));
    }
    if let Some(q) = caps.name("q") {
        return Some(format!("{year}-Q1/{year}-Q{}", quarter(q.as_str())));
    }
    if let Some(q) = caps.name("qn") {
        return Some(format!("{year}-Q{}", quarter(q.as_str())));
    }
    if let Some(h) = caps.name("half") {
        return Some(if h.as_str() == "上半年" {
            format!("{year}-01/{year}-06")
        } else {
            format!("{year}-07/{year}-12")
        });
    }
    if let Some(m) = caps.name("m") {
        return Some(format!("{year}-{:0>2}", m.as_str()));
    }
    own.map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_from_text() {
        assert_eq!(
            last_period("例如2024年5月，一公司", None).as_deref(),
            Some("2024-05")
        );
        assert_eq!(
            last_period("2024年，重庆警方", None).as_deref(),
            Some("2024")
        );
        assert_eq!(
            last_period("前三季度，全省", Some("2016")).as_deref(),
            Some("2016-Q1/2016-Q3")
        );
        assert_eq!(
            last_period("截至2024年11月底", None).as_deref(),
            Some("2024-11")
        );
        assert_eq!(
            last_period("1-5月，出口", Some("2022")).as_deref(),
            Some("2022-01/2022-05")
        );
        assert_eq!(last_period("全年增长", None), None);
    }

    #[test]
    fn default_year_prefers_the_title() {
        assert_eq!(
            default_year("2023年工作报告\n2024年目标").as_deref(),
            Some("2023")
        );
        assert_eq!(
            default_year("警察节\n2024年，全市").as_deref(),
            Some("2024")
        );
    }
}
