//! The language server over real stdio: spawn `copydesk serve`, speak JSON-RPC.

mod common;

use common::{Client, apply_edits, caps, file_uri, position, temp_dir};
use serde_json::{Value, json};

const URI: &str = "file:///tmp/copydesk-lsp-test/artikel.txt";

/// A line full of multi-byte characters before a double space.
const TEXT: &str = "Überschrift\n„Grüße“ an «Xi» 😀 und  Putin.\nZweite Zeile.\n";

fn double_space_range(text: &str, enc: &str) -> Value {
    let a = text.find("  ").unwrap();
    json!({"start": position(text, a, enc), "end": position(text, a + 2, enc)})
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn start(enc: &[&str], pull: bool) -> Client {
    let mut c = Client::spawn();
    c.config = json!({"debounceMs": 0});
    let r = c.initialize(None, caps(enc, pull));
    let expected = if enc.contains(&"utf-8") {
        "utf-8"
    } else {
        "utf-16"
    };
    assert_eq!(r["capabilities"]["positionEncoding"], expected, "{r}");
    c
}

#[test]
fn utf16_diagnostic_ranges_are_exact_on_a_line_with_umlauts_quotes_and_emoji() {
    let mut c = start(&["utf-16"], false);
    c.open(URI, "plaintext", TEXT);
    let d = c.diagnostics(URI, Some(1));
    assert_eq!(codes(&d), ["spacing/double-space"], "{d:?}");
    assert_eq!(d[0]["range"], double_space_range(TEXT, "utf-16"));
    // Independent check: „Grüße“ an «Xi» 😀 und = 22 UTF-16 units.
    assert_eq!(d[0]["range"]["start"], json!({"line": 1, "character": 22}));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn utf8_is_negotiated_when_offered_and_columns_count_bytes() {
    let mut c = start(&["utf-8", "utf-16"], false);
    c.open(URI, "plaintext", TEXT);
    let d = c.diagnostics(URI, Some(1));
    assert_eq!(d[0]["range"], double_space_range(TEXT, "utf-8"));
    assert_eq!(d[0]["range"]["start"]["character"], 32);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn incremental_edits_move_and_clear_diagnostics() {
    let mut c = start(&["utf-16"], false);
    c.open(URI, "plaintext", TEXT);
    assert_eq!(c.diagnostics(URI, Some(1)).len(), 1);

    // Insert a word before the double space on the same line: the
    // diagnostic moves right by the inserted UTF-16 length.
    let ins = TEXT.find("und").unwrap();
    c.change(
        URI,
        2,
        json!([{"range": {"start": position(TEXT, ins, "utf-16"), "end": position(TEXT, ins, "utf-16")}, "text": "🎉ö "}]),
    );
    let text2 = format!("{}🎉ö {}", &TEXT[..ins], &TEXT[ins..]);
    let d = c.diagnostics(URI, Some(2));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["range"], double_space_range(&text2, "utf-16"));

    // Delete one of the two spaces: the diagnostic is gone.
    let a = text2.find("  ").unwrap();
    c.change(
        URI,
        3,
        json!([{"range": {"start": position(&text2, a, "utf-16"), "end": position(&text2, a + 1, "utf-16")}, "text": ""}]),
    );
    assert!(c.diagnostics(URI, Some(3)).is_empty());
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn code_action_fix_applied_by_the_client_removes_the_problem() {
    let mut c = start(&["utf-16"], false);
    let text = "Er sagte „ im Feuer“ und ging.Danach  kam er.\n";
    c.open(URI, "plaintext", text);
    let d = c.diagnostics(URI, Some(1));
    assert_eq!(
        codes(&d),
        [
            "spacing/quote-spacing",
            "spacing/missing-space-after-punctuation",
            "spacing/double-space"
        ]
    );
    let mut current = text.to_string();
    let mut version = 1;
    for diag in d.iter().rev() {
        let actions = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
        );
        let action = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["diagnostics"][0]["code"] == diag["code"] && a["isPreferred"] == true)
            .unwrap_or_else(|| panic!("no preferred fix for {diag} in {actions}"))
            .clone();
        assert_eq!(action["kind"], "quickfix");
        let edits = action["edit"]["changes"][URI].as_array().unwrap().clone();
        // The client applies the WorkspaceEdit and reports it as a change.
        let changes: Vec<Value> = edits
            .iter()
            .map(|e| json!({"range": e["range"], "text": e["newText"]}))
            .collect();
        current = apply_edits(&current, &edits, "utf-16");
        version += 1;
        c.change(URI, version, Value::Array(changes));
    }
    assert_eq!(current, "Er sagte „im Feuer“ und ging. Danach kam er.\n");
    assert!(c.diagnostics(URI, Some(version)).is_empty());
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn pull_diagnostics_are_served_and_unchanged_reports_reuse_the_result_id() {
    let mut c = Client::spawn();
    let r = c.initialize(None, caps(&["utf-16"], true));
    assert_eq!(
        r["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    c.open(URI, "plaintext", TEXT);
    let rep = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(rep["kind"], "full");
    assert_eq!(rep["items"][0]["range"], double_space_range(TEXT, "utf-16"));
    let id = rep["resultId"].clone();
    let again = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}, "previousResultId": id}),
    );
    assert_eq!(again["kind"], "unchanged");
    // Pull clients get no pushed diagnostics (no duplicates in the editor).
    c.drain_for(std::time::Duration::from_millis(300));
    assert!(
        !c.backlog
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics")
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn settings_from_the_editor_switch_rules_off() {
    let mut c = Client::spawn();
    c.config = json!({"debounceMs": 0, "rules": {"spacing/double-space": "off", "spacing/hyphen-spacing": "error"}});
    c.initialize(None, caps(&["utf-16"], false));
    c.open(
        URI,
        "plaintext",
        "Ein  Wort im asiatisch -pazifischen Raum.\n",
    );
    // The configuration is requested after `initialized`; the first
    // analysis may precede it, so wait for a report that reflects it.
    let d = loop {
        let d = c.diagnostics(URI, None);
        if !codes(&d).contains(&"spacing/double-space".to_string()) {
            break d;
        }
    };
    assert_eq!(codes(&d), ["spacing/hyphen-spacing"]);
    assert_eq!(d[0]["severity"], 1);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn broken_copydesk_toml_is_reported_with_its_line_and_defaults_apply() {
    let dir = temp_dir("broken-config");
    std::fs::write(dir.join("copydesk.toml"), "debounce-ms = 0\n[rules\n").unwrap();
    let mut c = Client::spawn();
    c.initialize(Some(&dir), caps(&["utf-16"], false));
    let msg = c
        .wait_for(|m| m["method"] == "window/showMessage")
        .expect("a showMessage about the broken file");
    let text = msg["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("copydesk.toml") && text.contains("line 2"),
        "{text}"
    );
    let uri = common::file_uri(&dir.join("a.txt"));
    c.open(&uri, "plaintext", "Ein  Wort.\n");
    assert_eq!(codes(&c.diagnostics(&uri, None)), ["spacing/double-space"]);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn out_of_range_edits_unknown_documents_and_untitled_uris_do_not_break_the_server() {
    let mut c = start(&["utf-16"], false);
    let untitled = "untitled:Untitled-1";
    c.open(untitled, "plaintext", "Kurz.\n");
    assert!(c.diagnostics(untitled, Some(1)).is_empty());
    // Positions far past the end are clamped: the text becomes "Kurz.  x".
    c.change(
        untitled,
        2,
        json!([{"range": {"start": {"line": 0, "character": 99}, "end": {"line": 40, "character": 3}}, "text": "  x"}]),
    );
    assert_eq!(
        codes(&c.diagnostics(untitled, Some(2))),
        ["spacing/double-space"]
    );
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///nowhere.txt"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    assert!(r.is_null() || r == json!([]), "{r}");
    c.change("file:///never-opened.txt", 2, json!([{"text": "x"}]));
    // Malformed JSON gets a parse error response and the server goes on.
    c.send_raw("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    let r = c.request_full("textDocument/codeAction", json!({"textDocument": {"uri": untitled}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 9}}, "context": {"diagnostics": []}}));
    assert!(r.get("result").is_some(), "{r}");
    assert!(c.is_running());
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn exit_without_shutdown_ends_with_status_one() {
    let mut c = start(&["utf-16"], false);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), 1);
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut c = Client::spawn_with_env(&[("COPYDESK_LOG", "debug")]);
    let r = c.request_full(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["error"]["code"], -32002, "{r}");
    c.initialize(None, caps(&["utf-16"], false));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn workspace_is_indexed_at_start_with_progress_and_bad_files_are_logged() {
    let dir = temp_dir("index");
    for i in 0..40 {
        std::fs::write(
            dir.join(format!("artikel-{i:02}.txt")),
            format!("Meldung {i}.  Zweiter Satz.\n"),
        )
        .unwrap();
    }
    std::fs::write(dir.join("kaputt.txt"), b"Gut\xff kaputt").unwrap();
    std::fs::write(dir.join("riesig.md"), "Wort ".repeat(400)).unwrap();
    std::fs::write(dir.join("copydesk.toml"), "max-file-size = 1000\n").unwrap();
    let mut c = Client::spawn();
    c.initialize(Some(&dir), caps(&["utf-16"], false));
    let end = c.wait_indexed();
    assert_eq!(end["params"]["value"]["message"], "42 articles");
    let begun = c
        .backlog
        .iter()
        .any(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin");
    assert!(begun, "progress begins before it ends");
    let logs: Vec<String> = {
        c.drain_for(std::time::Duration::from_millis(300));
        c.backlog
            .iter()
            .filter(|m| m["method"] == "window/logMessage")
            .map(|m| m["params"]["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        logs.iter()
            .any(|l| l.contains("kaputt.txt") && l.contains("UTF-8")),
        "{logs:?}"
    );
    assert!(
        logs.iter()
            .any(|l| l.contains("riesig.md") && l.contains("limit")),
        "{logs:?}"
    );
    assert!(
        logs.iter().any(|l| l.contains("indexed 42 articles")),
        "{logs:?}"
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn changed_copydesk_toml_is_picked_up_through_watched_files() {
    let dir = temp_dir("watch");
    std::fs::write(dir.join("copydesk.toml"), "debounce-ms = 0\n").unwrap();
    let mut c = Client::spawn();
    c.initialize(Some(&dir), caps(&["utf-16"], false));
    let registered = c
        .wait_for(|m| m["method"] == "client/registerCapability")
        .expect("watchers registered");
    assert_eq!(
        registered["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    let uri = common::file_uri(&dir.join("a.txt"));
    c.open(&uri, "plaintext", "Ein  Wort.\n");
    assert_eq!(
        codes(&c.diagnostics(&uri, Some(1))),
        ["spacing/double-space"]
    );
    std::fs::write(
        dir.join("copydesk.toml"),
        "debounce-ms = 0\n[rules]\n\"spacing/double-space\" = \"off\"\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": common::file_uri(&dir.join("copydesk.toml")), "type": 2}]}),
    );
    // Earlier publishes (indexing finished) may still be in flight; the
    // reload must end in an empty report.
    while !c.diagnostics(&uri, Some(1)).is_empty() {}
    // Closing the document clears its diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(c.diagnostics(&uri, None).is_empty());
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn glued_word_offers_add_to_workspace_words_editing_copydesk_toml() {
    for existing in [None, Some("# Hausregeln\nwords = [\"Kasan\"]\n\n[rules]\n")] {
        let dir = temp_dir(if existing.is_some() {
            "glue-words-existing"
        } else {
            "glue-words-new"
        });
        let toml_path = dir.join("copydesk.toml");
        let _ = std::fs::remove_file(&toml_path);
        if let Some(t) = existing {
            std::fs::write(&toml_path, t).unwrap();
        }
        let uri = common::file_uri(&dir.join("artikel.txt"));
        let text = "Er sprach über Plattformenwie diese.\n";
        let mut c = Client::spawn();
        c.config = json!({"debounceMs": 0});
        c.initialize(Some(&dir), caps(&["utf-16"], false));
        c.open(&uri, "plaintext", text);
        let d = c.diagnostics(&uri, Some(1));
        let diag = d
            .iter()
            .find(|d| d["code"] == "spacing/glued-words")
            .unwrap_or_else(|| panic!("no glued-words diagnostic in {d:?}"))
            .clone();
        let actions = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
        );
        let add = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == "Add 'Plattformenwie' to workspace words")
            .unwrap_or_else(|| panic!("no add-word action in {actions}"))
            .clone();
        let toml_uri = common::file_uri(&toml_path);
        match existing {
            None => {
                let ops = add["edit"]["documentChanges"].as_array().unwrap();
                assert_eq!(ops[0]["kind"], "create", "{add}");
                assert_eq!(ops[0]["uri"], toml_uri.as_str());
                assert_eq!(
                    ops[1]["edits"][0]["newText"],
                    "words = [\"Plattformenwie\"]\n"
                );
            }
            Some(t) => {
                let edits = add["edit"]["changes"][toml_uri.as_str()]
                    .as_array()
                    .unwrap();
                let after = apply_edits(t, edits, "utf-16");
                assert_eq!(
                    after,
                    "# Hausregeln\nwords = [\"Kasan\", \"Plattformenwie\"]\n\n[rules]\n"
                );
            }
        }
        assert_eq!(c.shutdown(), 0);
    }
}

/// The workspace vocabulary follows unsaved edits: a word typed into one
/// open article counts as a word of the archive for the others, as it
/// would for `copydesk check` of the same texts.
#[test]
fn words_typed_into_one_article_count_for_the_glued_words_rule_in_another_until_it_closes() {
    let a = "Das HallerTagblatt berichtete am Montag.\n";
    let b = "Ein kurzer Text.\n";
    let (mut c, dir) = common::indexed_workspace("vocab-sync", &[("a.txt", a), ("b.txt", b)]);
    let (ua, ub) = (file_uri(&dir.join("a.txt")), file_uri(&dir.join("b.txt")));
    c.open(&ua, "plaintext", a);
    c.open(&ub, "plaintext", b);
    let glued = |d: &[Value]| common::count_code(d, "spacing/glued-words");
    assert_eq!(glued(&c.diagnostics(&ua, Some(1))), 1);
    c.diagnostics(&ub, Some(1));
    // The archive now writes it so twice more: a name, not glue.
    let b2 = "Im HallerTagblatt stand es. Das HallerTagblatt schrieb.\n";
    c.change(&ub, 2, json!([{"text": b2}]));
    c.diagnostics_where(&ua, |d| glued(d) == 0)
        .expect("a.txt republished without the glued-words finding");
    // Closed unsaved, b.txt counts as on disk again: glue once more.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": ub}}),
    );
    c.diagnostics_where(&ua, |d| glued(d) == 1)
        .expect("a.txt republished with the glued-words finding after b.txt closed");
    assert_eq!(c.shutdown(), 0);
    let _ = std::fs::remove_dir_all(dir);
}
