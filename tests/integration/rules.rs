//! The shipped rules: every example holds, the bundled list is complete, and
//! each class of rule error is reported with its file and line.

use zhibiao::app::check::check_examples;
use zhibiao::engine::Extractor;
use zhibiao::rules::{bundled_file_names, RuleSet, SourceFile};

use crate::common::{root, rule_line, rules_copy};

fn shipped_sources() -> Vec<SourceFile> {
    bundled_file_names()
        .into_iter()
        .map(|name| SourceFile {
            name: name.to_string(),
            text: std::fs::read_to_string(root().join("rules").join(name)).unwrap(),
        })
        .collect()
}

/// Loads the shipped rules with one file's text changed; returns the error text.
fn error_with(file: &str, edit: impl Fn(&str) -> String) -> String {
    let sources = shipped_sources()
        .into_iter()
        .map(|mut s| {
            if s.name == file {
                s.text = edit(&s.text);
            }
            s
        })
        .collect();
    RuleSet::from_sources(sources)
        .expect_err("rules should not load")
        .to_string()
}

#[test]
fn every_shipped_example_holds() {
    let extractor = Extractor::bundled().unwrap();
    let report = check_examples(&extractor);
    let failures: Vec<String> = report.failures.iter().map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        report.passed,
        examples_on_disk(),
        "examples checked against examples written"
    );
}

/// The examples and counter-examples written in the rule files, counted from
/// the TOML itself rather than through the loader.
fn examples_on_disk() -> usize {
    let mut count = 0;
    for name in bundled_file_names() {
        let text = std::fs::read_to_string(root().join("rules").join(name)).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap();
        let Some(rules) = value.get("rule").and_then(toml::Value::as_array) else {
            continue;
        };
        for rule in rules {
            for key in ["examples", "counter_examples"] {
                count += rule
                    .get(key)
                    .and_then(toml::Value::as_array)
                    .map_or(0, Vec::len);
            }
        }
    }
    count
}

#[test]
fn bundled_rules_are_every_file_in_rules_folder() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let mut bundled: Vec<String> = bundled_file_names().into_iter().map(String::from).collect();
    bundled.sort();
    assert_eq!(on_disk, bundled);
}

#[test]
fn invalid_regex_names_file_and_line() {
    let e = error_with("money.toml", |t| {
        t.replacen("{range_sep}", "{range_sep}[", 1)
    });
    assert!(
        e.starts_with(&format!(
            "money.toml:{}: rule money: invalid regex: error: unclosed character class",
            rule_line("money.toml", "pattern = ")
        )),
        "{e}"
    );
}

