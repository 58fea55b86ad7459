//! Rule documentation rendered from the registry.

use super::{Fixable, Rule, registry};

fn fix_word(f: Fixable) -> &'static str {
    match f {
        Fixable::Always => "always",
        Fixable::Sometimes => "sometimes",
        Fixable::Never => "none",
    }
}

/// One rule's page, in the shape of ruff's rule documentation.
pub fn render_markdown(rule: &Rule) -> String {
    format!(
        "# {code}\n\n{summary}\n\nDefault severity: {sev} · Fix: {fix}\n\n## What it does\n\n{what}\n\n## Why is this bad?\n\n{why}\n\n## Example\n\n```text\n{bad}\n```\n\nUse instead:\n\n```text\n{good}\n```\n",
        code = rule.code,
        summary = rule.summary,
        sev = rule.default_severity.as_str(),
        fix = fix_word(rule.fixable),
        what = rule.what.trim(),
        why = rule.why.trim(),
        bad = rule.bad.trim_end(),
        good = rule.good.trim_end(),
    )
}

/// The README's rule list.
pub fn rules_table() -> String {
    let mut s =
        String::from("| Code | Default severity | Fix | What it reports |\n|---|---|---|---|\n");
    for r in registry() {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            r.code,
            r.default_severity.as_str(),
            fix_word(r.fixable),
            r.summary
        ));
    }
    s
}
