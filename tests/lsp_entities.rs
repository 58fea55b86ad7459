//! Entities over the real LSP connection, on a fixture workspace: an article
//! open in the editor, another only on disk, and a knowledge base with one
//! malformed entry.

mod common;

use std::path::PathBuf;

use common::{Client, caps, file_uri, position};
use serde_json::{Value, json};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace")
}

fn article() -> (String, String) {
    let p = workspace().join("2025-03-01-manoever.md");
    (file_uri(&p), std::fs::read_to_string(p).unwrap())
}

/// A client with the workspace indexed and the article open.
fn start() -> (Client, String, String) {
    let mut c = indexed(None);
    let (uri, text) = article();
    c.open(&uri, "markdown", &text);
    (c, uri, text)
}

/// A client with the workspace indexed; with `settings`, it answers
/// `workspace/configuration` with them.
fn indexed(settings: Option<Value>) -> Client {
    let mut c = Client::spawn();
    let mut cp = caps(&["utf-16"], false);
    cp["textDocument"]["documentSymbol"] = json!({"hierarchicalDocumentSymbolSupport": true});
    if let Some(s) = settings {
        c.config = s;
        cp["workspace"] = json!({"configuration": true});
    }
    c.initialize(Some(&workspace()), cp);
    c.wait_indexed();
    c
}

fn pos_of(text: &str, needle: &str) -> Value {
    position(
        text,
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in fixture"))
            + 1,
        "utf-16",
    )
}

fn at(uri: &str, p: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": p})
}

