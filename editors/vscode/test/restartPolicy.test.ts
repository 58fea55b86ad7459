import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CrashPolicy, crashMessage, describeExit } from "../src/restartPolicy";

const opts = { minUptimeMs: 60_000, windowMs: 300_000 };

describe("crash policy", () => {
  it("never restarts a server that dies at start-up", () => {
    const p = new CrashPolicy(opts);
    p.started(0);
    assert.deepEqual(p.exited(2_000), { restart: false, reason: "startup" });
  });

  it("restarts a long-running server once, then stops if it dies again soon", () => {
    const p = new CrashPolicy(opts);
    p.started(0);
    assert.deepEqual(p.exited(120_000), { restart: true });
    p.started(120_000);
    assert.deepEqual(p.exited(200_000), { restart: false, reason: "repeated" });
  });

  it("allows another automatic restart after the window", () => {
    const p = new CrashPolicy(opts);
    p.started(0);
    assert.deepEqual(p.exited(100_000), { restart: true });
    p.started(100_000);
    assert.deepEqual(p.exited(500_000), { restart: true });
  });

  it("forgets the history on a manual restart", () => {
    const p = new CrashPolicy(opts);
    p.started(0);
    p.exited(100_000);
    p.reset();
    p.started(110_000);
    assert.deepEqual(p.exited(200_000), { restart: true });
  });

  it("names the path, the exit and what to do", () => {
    const m = crashMessage("/usr/bin/copydesk", { code: 101, signal: null }, 3_400, { restart: false, reason: "startup" });
    assert.ok(m.includes("/usr/bin/copydesk"), m);
    assert.match(m, /exited with code 101 after 3 s/);
    assert.match(m, /Restart server/);
    assert.equal(describeExit({ code: null, signal: "SIGSEGV" }), "was killed by SIGSEGV");
    assert.equal(describeExit(undefined), "closed the connection");
  });
});
