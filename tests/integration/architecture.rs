//! The shape of the source tree: imports point one way, and language
//! knowledge lives in `rules/`, not in Rust.
//!
//! Both checks read the non-test code of `src/` (a file's text before its
//! `#[cfg(test)]` module) with comments removed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Files whose Han-character strings are column labels or page labels, not
/// word lists, with the reason.
const HAN_ALLOWED: [(&str, &str); 2] = [
    (
        "model/schema.rs",
        "the Chinese column labels of the output tables",
    ),
    ("sink/report.rs", "the labels of the review page"),
];

/// Han-character string and character literals left in non-test Rust outside
/// the allow-list. Lower it as word lists move into `rules/`; never raise it.
const HAN_LITERALS_CEILING: usize = 145;

#[test]
fn top_level_modules_import_each_other_in_one_direction_only() {
    let graph = module_graph(&src_dir(), |rel| {
        let first = rel.components().next()?.as_os_str().to_str()?;
        let name = first.trim_end_matches(".rs");
        (name != "lib" && name != "main").then(|| name.to_string())
    });
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "import cycles between top-level modules: {cycles:?}"
    );
}

#[test]
fn files_of_one_folder_import_each_other_in_one_direction_only() {
    let src = src_dir();
    for folder in folders(&src) {
        let prefix = format!("{folder}::");
        let graph = module_graph(&src, |rel| {
            let mut parts = rel.components();
            let first = parts.next()?.as_os_str().to_str()?;
            let file = parts.next()?.as_os_str().to_str()?.trim_end_matches(".rs");
            (first == folder && file != "mod").then(|| format!("{folder}::{file}"))
        });
        let graph: BTreeMap<String, BTreeSet<String>> = graph
            .into_iter()
            .map(|(from, to)| {
                let to = to.into_iter().filter(|t| t.starts_with(&prefix)).collect();
                (from, to)
            })
            .collect();
        let cycles = cycles(&graph);
        assert!(
            cycles.is_empty(),
            "import cycles inside {folder}/: {cycles:?}"
        );
    }
}

#[test]
fn word_lists_live_in_rule_files_not_in_rust() {
    let src = src_dir();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (rel, code) in non_test_sources(&src) {
        let rel = rel.to_string_lossy().replace('\\', "/");
        if HAN_ALLOWED.iter().any(|(file, _)| *file == rel) {
            continue;
        }
        let n = literals(&code)
            .iter()
            .filter(|l| l.chars().any(is_han))
            .count();
        if n > 0 {
            counts.insert(rel, n);
        }
    }
    let total: usize = counts.values().sum();
    assert!(
        total <= HAN_LITERALS_CEILING,
        "{total} Han-character literals in Rust (ceiling {HAN_LITERALS_CEILING}): \
         put word lists in rules/; by file: {counts:?}"
    );
}

#[test]
fn the_literal_reader_sees_strings_and_characters_but_not_comments_or_lifetimes() {
    let code = "// 注释 \"x\"\nfn f<'a>(s: &'a str) -> bool { s == \"增长\" || s.starts_with('降') }\n/* 块 */ const R: &str = r#\"年\"#;";
    assert_eq!(
        literals(&without_comments(code)),
        ["\"增长\"", "'降'", "r#\"年\"#"]
    );
}

#[test]
fn a_cycle_is_found() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    graph.entry("c".into()).or_default().insert("a".into());
    graph.entry("d".into()).or_default().insert("a".into());
    assert_eq!(cycles(&graph), [vec!["a", "b", "c"]]);
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The folders directly under `src/`.
fn folders(src: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(src)
        .expect("src/ is readable")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    out.sort();
    out
}

/// Every `.rs` file under `src/` (relative path) with its non-test code,
/// comments removed.
fn non_test_sources(src: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("source folder is readable") {
            let path = entry.expect("source entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("source is UTF-8");
                let code = text.split("#[cfg(test)]").next().unwrap_or("");
                let rel = path.strip_prefix(src).expect("under src").to_path_buf();
                files.push((rel, without_comments(code)));
            }
        }
    }
    files.sort();
    files
}

