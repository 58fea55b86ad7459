//! Bad input over the protocol: the server answers with errors or empty
//! results and keeps serving.

mod common;

use common::{Client, caps, file_uri, temp_dir};
use serde_json::{Value, json};

fn alive(c: &mut Client, uri: &str) {
    let r = c.request_full(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert!(r.get("result").is_some() || r.get("error").is_some(), "{r}");
    assert!(c.is_running());
}

#[test]
fn malformed_frames_and_unknown_methods_get_errors_and_the_session_goes_on() {
    let mut c = Client::spawn();
    c.initialize(None, caps(&["utf-16"], false));
    for body in [
        "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ",
        "[1, 2, 3]",
        "{\"jsonrpc\": \"2.0\", \"id\": {\"x\": 1}, \"method\": \"textDocument/hover\"}",
        "not json at all",
    ] {
        c.send_raw(body);
        let e = c
            .wait_for(|m| m.get("error").is_some() && m["id"].is_null())
            .expect("an error reply");
        assert!(
            matches!(e["error"]["code"].as_i64(), Some(-32700 | -32600)),
            "{e}"
        );
    }
    let r = c.request_full("copydesk/noSuchMethod", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    c.notify("$/noSuchNotification", json!({}));
    let r = c.request_full("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    alive(&mut c, "file:///nowhere.txt");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn a_one_megabyte_single_line_document_is_checked() {
    let mut c = Client::spawn();
    c.config = json!({"debounceMs": 0});
    c.initialize(None, caps(&["utf-16"], false));
    let mut line = "Wort und noch ein Wort, ".repeat(1 << 16);
    line.truncate(1 << 20);
    line.push_str("Ende  gut.");
    let uri = "untitled:big";
    c.open(uri, "plaintext", &line);
    let d = c.diagnostics(uri, Some(1));
    assert!(
        d.iter().any(|x| x["code"] == "spacing/double-space"),
        "{}",
        d.len()
    );
    let r = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(r.is_object() || r.is_null());
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn files_and_folders_that_disappear_do_not_break_the_server() {
    let dir = temp_dir("vanish");
    let sub = dir.join("weg");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("a.txt"), "Olaf Scholz kam.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "Olaf Scholz ging.\n").unwrap();
    std::fs::write(dir.join("bild.txt"), [0u8, 159, 146, 150, 255, 0, 1]).unwrap();
    let mut c = Client::spawn();
    c.initialize(Some(&dir), caps(&["utf-16"], false));
    c.wait_indexed();
    // Open b.txt, then delete it on disk: the editor's text still counts.
    let b = file_uri(&dir.join("b.txt"));
    c.open(&b, "plaintext", "Olaf Scholz ging.\n");
    std::fs::remove_file(dir.join("b.txt")).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": b, "type": 3}]}),
    );
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": b}, "position": {"line": 0, "character": 6}, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().map(Vec::len), Some(2), "{refs}");
    // The folder with a.txt disappears.
    std::fs::remove_dir_all(&sub).unwrap();
    let a = file_uri(&sub.join("a.txt"));
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": a, "type": 3}]}),
    );
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": b}, "position": {"line": 0, "character": 6}, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().map(Vec::len), Some(1), "{refs}");
    // And the whole workspace folder goes away.
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": file_uri(&dir), "name": "ws"}]}}),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    alive(&mut c, &b);
    let d: Value = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": b}}),
    );
    assert!(d.is_object() || d.is_null(), "{d}");
    assert_eq!(c.shutdown(), 0);
}