#[test]
fn hover_shows_the_house_spelling_role_spellings_and_counts() {
    let (mut c, uri, text) = start();
    let h = c.request(
        "textDocument/hover",
        at(&uri, pos_of(&text, "Kuzmin sprach")),
    );
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("### Andrei Kuzmin"), "{md}");
    assert!(md.contains("Verteidigungsminister von Nordland"), "{md}");
    assert!(md.contains("Born 12.04.1961"), "{md}");
    assert!(
        md.contains("Verteidigungsminister — 2025-03-01-manoever.md:7"),
        "{md}"
    );
    assert!(
        md.contains("Kusmin") && md.contains("Andrei Kuzmin (1)"),
        "{md}"
    );
    assert!(md.contains("in 2 articles"), "{md}");
    assert!(md.contains("3 in this file · 5 in the workspace"), "{md}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn references_reach_unopened_files_and_honour_include_declaration() {
    let (mut c, uri, text) = start();
    let mut p = at(&uri, pos_of(&text, "Kusmins"));
    p["context"] = json!({"includeDeclaration": false});
    let refs = c.request("textDocument/references", p.clone());
    let refs = refs.as_array().unwrap();
    let other = file_uri(&workspace().join("archiv/haushalt.txt"));
    let in_other: Vec<&Value> = refs.iter().filter(|l| l["uri"] == other).collect();
    assert_eq!(in_other.len(), 2, "{refs:?}");
    assert_eq!(refs.len(), 5, "{refs:?}");
    p["context"] = json!({"includeDeclaration": true});
    let with_decl = c.request("textDocument/references", p);
    let kb = file_uri(&workspace().join(".copydesk/entities.toml"));
    assert!(
        with_decl.as_array().unwrap().iter().any(|l| l["uri"] == kb),
        "{with_decl}"
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn references_are_capped_by_the_limit_with_the_current_article_first() {
    let mut c = indexed(Some(json!({"referencesLimit": 3})));
    // Asked from the archive article, which sorts after the other one.
    let path = workspace().join("archiv/haushalt.txt");
    let (uri, text) = (file_uri(&path), std::fs::read_to_string(&path).unwrap());
    c.open(&uri, "plaintext", &text);
    let mut p = at(&uri, pos_of(&text, "Kuzmin verlangte"));
    p["context"] = json!({"includeDeclaration": false});
    let refs = c.request("textDocument/references", p);
    let uris: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    // Five mentions in all (two here, three in the other article), three
    // shown: this article's two first.
    let (other, _) = article();
    assert_eq!(uris, [&*uri, &*uri, &*other], "{refs}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn definition_is_the_knowledge_base_entry_and_highlights_stay_in_the_file() {
    let (mut c, uri, text) = start();
    let d = c.request(
        "textDocument/definition",
        at(&uri, pos_of(&text, "Kusmin hat")),
    );
    assert_eq!(
        d["uri"],
        file_uri(&workspace().join(".copydesk/entities.toml"))
    );
    assert_eq!(
        d["range"]["start"]["line"], 2,
        "the [[entity]] line of the entry: {d}"
    );
    let hl = c.request(
        "textDocument/documentHighlight",
        at(&uri, pos_of(&text, "Kusmin hat")),
    );
    assert_eq!(hl.as_array().unwrap().len(), 3, "{hl}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn rename_rewrites_every_mention_keeping_the_genitive() {
    let (mut c, uri, text) = start();
    let prep = c.request(
        "textDocument/prepareRename",
        at(&uri, pos_of(&text, "Kusmins")),
    );
    assert_eq!(prep["placeholder"], "Andrei Kuzmin");
    let edit = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": pos_of(&text, "Kusmins"), "newName": "Andrej Kosmin"}),
    );
    let changes = edit["changes"]
        .as_object()
        .unwrap_or_else(|| panic!("{edit}"));
    assert!(changes.contains_key(&uri), "{edit}");
    let here: Vec<String> = changes[&uri]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["newText"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(here, ["Andrej Kosmin", "Kosmin", "Kosmins"]);
    let other = file_uri(&workspace().join("archiv/haushalt.txt"));
    let there: Vec<&str> = changes[&other]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["newText"].as_str().unwrap())
        .collect();
    assert_eq!(there, ["Andrej Kosmin", "Kosmin"]);
    let kb = file_uri(&workspace().join(".copydesk/entities.toml"));
    assert!(
        changes.contains_key(&kb),
        "{:?}",
        changes.keys().collect::<Vec<_>>()
    );
    assert_eq!(changes[&kb][0]["newText"], "Andrej Kosmin");
    let bad = c.request_full(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": pos_of(&text, "Kusmins"), "newName": " "}),
    );
    assert!(bad.get("error").is_some(), "{bad}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn symbols_semantic_tokens_and_the_entities_request() {
    let (mut c, uri, text) = start();
    let syms = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<&str> = syms
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Manöver an der Küste", "People", "Organizations"],
        "{syms}"
    );
    let people = &syms[1]["children"];
    assert_eq!(people[0]["name"], "Andrei Kuzmin");
    assert_eq!(people[0]["children"].as_array().unwrap().len(), 3);
    let ws = c.request("workspace/symbol", json!({"query": "kuz"}));
    assert_eq!(ws[0]["name"], "Andrei Kuzmin", "{ws}");
    let toks = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri}}),
    );
    let data = toks["data"].as_array().unwrap();
    assert_eq!(data.len() % 5, 0);
    // First token: "Andrej Kusmin" on line 6 (0-based), a person (type 0).
    let first = position(&text, text.find("Andrej Kusmin").unwrap(), "utf-16");
    assert_eq!(data[0], first["line"]);
    assert_eq!(data[1], first["character"]);
    assert_eq!(data[2], 13);
    assert_eq!(data[3], 0);
    let ents = c.request("copydesk/entities", json!({"uri": uri}));
    let list = ents["entities"].as_array().unwrap();
    let ezb = list
        .iter()
        .find(|e| e["name"] == "Europäische Zentralbank")
        .expect("EZB entity");
    assert_eq!(ezb["kind"], "organization");
    assert_eq!(
        ezb["mentions"].as_array().unwrap().len(),
        3,
        "long form, acronym here, acronym in the archive: {ezb}"
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn malformed_knowledge_base_entry_is_a_diagnostic_at_its_line() {
    let mut c = Client::spawn();
    c.initialize(Some(&workspace()), caps(&["utf-16"], false));
    let kb = file_uri(&workspace().join(".copydesk/entities.toml"));
    let d = c.diagnostics(&kb, None);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "kb/invalid-entry");
    assert_eq!(d[0]["range"]["start"]["line"], 11);
    assert!(d[0]["message"].as_str().unwrap().contains("roboter"));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn inconsistent_spellings_are_reported_with_fixes() {
    let (mut c, uri, text) = start();
    let diags = loop {
        let d = c.diagnostics(&uri, None);
        if d.iter().any(|x| x["code"] == "names/inconsistent-spelling") {
            break d;
        }
    };
    let spelling: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "names/inconsistent-spelling")
        .collect();
    // "Andrej" and the three "Kusmin" forms differ from the house spelling.
    let words: Vec<String> = spelling
        .iter()
        .map(|d| {
            let a = common::offset(&text, &d["range"]["start"], "utf-16");
            let b = common::offset(&text, &d["range"]["end"], "utf-16");
            text[a..b].to_string()
        })
        .collect();
    assert_eq!(words, ["Andrej", "Kusmin", "Kusmin"], "{spelling:?}");
    // The article is consistent about "Andrej" (information: the house
    // writes "Andrei") but not about the family name (warnings).
    let severities: Vec<i64> = spelling
        .iter()
        .map(|d| d["severity"].as_i64().unwrap())
        .collect();
    assert_eq!(severities, [3, 2, 2]);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": spelling[1]["range"], "context": {"diagnostics": [spelling[1]]}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Use 'Kuzmin' here") && titles.contains(&"Use 'Kuzmin' in the whole file"),
        "{titles:?}"
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn hover_on_a_date_says_what_it_resolves_to() {
    let (mut c, uri, text) = start();
    let h = c.request("textDocument/hover", at(&uri, pos_of(&text, "Samstag")));
    let md = h["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{h}"));
    // The article is dated Saturday 1 March 2025 in its front matter.
    assert!(md.contains("01.03.2025"), "{md}");
    assert_eq!(c.shutdown(), 0);
}

