//! `copydesk dates` and `copydesk eval dates` as a user runs them.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("copydesk-cli-dates-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn dates_json_lists_expressions_with_offsets_types_and_values() {
    let dir = temp_dir("json");
    let file = dir.join("putin.txt");
    let text = "Putin betonte am Freitag die Zusammenarbeit. Xi wird im Frühjahr 2023 Moskau besuchen, seit 80 Jahren.";
    std::fs::write(&file, text).unwrap();
    let out = bin()
        .args(["dates", "--format", "json", "--document-date", "2022-12-30"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let exprs = v["expressions"].as_array().unwrap();
    let find = |t: &str| {
        exprs
            .iter()
            .find(|e| e["text"] == t)
            .unwrap_or_else(|| panic!("{t} not in {exprs:?}"))
    };
    let fr = find("Freitag");
    assert_eq!(
        (fr["type"].as_str(), fr["value"].as_str()),
        (Some("date"), Some("2022-12-30"))
    );
    let (s, e) = (
        fr["byte_start"].as_u64().unwrap() as usize,
        fr["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Freitag");
    assert_eq!(fr["path"].as_str().unwrap(), file.display().to_string());
    assert_eq!(find("Frühjahr 2023")["value"], "2023-SP");
    assert_eq!(find("80 Jahren")["type"], "duration");
    assert_eq!(v["documents"][0]["document_date"], "2022-12-30");
}

#[test]
fn dates_rejects_a_bad_document_date() {
    let dir = temp_dir("bad");
    let file = dir.join("a.txt");
    std::fs::write(&file, "Heute.").unwrap();
    let out = bin()
        .args(["dates", "--document-date", "2025-02-30"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_dates_without_data_says_so() {
    let out = bin()
        .args(["eval", "dates", "/nonexistent/wikiwarsde", "--skip-missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
    let out = bin()
        .args(["eval", "dates", "/nonexistent/wikiwarsde"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_reports_date_errors_with_exit_status_one() {
    let dir = temp_dir("check");
    let file = dir.join("a.txt");
    std::fs::write(&file, "Die Sitzung ist am 31. April.\n").unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("dates/impossible-date"));
}
