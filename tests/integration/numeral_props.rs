//! Property tests: standard Chinese numerals written by a small reference
//! renderer parse back to the number they were written from.

use proptest::prelude::*;
use zhibiao::numeral::parse_number;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const GROUPS: [&str; 5] = ["", "万", "亿", "万亿", "亿亿"];

/// One group of four digits (1..=9999), with 零 for inner gaps.
fn group(g: u64) -> String {
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut gap = false;
    for (place, name) in places {
        let d = (g / place % 10) as usize;
        if d == 0 {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push('零');
            gap = false;
        }
        out.push_str(DIGITS[d]);
        out.push_str(name);
    }
    out
}

/// The standard Chinese numeral of `n` (十五, 一万零五, 三万亿五千亿).
fn render(n: u64) -> String {
    if n == 0 {
        return "零".into();
    }
    let mut groups = Vec::new();
    let mut m = n;
    while m > 0 {
        groups.push(m % 10_000);
        m /= 10_000;
    }
    let mut out = String::new();
    let mut gap = false;
    for (i, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            gap = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (gap || g < 1000) {
            out.push('零');
        }
        gap = false;
        out.push_str(&group(g));
        out.push_str(GROUPS[i]);
    }
    match out.strip_prefix("一十") {
        Some(rest) => format!("十{rest}"),
        None => out,
    }
}

#[test]
fn renderer_writes_standard_forms() {
    assert_eq!(render(15), "十五");
    assert_eq!(render(10_005), "一万零五");
    assert_eq!(render(3_5000_0000_0000), "三万亿五千亿");
    assert_eq!(
        parse_number("三万五千亿").map(|p| p.low.to_string()),
        Some("3500000000000".into())
    );
    assert_eq!(render(1_0000_0000_0001), "一万亿零一");
    assert_eq!(render(2005), "二千零五");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn integers_parse_back(n in 0u64..=10_000_000_000_000_000) {
        let text = render(n);
        let parsed = parse_number(&text).map(|p| p.low.to_string());
        prop_assert_eq!(parsed, Some(n.to_string()), "{}", text);
    }

    #[test]
    fn small_integers_parse_back(n in 0u64..100_000) {
        let text = render(n);
        prop_assert_eq!(parse_number(&text).map(|p| p.low.to_string()), Some(n.to_string()), "{}", text);
    }

    #[test]
    fn decimals_parse_back(n in 0u64..10_000_000_000, frac in 1u32..10_000) {
        let frac = format!("{frac:04}").trim_end_matches('0').to_string();
        let written: String = frac.chars().map(|c| DIGITS[c.to_digit(10).unwrap() as usize]).collect();
        let text = format!("{}点{}", render(n), written);
        let parsed = parse_number(&text).map(|p| p.low.to_string());
        prop_assert_eq!(parsed, Some(format!("{n}.{frac}")), "{}", text);
    }
}