/// Workspace findings of an open article depend on the other articles: an
/// edit elsewhere that makes its spelling the minority must reach it
/// without the article itself being touched.
#[test]
fn an_edit_in_one_article_republishes_workspace_findings_of_another() {
    let a =
        "Der Minister Pawel Kusnezow eröffnete am Montag die Messe. Kusnezow sprach von Erfolg.\n";
    let b = "Der Messebau ist fertig.\n";
    let c_txt = "Der Minister Pawel Kuznetsov reiste ab.\n";
    let (mut c, dir) =
        common::indexed_workspace("republish", &[("a.txt", a), ("b.txt", b), ("c.txt", c_txt)]);
    let (ua, ub) = (file_uri(&dir.join("a.txt")), file_uri(&dir.join("b.txt")));
    c.open(&ua, "plaintext", a);
    c.open(&ub, "plaintext", b);
    let spelling = |d: &[Value]| common::count_code(d, "names/inconsistent-spelling");
    // Two against one: a.txt holds the majority spelling.
    assert_eq!(spelling(&c.diagnostics(&ua, Some(1))), 0);
    c.diagnostics(&ub, Some(1));
    let b2 = "Pawel Kuznetsov, der Minister, kam zur Messe. Kuznetsov lobte die Aussteller.\n";
    c.change(&ub, 2, json!([{"text": b2}]));
    // a.txt is not edited; its diagnostics come again, now with both of
    // its mentions in the minority.
    let got = c
        .diagnostics_where(&ua, |d| spelling(d) == 2)
        .expect("a.txt republished with the workspace findings");
    assert_eq!(got["params"]["version"], 1);
    assert_eq!(c.shutdown(), 0);
    let _ = std::fs::remove_dir_all(dir);
}