/// The module graph under a naming of files: `node_of` names the node a file
/// belongs to (or none); an edge goes to the node a `crate::` or `super::`
/// path names.
fn module_graph(
    src: &Path,
    node_of: impl Fn(&Path) -> Option<String>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, code) in non_test_sources(src) {
        let Some(node) = node_of(&rel) else { continue };
        let parent: Vec<String> = rel
            .parent()
            .map(|p| {
                p.components()
                    .filter_map(|c| c.as_os_str().to_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        for path in paths(&code) {
            let absolute: Vec<String> = match path.first().map(String::as_str) {
                Some("crate") => path[1..].to_vec(),
                Some("super") if !parent.is_empty() => parent
                    .iter()
                    .cloned()
                    .chain(path[1..].iter().cloned())
                    .collect(),
                _ => continue,
            };
            let file = absolute_file(&absolute);
            if let Some(target) = file.as_deref().and_then(|f| node_of(Path::new(f))) {
                if target != node {
                    graph.entry(node.clone()).or_default().insert(target);
                }
            }
        }
        graph.entry(node).or_default();
    }
    graph
}

/// The file a module path names (`["engine", "scanner", "Scanner"]` →
/// `engine/scanner.rs`), as deep as the path's lowercase segments go.
fn absolute_file(path: &[String]) -> Option<String> {
    let modules: Vec<&str> = path
        .iter()
        .map(String::as_str)
        .take_while(|s| {
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .collect();
    match modules.as_slice() {
        [] => None,
        [top] => Some(format!("{top}.rs")),
        [top, file, ..] => Some(format!("{top}/{file}.rs")),
    }
}

/// The paths that start with `crate::` or `super::`, with `{a, b::c}` groups
/// spread out.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for root in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(root) {
            let before = &rest[..at];
            rest = &rest[at + root.len()..];
            if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let head = root.trim_end_matches("::").to_string();
            spread(vec![head], rest, &mut out);
        }
    }
    out
}

/// Reads a path tail (`a::b`, `{a, b::{c}}`) after `prefix` into `out`.
fn spread(prefix: Vec<String>, text: &str, out: &mut Vec<Vec<String>>) {
    if let Some(inner) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    spread(prefix.clone(), inner[start..i].trim(), out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    spread(prefix.clone(), inner[start..i].trim(), out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let ident: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if ident.is_empty() {
        if prefix.len() > 1 {
            out.push(prefix);
        }
        return;
    }
    let mut path = prefix;
    let after = &text[ident.len()..];
    path.push(ident);
    match after.strip_prefix("::") {
        Some(tail) => spread(path, tail, out),
        None => out.push(path),
    }
}

/// The cycles of a graph, one per strongly connected component of more than
/// one node, each listed in sorted order.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<&str>> {
    let reach = |from: &str| -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for next in graph.get(n).into_iter().flatten() {
                if seen.insert(next.as_str()) {
                    stack.push(next);
                }
            }
        }
        seen
    };
    let mut out: Vec<Vec<&str>> = Vec::new();
    for node in graph.keys() {
        let mut component: Vec<&str> = reach(node)
            .into_iter()
            .filter(|other| reach(other).contains(node.as_str()))
            .collect();
        if component.len() > 1 {
            component.sort();
            if !out.contains(&component) {
                out.push(component);
            }
        }
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '〇' | '○')
}

/// `code` with line and block comments removed (literals kept as written).
fn without_comments(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += block_comment_len(rest);
        } else if let Some(len) = literal_at(code, i) {
            out.push_str(&rest[..len]);
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The length of the (possibly nested) block comment `text` starts with.
fn block_comment_len(text: &str) -> usize {
    let mut depth = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with("/*") {
            depth += 1;
            i += 2;
        } else if rest.starts_with("*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    text.len()
}

/// The string and character literals of comment-free code, as written.
fn literals(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        match literal_at(code, i) {
            Some(len) => {
                out.push(&code[i..i + len]);
                i += len;
            }
            None => i += code[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The length of a literal starting at byte `i` of `code`, unless `i` is
/// inside a word (the `r` of `for`, the `b` of `sub`).
fn literal_at(code: &str, i: usize) -> Option<usize> {
    let rest = &code[i..];
    let inside_word = code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
    if inside_word && !rest.starts_with(['"', '\'']) {
        return None;
    }
    literal_len(rest)
}

/// The length of a string, raw string or character literal at the start of
/// `text`; `None` when none starts there (a lifetime is none).
fn literal_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix('b').unwrap_or(text);
    let skipped = text.len() - body.len();
    if let Some(raw) = body.strip_prefix('r') {
        let hashes = raw.chars().take_while(|&c| c == '#').count();
        let after = raw[hashes..].strip_prefix('"')?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = after.find(&close)?;
        return Some(skipped + 1 + hashes + 1 + end + close.len());
    }
    if let Some(after) = body.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return Some(skipped + 1 + i + 1),
                _ => escaped = false,
            }
        }
        return None;
    }
    if let Some(after) = body.strip_prefix('\'') {
        let mut chars = after.char_indices();
        let (_, first) = chars.next()?;
        let close = if first == '\\' {
            after[1..].find('\'').map(|e| e + 1)
        } else {
            chars.next().filter(|&(_, c)| c == '\'').map(|(j, _)| j)
        }?;
        return Some(skipped + 1 + close + 1);
    }
    None
}
