import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { Inspected, documentSelector, logFilter, serverKeys, serverSettings } from "../src/settings";

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));

function inspector(values: Record<string, Inspected>) {
  return (key: string) => values[key] ?? {};
}

describe("settings mapping", () => {
  it("sends only server settings, never client ones", () => {
    const keys = serverKeys(pkg);
    assert.ok(keys.includes("rules") && keys.includes("debounceMs"), keys.join(","));
    for (const k of keys) assert.ok(!k.startsWith("server.") && !k.startsWith("client.") && !k.startsWith("trace."), k);
    const clientKeys = Object.keys(pkg.contributes.configuration.find((s: { id: string }) => s.id === "copydesk.client").properties);
    assert.ok(clientKeys.includes("copydesk.server.path"));
    for (const k of clientKeys) assert.ok(!keys.includes(k.replace(/^copydesk\./, "")), k);
  });

  it("leaves out settings the user did not set, so copydesk.toml keeps them", () => {
    const out = serverSettings(["language", "debounceMs", "words"], inspector({ debounceMs: { globalValue: 0 } }));
    assert.deepEqual(out, { debounceMs: 0 });
  });

  it("lets the folder beat the workspace and the workspace beat the user", () => {
    const out = serverSettings(
      ["language", "words"],
      inspector({
        language: { globalValue: "de", workspaceValue: "en" },
        words: { globalValue: ["a"], workspaceValue: ["b"], workspaceFolderValue: ["c"] },
      }),
    );
    assert.deepEqual(out, { language: "en", words: ["c"] });
  });

  it("merges rule levels across scopes key by key", () => {
    const out = serverSettings(
      ["rules"],
      inspector({
        rules: {
          globalValue: { spacing: "hint", "spacing/double-space": "off" },
          workspaceValue: { "spacing/double-space": "error" },
        },
      }),
    );
    assert.deepEqual(out, { rules: { spacing: "hint", "spacing/double-space": "error" } });
  });

  it("keeps falsy values the user chose (0, empty list, false)", () => {
    const out = serverSettings(["debounceMs", "exclude"], inspector({ debounceMs: { workspaceValue: 0 }, exclude: { globalValue: [] } }));
    assert.deepEqual(out, { debounceMs: 0, exclude: [] });
  });

  it("builds a selector for each language on disk and unsaved, plus file patterns", () => {
    assert.deepEqual(documentSelector(["plaintext", "markdown", "markdown", " "], ["**/*.article"]), [
      { language: "plaintext", scheme: "file" },
      { language: "plaintext", scheme: "untitled" },
      { language: "markdown", scheme: "file" },
      { language: "markdown", scheme: "untitled" },
      { scheme: "file", pattern: "**/*.article" },
    ]);
  });

  it("passes only known log levels to the server", () => {
    assert.equal(logFilter("debug"), "debug");
    assert.equal(logFilter("verbose; rm -rf"), "info");
    assert.equal(logFilter(undefined), "info");
  });
});
