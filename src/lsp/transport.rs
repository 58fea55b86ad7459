//! A guard between the editor and tower-lsp's codec.
//!
//! tower-lsp-server answers a malformed message with a parse error but then
//! stops reading (its framed reader ends after the first decode error), so
//! one garbled frame would end the session. This layer reads the frames
//! itself, answers the ones that are not JSON-RPC with a proper error, and
//! forwards only well-formed messages. Output from the server is copied
//! frame by frame so the error replies never interleave with it.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// Larger frames are refused (and skipped) rather than buffered.
const MAX_FRAME: usize = 256 * 1024 * 1024;

/// Reads one frame: `Ok(None)` at end of input, `Err` text for a broken
/// header (the caller logs it and goes on with the next frame).
async fn read_frame<R: AsyncRead + Unpin>(
    r: &mut BufReader<R>,
) -> std::io::Result<Option<Result<Vec<u8>, String>>> {
    let mut len: Option<usize> = None;
    let mut bad_header = None;
    let mut saw_any = false;
    loop {
        let mut line = Vec::new();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_any {
                break;
            }
            continue;
        }
        saw_any = true;
        // Found anywhere in the line, so a frame that follows garbage on
        // the same line is still picked up.
        if let Some(at) = text.to_ascii_lowercase().find("content-length:") {
            let value = text[at + "content-length:".len()..].trim();
            match value.parse::<usize>() {
                Ok(n) => len = Some(n),
                Err(e) => bad_header = Some(format!("bad Content-Length {value:?}: {e}")),
            }
        } else if !text.contains(':') {
            bad_header = Some(format!("malformed header line {text:?}"));
        }
    }
    let Some(len) = len else {
        return Ok(Some(Err(
            bad_header.unwrap_or_else(|| "missing Content-Length header".into())
        )));
    };
    if len > MAX_FRAME {
        // Skip the body without keeping it.
        let mut left = len as u64;
        let mut sink = tokio::io::sink();
        left -= tokio::io::copy(&mut (&mut *r).take(left), &mut sink).await?;
        if left > 0 {
            return Ok(None);
        }
        return Ok(Some(Err(format!(
            "message of {len} bytes is over the {MAX_FRAME}-byte limit"
        ))));
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).await?;
    if let Some(h) = bad_header {
        tracing::warn!("ignored header problem: {h}");
    }
    Ok(Some(Ok(body)))
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_frame(id: Value, code: i64, message: String) -> Vec<u8> {
    let v = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(v.to_string().as_bytes())
}

/// Checks that a body is a JSON-RPC message tower-lsp can decode; returns
/// the error reply to send instead when it is not.
fn vet(body: &[u8]) -> Result<(), Vec<u8>> {
    let v: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(error_frame(
                Value::Null,
                -32700,
                format!("Parse error: {e}"),
            ));
        }
    };
    let Value::Object(m) = &v else {
        return Err(error_frame(
            Value::Null,
            -32600,
            "Invalid Request: not a JSON object".into(),
        ));
    };
    let id = m.get("id").cloned().unwrap_or(Value::Null);
    let id_ok = matches!(id, Value::Null | Value::Number(_) | Value::String(_));
    let version_ok = m.get("jsonrpc").and_then(Value::as_str) == Some("2.0");
    let method_ok = m.get("method").is_none_or(Value::is_string);
    let shape_ok = m.contains_key("method")
        || (m.contains_key("id") && (m.contains_key("result") || m.contains_key("error")));
    if id_ok && version_ok && method_ok && shape_ok {
        Ok(())
    } else {
        let id = if id_ok { id } else { Value::Null };
        Err(error_frame(
            id,
            -32600,
            "Invalid Request: not a JSON-RPC 2.0 message".into(),
        ))
    }
}

/// Copies `input` to `to_server`, answering malformed frames on `out`.
pub async fn filter_input<R, W>(input: R, mut to_server: W, out: mpsc::UnboundedSender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut r = BufReader::new(input);
    loop {
        match read_frame(&mut r).await {
            Ok(None) => break,
            Ok(Some(Ok(body))) => match vet(&body) {
                Ok(()) => {
                    if to_server.write_all(&frame(&body)).await.is_err() {
                        break;
                    }
                }
                Err(reply) => {
                    tracing::warn!("malformed message from the client answered with an error");
                    let _ = out.send(reply);
                }
            },
            Ok(Some(Err(why))) => {
                tracing::warn!("unreadable message from the client: {why}");
                let _ = out.send(error_frame(
                    Value::Null,
                    -32700,
                    format!("Parse error: {why}"),
                ));
            }
            Err(e) => {
                tracing::warn!("reading from the client failed: {e}");
                break;
            }
        }
    }
    // End of input closes the server's input, which ends the session.
    let _ = to_server.shutdown().await;
}

/// Copies the server's framed output to `out`, one whole frame at a time.
pub async fn pump_output<R: AsyncRead + Unpin>(
    from_server: R,
    out: mpsc::UnboundedSender<Vec<u8>>,
) {
    let mut r = BufReader::new(from_server);
    while let Ok(Some(Ok(body))) = read_frame(&mut r).await {
        if out.send(frame(&body)).is_err() {
            break;
        }
    }
}

/// Writes frames to the real output.
pub async fn write_output<W: AsyncWrite + Unpin>(
    mut w: W,
    mut rx: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(f) = rx.recv().await {
        if w.write_all(&f).await.is_err() || w.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_rpc_messages_pass() {
        assert!(vet(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(vet(br#"{"jsonrpc":"2.0","method":"exit"}"#).is_ok());
        assert!(vet(br#"{"jsonrpc":"2.0","id":"a","result":null}"#).is_ok());
        for bad in [
            &br#"{"jsonrpc":"2.0","id":1,"method":"#[..],
            b"[1,2]",
            br#"{"id":{},"method":"x","jsonrpc":"2.0"}"#,
            b"\xff\xfe",
            br#"{"jsonrpc":"1.0","method":"x"}"#,
        ] {
            let reply = vet(bad).unwrap_err();
            let s = String::from_utf8(reply).unwrap();
            assert!(s.contains("\"error\""), "{s}");
        }
    }
}
