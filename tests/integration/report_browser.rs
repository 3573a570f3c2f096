//! `report.html` opened in a real headless Chromium: one highlighted element
//! per row, the page script runs, and the console shows no error.
//!
//! `.ci/run` installs Debian's `chromium`. On a machine without it the test
//! fails under CI (`CI=true`) and otherwise says loudly that the browser
//! check did not run.

use std::process::Command as Process;

use crate::common::{note_missing_tool, read_csv, root, zhibiao};

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Process::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn report_renders_in_chromium_with_one_highlight_per_row() {
    let Some(browser) = chromium() else {
        note_missing_tool("chromium", "chromium", "the browser check of report.html");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    zhibiao()
        .arg("extract")
        .arg(root().join("input"))
        .arg(root().join("tests/golden/cases"))
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let (_, rows) = read_csv(&out.path().join("metrics.csv"));
    let profile = tempfile::tempdir().unwrap();
    let page = format!("file://{}", out.path().join("report.html").display());
    let run = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let dom = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        dom.matches("data-rule=").count(),
        rows.len(),
        "one highlight per row"
    );
    assert!(
        dom.contains("data-ready=\"yes\""),
        "the page script did not finish"
    );
    assert!(
        dom.contains("data-kinds=\"7\""),
        "the kind filters are missing"
    );
    let log = String::from_utf8_lossy(&run.stderr);
    let console_errors: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error")))
        .collect();
    assert!(
        console_errors.is_empty(),
        "console errors: {console_errors:?}"
    );
}
