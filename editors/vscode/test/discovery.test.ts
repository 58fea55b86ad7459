import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DiscoveryEnv, expandSettingPath, findServer, isExecutableFile, notFoundMessage, pathCandidates } from "../src/discovery";

function env(executables: string[], over: Partial<DiscoveryEnv> = {}): DiscoveryEnv {
  const set = new Set(executables);
  return {
    platform: "linux",
    env: { PATH: "/usr/local/bin:/usr/bin", HOME: "/home/ed" },
    extensionPath: "/ext/copydesk",
    workspaceFolders: ["/work/news"],
    isExecutable: (p) => set.has(p),
    ...over,
  };
}

describe("server discovery", () => {
  it("uses the setting when it points at an executable", () => {
    const d = findServer("/opt/copydesk/bin/copydesk", env(["/opt/copydesk/bin/copydesk", "/usr/bin/copydesk"]));
    assert.deepEqual(d, { found: true, path: "/opt/copydesk/bin/copydesk", source: "setting", tried: ["/opt/copydesk/bin/copydesk"] });
  });

  it("does not fall back to PATH when the setting points nowhere", () => {
    const d = findServer("/opt/missing", env(["/usr/bin/copydesk"]));
    assert.equal(d.found, false);
    assert.deepEqual(d.tried, ["/opt/missing"]);
    if (!d.found) {
      const m = notFoundMessage(d);
      assert.match(m, /copydesk\.server\.path/);
      assert.ok(m.includes("/opt/missing"), m);
    }
  });

  it("prefers the bundled binary over PATH when the setting is empty", () => {
    const d = findServer("  ", env(["/ext/copydesk/bin/copydesk", "/usr/bin/copydesk"]));
    assert.equal(d.found && d.source, "bundled");
    assert.equal(d.found && d.path, "/ext/copydesk/bin/copydesk");
  });

  it("searches PATH in order and reports every place it looked", () => {
    const d = findServer(undefined, env(["/usr/bin/copydesk"]));
    assert.equal(d.found && d.path, "/usr/bin/copydesk");
    assert.deepEqual(d.tried, ["/ext/copydesk/bin/copydesk", "/usr/local/bin/copydesk", "/usr/bin/copydesk"]);
  });

  it("names the bundled path and the PATH count when nothing is found", () => {
    const d = findServer(undefined, env([]));
    assert.equal(d.found, false);
    if (!d.found) {
      assert.equal(d.tried.length, 3);
      const m = notFoundMessage(d);
      assert.ok(m.includes("/ext/copydesk/bin/copydesk"), m);
      assert.match(m, /2 PATH locations/);
      assert.match(m, /Restart server/);
    }
  });

  it("expands ~, ${userHome} and ${workspaceFolder}, and resolves relative paths against the workspace", () => {
    const e = env([]);
    assert.equal(expandSettingPath("~/bin/copydesk", e), "/home/ed/bin/copydesk");
    assert.equal(expandSettingPath("${userHome}/x", e), "/home/ed/x");
    assert.equal(expandSettingPath("${workspaceFolder}/target/debug/copydesk", e), "/work/news/target/debug/copydesk");
    assert.equal(expandSettingPath("target/release/copydesk", e), "/work/news/target/release/copydesk");
  });

  it("uses PATHEXT and case-insensitive variable names on Windows", () => {
    const e = env(["C:\\tools\\copydesk.exe"], {
      platform: "win32",
      env: { Path: "C:\\Windows;C:\\tools", PATHEXT: ".COM;.EXE", USERPROFILE: "C:\\Users\\ed" },
      extensionPath: "C:\\ext",
      workspaceFolders: ["C:\\news"],
    });
    assert.deepEqual(pathCandidates(e), [
      "C:\\Windows\\copydesk.com",
      "C:\\Windows\\copydesk.exe",
      "C:\\tools\\copydesk.com",
      "C:\\tools\\copydesk.exe",
    ]);
    const d = findServer(undefined, e);
    assert.equal(d.found && d.path, "C:\\tools\\copydesk.exe");
    assert.equal(d.tried[0], "C:\\ext\\bin\\copydesk.exe");
    assert.equal(expandSettingPath("~\\copydesk.exe", e), "C:\\Users\\ed\\copydesk.exe");
  });

  it("accepts only regular files with the execute bit", { skip: process.platform === "win32" }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-discovery-"));
    try {
      const exe = path.join(dir, "copydesk");
      const plain = path.join(dir, "plain");
      fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o755 });
      fs.writeFileSync(plain, "", { mode: 0o644 });
      assert.equal(isExecutableFile(exe), true);
      assert.equal(isExecutableFile(plain), false);
      assert.equal(isExecutableFile(dir), false);
      assert.equal(isExecutableFile(path.join(dir, "missing")), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
