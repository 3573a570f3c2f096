//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a CSV file (BOM tolerated) into a header and rows.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let table = zhibiao::app::diff::read_table(path).unwrap_or_else(|e| panic!("{e:#}"));
    (table.header, table.rows)
}

/// `zhibiao extract INPUT --out TMP --format FORMATS`, which must succeed;
/// returns the output folder.
pub fn extract_ok(input: &Path, formats: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    extract_cmd(input, out.path(), formats).assert().success();
    out
}

/// The `zhibiao` binary, to give arguments to.
pub fn zhibiao() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("zhibiao").unwrap()
}

/// The `zhibiao extract INPUT --out OUT --format FORMATS` command, to run and check.
pub fn extract_cmd(input: &Path, out: &Path, formats: &str) -> assert_cmd::Command {
    let mut cmd = zhibiao();
    cmd.arg("extract")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(["--format", formats]);
    cmd
}

/// `zhibiao extract input/ --rules RULES --out OUT`: the bundled input under other rules.
pub fn extract_input_with_rules(rules: &Path, out: &Path) -> assert_cmd::Command {
    let mut cmd = zhibiao();
    cmd.arg("extract")
        .arg(root().join("input"))
        .arg("--rules")
        .arg(rules)
        .arg("--out")
        .arg(out);
    cmd
}

/// A copy of the shipped rules in a temporary folder, with `from` replaced by
/// `to` once in `file` (to break a rule on purpose).
pub fn rules_copy_with(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let text = if name == file {
                text.replacen(from, to, 1)
            } else {
                text
            };
            std::fs::write(dir.path().join(&name), text).unwrap();
        }
    }
    dir
}

/// An unchanged copy of the shipped rules in a temporary folder.
pub fn rules_copy() -> tempfile::TempDir {
    rules_copy_with("", "", "")
}

/// Says that a check did not run because `tool` is not installed. Under CI,
/// where `.ci/run` installs Debian's `package`, that fails the test instead.
pub fn note_missing_tool(tool: &str, package: &str, check: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install {package} (see .ci/run)"
    );
    eprintln!("NOTICE: {tool} not installed; {check} did not run");
}

/// The 1-based line of the first line of `rules/<file>` that holds `needle`,
/// so that tests name a rule's line without pinning it.
pub fn rule_line(file: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(root().join("rules").join(file)).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in {file}"))
        + 1
}

/// The Python with `tests/python/requirements.txt`, named by `ZHIBIAO_PYTHON`
/// (`.ci/run` sets it up); `None`, said as for a missing tool, without it.
pub fn test_python(check: &str) -> Option<std::ffi::OsString> {
    let python = std::env::var_os("ZHIBIAO_PYTHON");
    if python.is_none() {
        note_missing_tool(
            "ZHIBIAO_PYTHON",
            "a Python with tests/python/requirements.txt",
            check,
        );
    }
    python
}

/// Runs `tests/python/<script>` with `args`, which must succeed; prints what it says.
pub fn run_python_check(python: &std::ffi::OsStr, script: &str, args: &[&std::ffi::OsStr]) {
    let run = std::process::Command::new(python)
        .arg(root().join("tests/python").join(script))
        .args(args)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    eprintln!("{said}");
    assert!(
        run.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