#[test]
fn a_rule_file_in_another_encoding_is_refused_at_its_line() {
    let dir = rules_copy();
    let path = dir.path().join("money.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&path, &gbk).unwrap();
    let errors = RuleSet::from_dir(dir.path()).unwrap_err();
    let first_non_ascii_line = text.lines().position(|l| !l.is_ascii()).unwrap() + 1;
    let e = errors.0[0].to_string();
    assert!(
        e.ends_with(&format!(
            "money.toml:{first_non_ascii_line}: not UTF-8 (save rule files as UTF-8)"
        )),
        "{e}"
    );
}

#[test]
fn a_rule_file_with_a_byte_order_mark_loads() {
    let dir = rules_copy();
    let path = dir.path().join("money.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    assert!(RuleSet::from_dir(dir.path()).is_ok());
}

#[test]
fn unknown_fragment_names_file_and_line() {
    let e = error_with("money.toml", |t| {
        t.replacen("{range_sep}", "{range_seq}", 1)
    });
    assert_eq!(
        e,
        format!(
            "money.toml:{}: rule money: unknown fragment {{range_seq}}",
            rule_line("money.toml", "pattern = ")
        )
    );
}

#[test]
fn unknown_capture_names_file_and_line() {
    let e = error_with("money.toml", |t| t.replacen("(?P<post>", "(?P<postt>", 1));
    assert_eq!(
        e,
        format!(
            "money.toml:{}: rule money: pattern has a capture `postt` that the engine does not read",
            rule_line("money.toml", "pattern = ")
        )
    );
}

#[test]
fn cyclic_fragments_are_rejected() {
    let e = error_with("fragments.toml", |t| {
        t.replace("over = '[{numeral_over}]'", "over = '{number}'")
    });
    assert!(
        e.contains("cyclic fragments: number → number_arabic → over → number"),
        "{e}"
    );
}

#[test]
fn unknown_unit_is_rejected() {
    let e = error_with("percent.toml", |t| {
        t.replacen("unit = \"%\"", "unit = \"percent\"", 1)
    });
    assert!(
        e.starts_with(&format!(
            "percent.toml:{}: rule percent.sign: unknown unit `percent`",
            rule_line("percent.toml", "id = \"percent.sign\"")
        )),
        "{e}"
    );
}

#[test]
fn unknown_local_currency_is_rejected() {
    let units = std::fs::read_to_string(root().join("rules/units.toml")).unwrap();
    let line = 1 + units
        .lines()
        .position(|l| l == "[[local_currency]]")
        .unwrap();
    let e = error_with("units.toml", |t| {
        t.replacen("unit = \"HKD\"\nmarkers", "unit = \"HKX\"\nmarkers", 1)
    });
    assert!(
        e.starts_with(&format!(
            "units.toml:{line}: local_currency: `HKX` is not a money unit of the table"
        )),
        "{e}"
    );
}

#[test]
fn duplicate_id_is_rejected() {
    let e = error_with("count.toml", |t| {
        t.replace("id = \"count.chinese\"", "id = \"count.arabic\"")
    });
    assert!(
        e.contains(&format!(
            "duplicate rule id `count.arabic` (first defined at count.toml:{})",
            rule_line("count.toml", "id = \"count.arabic\"")
        )),
        "{e}"
    );
}

#[test]
fn rule_without_examples_is_rejected() {
    let e = error_with("percent.toml", |t| {
        t.replace(
            "  { text = \"近一半\", value = 50, qualifier = \"less_than\" },\n  { text = \"半数以上\", in = \"半数以上企业实现增长。\", value = 50, qualifier = \"more_than\" },\n",
            "",
        )
    });
    assert!(e.contains("rule percent.half: has no examples"), "{e}");
}

#[test]
fn toml_syntax_error_names_line() {
    let e = error_with("units.toml", |t| t.replacen("[[unit]]", "[[unit]", 1));
    assert!(
        e.starts_with(&format!(
            "units.toml:{}:",
            rule_line("units.toml", "[[unit]]")
        )),
        "{e}"
    );
}

#[test]
fn a_pathologically_slow_rule_is_refused_with_its_line_and_time() {
    let dir = rules_copy();
    let path = dir.path().join("count.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(concat!(
        "\n[[rule]]\nid = \"count.slow\"\nkind = \"count\"\nunit = \"个\"\n",
        "pattern = '(?:[\\w\\W]{1,20}){1,40}(?P<num>{arabic})个'\n",
        "examples = [ { text = \"5个\", value = 5 } ]\n"
    ));
    let line = text.lines().position(|l| l.contains("count.slow")).unwrap();
    std::fs::write(&path, text).unwrap();
    let errors = RuleSet::from_dir(dir.path()).unwrap_err();
    let e = errors.0[0].to_string();
    // The rule is reported at its id's line.
    assert!(
        e.contains(&format!(
            "count.toml:{}: rule count.slow: pattern takes ",
            line + 1
        )),
        "{e}"
    );
    assert!(e.ends_with("(limit 100 ms): simplify it"), "{e}");
}

#[test]
fn a_changed_numeral_table_in_a_rules_folder_is_refused() {
    let e = error_with("numerals.toml", |t| {
        t.replace("4 = { matched = \"四肆\" }", "4 = { matched = \"四\" }")
    });
    assert!(
        e.contains("numerals.toml:1: differs from the numeral table built into the binary"),
        "{e}"
    );
}

#[test]
fn numeral_character_sets_expand_inside_one_class() {
    // An alternation of one-character classes scans several times slower
    // than the one class it spells.
    let rules = RuleSet::bundled().unwrap();
    let percent = rules
        .rules
        .iter()
        .find(|r| &*r.id == "percent.sign")
        .unwrap();
    assert!(percent.pattern.contains("[零〇○一壹二两贰貳兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億兆几廿卅点點余多]"), "{}", percent.pattern);
    for rule in &rules.rules {
        assert!(
            !rule.pattern.contains("])|(?:["),
            "{}: classes in alternation",
            rule.id
        );
    }
}

#[test]
fn a_lexicon_list_no_word_set_reads_is_refused_at_its_line() {
    let e = error_with("lexicon.toml", |t| t.replacen("\nrates = ", "\nrate = ", 1));
    assert_eq!(
        e,
        format!(
            "lexicon.toml:{}: unknown list `subject.rate`",
            rule_line("lexicon.toml", "rates = ")
        )
    );
}

#[test]
fn a_lexicon_list_that_is_not_words_is_refused_at_its_line() {
    let e = error_with("lexicon.toml", |t| {
        t.replacen("\nbalances = [\"余额\"]", "\nbalances = [1]", 1)
    });
    assert_eq!(
        e,
        format!(
            "lexicon.toml:{}: `subject.balances` must be a list of words",
            rule_line("lexicon.toml", "balances = ")
        )
    );
}

#[test]
fn a_contraction_of_one_item_is_refused_at_its_line() {
    let e = error_with("lexicon.toml", |t| {
        t.replacen("\"牛羊\" = [\"牛\", \"羊\"]", "\"牛羊\" = [\"牛\"]", 1)
    });
    assert_eq!(
        e,
        format!(
            "lexicon.toml:{}: subject.contractions: `牛羊` must stand for two or more items",
            rule_line("lexicon.toml", "\"牛羊\" = ")
        )
    );
}

#[test]
fn a_word_set_reads_every_list_it_names_with_traditional_forms() {
    let rules = RuleSet::from_sources(shipped_sources()).unwrap();
    let lexicon = &rules.lexicon;
    // `up` reads change.up and change.pace_up; `pace` reads only the paces.
    assert!(lexicon.up.contains("增长") && lexicon.up.contains("加快"));
    assert!(lexicon.pace.contains("加快") && !lexicon.pace.contains("增长"));
    // Traditional forms are added to every set.
    assert!(lexicon.subject_balances.contains("餘額"));
}

#[test]
fn a_date_pattern_without_a_group_the_code_reads_is_refused_at_its_line() {
    let e = error_with("dates.toml", |t| t.replacen("(?P<plan>", "(", 1));
    assert_eq!(
        e,
        format!(
            "dates.toml:{}: plan: the code reads the groups plan, missing here",
            rule_line("dates.toml", "plan = ")
        )
    );
}

#[test]
fn a_date_pattern_naming_an_unknown_fragment_is_refused_at_its_line() {
    let e = error_with("dates.toml", |t| {
        t.replacen(
            "{date_month_words})月(?:份|[0-9]",
            "{month_word})月(?:份|[0-9]",
            1,
        )
    });
    assert_eq!(
        e,
        format!(
            "dates.toml:{}: since_after_year: unknown fragment {{month_word}}",
            rule_line("dates.toml", "since_after_year = ")
        )
    );
}

#[test]
fn an_unknown_date_entry_is_refused_at_its_line() {
    let added = |t: &str| format!("{t}weekday = '周[一二三四五六日]'\n");
    let e = error_with("dates.toml", added);
    let text = std::fs::read_to_string(crate::common::root().join("rules/dates.toml")).unwrap();
    let line = added(&text).lines().count();
    assert_eq!(e, format!("dates.toml:{line}: unknown entry `weekday`"));
}

#[test]
fn date_patterns_read_the_numeral_alphabet() {
    // 二〇二五 is a year because fragments.toml's date_year takes its digits
    // from numerals.toml; the Republic form adds 114年 only for that calendar.
    let rules = RuleSet::from_sources(shipped_sources()).unwrap();
    let years = &rules.lexicon.dates.year;
    assert!(years.gregorian.is_match("二〇二五年"));
    assert!(!years.gregorian.is_match("114年"));
    assert!(years.republic.is_match("114年"));
}
