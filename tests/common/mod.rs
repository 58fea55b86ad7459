//! A small LSP client for integration tests: spawns the real `copydesk serve`
//! binary and speaks JSON-RPC over its stdin/stdout.

#![allow(dead_code)]

pub mod schema;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests seen while waiting for something else.
    pub backlog: Vec<Value>,
    /// What to answer to `workspace/configuration`.
    pub config: Value,
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_copydesk"))
}

/// Reads one `Content-Length` framed message.
fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    pub fn spawn() -> Client {
        Client::spawn_with_env(&[])
    }

    /// A server whose stderr (its log) goes to a file.
    pub fn spawn_with_stderr(path: &Path) -> Client {
        let f = std::fs::File::create(path).expect("stderr file");
        Client::spawn_cmd(&[("COPYDESK_LOG", "warn")], Stdio::from(f))
    }

    pub fn spawn_with_env(env: &[(&str, &str)]) -> Client {
        let stderr = if std::env::var_os("COPYDESK_TEST_STDERR").is_some() {
            Stdio::inherit()
        } else {
            Stdio::null()
        };
        Client::spawn_cmd(env, stderr)
    }

    fn spawn_cmd(env: &[(&str, &str)], stderr: Stdio) -> Client {
        let mut cmd = Command::new(bin());
        cmd.arg("serve");
        Client::spawn_command(cmd, env, stderr)
    }

    /// Any language server over stdio (the side-by-side bench runs
    /// harper-ls with this client).
    pub fn spawn_program(program: &Path, args: &[&str]) -> Client {
        let mut cmd = Command::new(program);
        cmd.args(args);
        Client::spawn_command(cmd, &[], Stdio::null())
    }

    fn spawn_command(mut cmd: Command, env: &[(&str, &str)], stderr: Stdio) -> Client {
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .env("COPYDESK_LOG", "warn");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn the language server");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut r) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 1,
            backlog: Vec::new(),
            config: Value::Null,
        }
    }

    pub fn send(&mut self, msg: &Value) {
        let body = serde_json::to_string(msg).unwrap();
        self.send_raw(&body);
    }

    pub fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id without waiting.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response (the whole message,
    /// with `result` or `error`).
    pub fn request_full(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        self.wait_response(id)
    }

    /// Sends a request and returns its `result`, panicking on an error.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let r = self.request_full(method, params);
        if let Some(e) = r.get("error") {
            panic!("{method} failed: {e}");
        }
        r["result"].clone()
    }

    pub fn wait_response(&mut self, id: i64) -> Value {
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
            .unwrap_or_else(|| panic!("no response to request {id}"))
    }

    /// Answers server-to-client requests the way a simple editor would.
    fn answer(&mut self, msg: &Value) {
        let Some(method) = msg.get("method").and_then(Value::as_str) else {
            return;
        };
        let Some(id) = msg.get("id") else { return };
        let result = match method {
            "workspace/configuration" => {
                let n = msg["params"]["items"].as_array().map(Vec::len).unwrap_or(1);
                Value::Array(vec![self.config.clone(); n])
            }
            _ => Value::Null,
        };
        let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
        self.send(&reply);
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for a message matching `pred`, answering server requests and
    /// keeping everything else in the backlog.
    pub fn wait_for(&mut self, pred: impl FnMut(&Value) -> bool) -> Option<Value> {
        self.wait_for_timeout(pred, TIMEOUT)
    }

    pub fn wait_for_timeout(
        &mut self,
        mut pred: impl FnMut(&Value) -> bool,
        timeout: Duration,
    ) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(&mut pred) {
            return Some(self.backlog.remove(i));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(msg) => {
                    if msg.get("method").is_some() && msg.get("id").is_some() {
                        self.answer(&msg);
                    }
                    if pred(&msg) {
                        return Some(msg);
                    }
                    self.backlog.push(msg);
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None;
                }
            }
        }
    }

    /// Messages that arrive within `d`, answering server requests.
    pub fn drain_for(&mut self, d: Duration) {
        let deadline = Instant::now() + d;
        while let Ok(msg) = self
            .rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            if msg.get("method").is_some() && msg.get("id").is_some() {
                self.answer(&msg);
            }
            self.backlog.push(msg);
        }
    }

    /// The next `publishDiagnostics` for `uri` (optionally for a version).
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let msg = self
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && version.is_none_or(|v| m["params"]["version"] == v)
            })
            .unwrap_or_else(|| panic!("no diagnostics for {uri} (version {version:?})"));
        msg["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Waits for a `publishDiagnostics` for `uri` whose diagnostics satisfy
    /// `pred`, and returns that notification.
    pub fn diagnostics_where(
        &mut self,
        uri: &str,
        mut pred: impl FnMut(&[Value]) -> bool,
    ) -> Option<Value> {
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| pred(d))
        })
    }

    pub fn initialize(&mut self, root: Option<&Path>, capabilities: Value) -> Value {
        let root_uri = root.map(file_uri);
        let folders = root_uri.as_ref().map(|u| json!([{"uri": u, "name": "ws"}]));
        let r = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": folders,
                "capabilities": capabilities,
            }),
        );
        self.notify("initialized", json!({}));
        r
    }

    /// Waits for the end of the workspace indexing progress and returns
    /// that `$/progress` message.
    pub fn wait_indexed(&mut self) -> Value {
        self.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end")
            .expect("indexing progress ends")
    }

    pub fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    pub fn shutdown(mut self) -> i32 {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    pub fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn file_uri(p: &Path) -> String {
    let s = p.to_string_lossy();
    let mut out = String::from("file://");
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Client capabilities: `encodings` offered, push diagnostics only unless
/// `pull` is set.
pub fn caps(encodings: &[&str], pull: bool) -> Value {
    let mut c = json!({
        "general": {"positionEncodings": encodings},
        "window": {"workDoneProgress": true},
        "workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}},
        "textDocument": {"publishDiagnostics": {"versionSupport": true}},
    });
    if pull {
        c["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    }
    c
}

/// A fresh temporary directory for one test.
/// How many of `diagnostics` have this code.
pub fn count_code(diagnostics: &[Value], code: &str) -> usize {
    diagnostics.iter().filter(|d| d["code"] == code).count()
}

/// A workspace folder holding `files` (name, text) and a `copydesk.toml`
/// with no debounce, served by a new client once it is indexed.
pub fn indexed_workspace(name: &str, files: &[(&str, &str)]) -> (Client, PathBuf) {
    let dir = temp_dir(name);
    for (f, text) in files {
        std::fs::write(dir.join(f), text).unwrap();
    }
    std::fs::write(dir.join("copydesk.toml"), "debounce-ms = 0\n").unwrap();
    let mut c = Client::spawn();
    c.initialize(Some(&dir), caps(&["utf-16"], false));
    c.wait_indexed();
    (c, dir)
}

pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("copydesk-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Applies LSP text edits to a text, counting columns in `encoding`.
pub fn apply_edits(text: &str, edits: &[Value], encoding: &str) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let a = offset(text, &e["range"]["start"], encoding);
            let b = offset(text, &e["range"]["end"], encoding);
            (a, b, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

/// Byte offset of an LSP position (lines split at \n only; fixtures use \n).
pub fn offset(text: &str, pos: &Value, encoding: &str) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let col = pos["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= col || c == '\n' {
            return start + i;
        }
        units += match encoding {
            "utf-8" => c.len_utf8(),
            "utf-32" => 1,
            _ => c.len_utf16(),
        };
    }
    text.len()
}

/// The LSP position of a byte offset.
pub fn position(text: &str, off: usize, encoding: &str) -> Value {
    let line = text[..off].matches('\n').count();
    let line_start = text[..off].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col: usize = text[line_start..off]
        .chars()
        .map(|c| match encoding {
            "utf-8" => c.len_utf8(),
            "utf-32" => 1,
            _ => c.len_utf16(),
        })
        .sum();
    json!({"line": line, "character": col})
}
