//! The registry documents every rule, and the documentation is executable:
//! each rule fires on its bad example and not on its good example, and the
//! README lists exactly the registry's rules.

use copydesk::analysis::{Context, DocInput, analyze_workspace};
use copydesk::config::Settings;
use copydesk::markup::Format;
use copydesk::rules::{Finding, registry, rules_table};

/// Examples that start with front matter are Markdown, others plain text.
fn findings(text: &str) -> Vec<Finding> {
    let format = if text.starts_with("---\n") {
        Format::Markdown
    } else {
        Format::Text
    };
    // As a one-document workspace, so workspace-level rules run too.
    let (mut a, _) = analyze_workspace(
        &[DocInput {
            text,
            path: None,
            format,
        }],
        &Settings::default(),
        &Context::default(),
    );
    a.remove(0).findings
}

#[test]
fn every_rule_fires_on_its_bad_example_and_not_on_its_good_example() {
    let mut failures = Vec::new();
    for rule in registry() {
        let bad = findings(rule.bad);
        if !bad.iter().any(|f| f.code == rule.code) {
            failures.push(format!(
                "{}: no finding on the bad example\n  text: {:?}\n  found: {:?}",
                rule.code, rule.bad, bad
            ));
        }
        let good = findings(rule.good);
        if let Some(f) = good.iter().find(|f| f.code == rule.code) {
            failures.push(format!(
                "{}: finding on the good example\n  text: {:?}\n  found: {f:?}",
                rule.code, rule.good
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_is_documented_with_a_stable_code() {
    for rule in registry() {
        let (group, name) = rule.code.split_once('/').expect("code is group/name");
        assert!(!group.is_empty() && !name.is_empty());
        assert!(
            rule.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '/'),
            "{}",
            rule.code
        );
        for (field, text) in [
            ("summary", rule.summary),
            ("what", rule.what),
            ("why", rule.why),
        ] {
            assert!(text.len() > 20, "{}: {field} is too short", rule.code);
        }
        assert_ne!(rule.bad, rule.good, "{}", rule.code);
    }
}

#[test]
fn fixes_never_overlap_within_a_finding() {
    for rule in registry() {
        for f in findings(rule.bad) {
            for fix in &f.fixes {
                let mut spans: Vec<_> = fix.edits.iter().map(|e| e.span.clone()).collect();
                spans.sort_by_key(|s| s.start);
                assert!(
                    spans.windows(2).all(|w| w[0].end <= w[1].start),
                    "{}: {fix:?}",
                    rule.code
                );
                assert!(
                    spans.iter().all(|s| s.end <= rule.bad.len()),
                    "{}",
                    rule.code
                );
            }
        }
    }
}

#[test]
fn readme_lists_the_rules_of_the_registry() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme
        .find("<!-- rules:start -->")
        .expect("rules:start marker")
        + "<!-- rules:start -->".len();
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    let listed = readme[start..end].trim();
    let expected = rules_table();
    if std::env::var_os("UPDATE_README").is_some() && listed != expected.trim() {
        let updated = format!("{}\n{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"), updated).unwrap();
        return;
    }
    assert_eq!(
        listed,
        expected.trim(),
        "README rule list is out of date; run `UPDATE_README=1 cargo test --test rules_docs` (or paste `copydesk rules --markdown`)"
    );
}

#[test]
fn readme_documents_every_setting() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme
        .find("<!-- settings:start -->")
        .expect("settings:start marker");
    let end = readme
        .find("<!-- settings:end -->")
        .expect("settings:end marker");
    let section = &readme[start..end];
    let defaults = serde_json::to_value(Settings::default()).unwrap();
    for key in defaults.as_object().unwrap().keys() {
        assert!(
            section.contains(&format!("| `{key}` |")),
            "README settings table lacks `{key}`"
        );
    }
    // And the editor schema offers each of them (camelCase).
    let schema = copydesk::config::json_schema();
    assert_eq!(
        schema.as_object().unwrap().len(),
        defaults.as_object().unwrap().len()
    );
}
