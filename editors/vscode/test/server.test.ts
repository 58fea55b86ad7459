// The extension's protocol-level assumptions, checked against the real
// `copydesk serve` over stdio (no VS Code): the settings it sends are
// accepted, unset settings leave copydesk.toml in charge, and the
// entities request is either answered in the documented shape or refused
// with "method not found", which the view handles.
//
// Needs the server binary: $COPYDESK_SERVER or the workspace's cargo build.

import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import {
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from "vscode-languageserver-protocol/node";
import { ENTITIES_METHOD, isMethodNotFound, parseEntities } from "../src/entitiesModel";
import { Inspected, serverKeys, serverSettings } from "../src/settings";

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));

function findBinary(): string | undefined {
  if (process.env.COPYDESK_SERVER) return process.env.COPYDESK_SERVER;
  const root = path.resolve(__dirname, "..", "..", "..", "..");
  for (const p of ["debug", "release"]) {
    const b = path.join(root, "target", p, process.platform === "win32" ? "copydesk.exe" : "copydesk");
    if (fs.existsSync(b)) return b;
  }
  return undefined;
}

const binary = findBinary();
const skip = binary === undefined ? "no copydesk binary (set COPYDESK_SERVER or run cargo build)" : false;

interface Session {
  conn: ProtocolConnection;
  child: ChildProcess;
  messages: { type: number; message: string }[];
  diagnostics: Map<string, { severity?: number; code?: string | number; range: unknown }[]>;
}

async function startSession(root: string, editorSettings: Record<string, unknown>): Promise<Session> {
  const child = spawn(binary as string, ["serve"], { stdio: "pipe", env: { ...process.env, COPYDESK_LOG: "warn" } });
  child.stderr?.resume();
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const s: Session = { conn, child, messages: [], diagnostics: new Map() };
  conn.onNotification("window/showMessage", (p: { type: number; message: string }) => s.messages.push(p));
  conn.onNotification("window/logMessage", (p: { type: number; message: string }) => s.messages.push(p));
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: [] }) =>
    s.diagnostics.set(p.uri, p.diagnostics),
  );
  conn.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === "copydesk" ? editorSettings : null)),
  );
  conn.onRequest("window/workDoneProgress/create", () => null);
  conn.onRequest("client/registerCapability", () => null);
  conn.onNotification("$/progress", () => undefined);
  conn.listen();
  const rootUri = pathToFileURL(root).href;
  await conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: "news" }],
    initializationOptions: editorSettings,
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
  });
  await conn.sendNotification("initialized", {});
  return s;
}

/** Lets the server exit by itself after `exit` (a kill mid-write would leave
 * vscode-jsonrpc holding a partial frame, whose timer keeps node alive). */
async function stopSession(s: Session): Promise<void> {
  const exited = new Promise<void>((r) => (s.child.exitCode !== null ? r() : s.child.once("exit", () => r())));
  await s.conn.sendRequest("shutdown").catch(() => undefined);
  await s.conn.sendNotification("exit").catch(() => undefined);
  const timer = setTimeout(() => s.child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
  s.conn.dispose();
  assert.equal(s.child.exitCode, 0, "the server exits with 0 after shutdown and exit");
}

async function waitFor<T>(what: string, f: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface SchemaProp {
  type: string | string[];
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
  items?: SchemaProp;
  properties?: Record<string, SchemaProp>;
}

/** A value different from the default for every contributed server setting. */
function nonDefault(prop: SchemaProp, key: string): unknown {
  if (key === "rules") return { "spacing/double-space": "error" };
  if (key === "documentDate" || prop.pattern?.includes("\\d{4}")) return "2024-03-05";
  // A path would have to exist; "auto" is valid with or without a system dictionary.
  if (key === "hunspell") return "auto";
  if (prop.enum !== undefined) return prop.enum.find((v) => v !== prop.default);
  const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== "null") : prop.type;
  if (type === "integer") return (prop.default as number) + 1;
  if (type === "array" && prop.items?.type === "object") return [nonDefault(prop.items, `${key}[]`)];
  if (type === "array") return ["Beispielwort"];
  if (type === "string") return key === "glob" ? "archiv/**" : "custom/entities.toml";
  if (type === "object" && prop.properties !== undefined) {
    // Every nested field gets a non-default value too, so a nested key the
    // server does not know (or reads under another name) shows up as a warning.
    return Object.fromEntries(Object.entries(prop.properties).map(([k, p]) => [k, nonDefault(p, k)]));
  }
  throw new Error(`no test value for ${key} of type ${String(prop.type)}`);
}

describe("against the real copydesk server", { skip }, () => {
  let dir = "";
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-vscode-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("accepts every server setting the extension contributes, as sent, without warnings", async () => {
    const props = pkg.contributes.configuration.find((s: { id: string }) => s.id === "copydesk.serverSettings").properties;
    const user: Record<string, Inspected> = {};
    for (const key of serverKeys(pkg)) user[key] = { globalValue: nonDefault(props[`copydesk.${key}`], key) };
    // Debounce must stay short for the test and diagnostics must be pushed (this client cannot pull).
    user.debounceMs = { globalValue: 1 };
    user.diagnostics = { globalValue: "push" };
    const sent = serverSettings(serverKeys(pkg), (k) => user[k]);
    assert.equal(Object.keys(sent).length, serverKeys(pkg).length);
    const s = await startSession(dir, sent);
    try {
      const uri = pathToFileURL(path.join(dir, "a.txt")).href;
      await s.conn.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "plaintext", version: 1, text: "Der Präsident  betonte es.\n" },
      });
      const diags = await waitFor("diagnostics", () => s.diagnostics.get(uri));
      const d = diags.find((x) => x.code === "spacing/double-space");
      assert.ok(d, JSON.stringify(diags));
      assert.equal(d.severity, 1, "rules.spacing/double-space = error reached the server");
      const complaints = s.messages.filter((m) => m.type <= 2);
      assert.deepEqual(complaints, [], "the server warned about the settings it was sent");
    } finally {
      await stopSession(s);
    }
  });

  it("leaves copydesk.toml in charge of settings the user did not set", async () => {
    fs.writeFileSync(path.join(dir, "copydesk.toml"), 'debounce-ms = 1\n[rules]\n"spacing/double-space" = "hint"\n');
    const sent = serverSettings(serverKeys(pkg), () => ({}));
    assert.deepEqual(sent, {});
    const s = await startSession(dir, sent);
    try {
      const uri = pathToFileURL(path.join(dir, "b.txt")).href;
      await s.conn.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "plaintext", version: 1, text: "Ein  Satz.\n" },
      });
      const diags = await waitFor("diagnostics", () => s.diagnostics.get(uri));
      assert.equal(diags.find((x) => x.code === "spacing/double-space")?.severity, 4);
    } finally {
      await stopSession(s);
      fs.rmSync(path.join(dir, "copydesk.toml"));
    }
  });

  it("answers copydesk/entities in the documented shape or refuses it as method not found", async () => {
    const s = await startSession(dir, { debounceMs: 1, diagnostics: "push" });
    try {
      let outcome: string;
      try {
        const raw = await s.conn.sendRequest(ENTITIES_METHOD, {});
        const parsed = parseEntities(raw);
        assert.equal(parsed.dropped, 0, `malformed answer: ${JSON.stringify(raw)}`);
        outcome = `answered with ${parsed.entities.length} entities`;
      } catch (e) {
        assert.ok(isMethodNotFound(e), `unexpected error: ${String(e)}`);
        outcome = "method not found (the view shows its notice)";
      }
      console.log(`# copydesk/entities: ${outcome}`);
    } finally {
      await stopSession(s);
    }
  });
});
