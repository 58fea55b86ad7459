import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contributedSection, findSection, sectionDiff, withSection } from "../src/schema";

const schema = {
  words: { type: "array", items: { type: "string" }, default: [], description: "Words." },
  debounceMs: { type: "integer", minimum: 0, default: 150, description: "Delay." },
};

describe("settings schema → package.json", () => {
  it("prefixes keys, sorts them and keeps every schema field", () => {
    const s = contributedSection(schema);
    assert.deepEqual(Object.keys(s.properties), ["copydesk.debounceMs", "copydesk.words"]);
    assert.deepEqual(s.properties["copydesk.debounceMs"], schema.debounceMs);
  });

  it("refuses a setting without description or default", () => {
    assert.throws(() => contributedSection({ x: { type: "string", default: "" } }), /description/);
    assert.throws(() => contributedSection({ x: { type: "string", description: "d" } }), /default/);
  });

  it("reports added, removed and changed settings", () => {
    const expected = contributedSection(schema);
    const found = JSON.parse(JSON.stringify(expected));
    found.properties["copydesk.debounceMs"].default = 100;
    delete found.properties["copydesk.words"];
    found.properties["copydesk.colour"] = { type: "string" };
    const d = sectionDiff(expected, found);
    assert.equal(d.length, 3, d.join("\n"));
    assert.ok(d.includes("copydesk.debounceMs.default: package.json has 100, server says 150"), d.join("\n"));
    assert.ok(d.some((l) => l.includes("copydesk.words: in the server's schema but missing")));
    assert.ok(d.some((l) => l.includes("copydesk.colour: in package.json but not")));
  });

  it("names the nested key that differs, such as a new rule code", () => {
    const withRules = { rules: { type: "object", default: {}, description: "Rules.", properties: { "a/b": { type: "string" } } } };
    const expected = contributedSection({ ...withRules, rules: { ...withRules.rules, properties: { "a/b": { type: "string" }, "c/d": { type: "string" } } } });
    const d = sectionDiff(expected, contributedSection(withRules));
    assert.deepEqual(d, ['copydesk.rules.properties.c/d: missing from package.json (server: {"type":"string"})']);
  });

  it("ignores key order inside a property but equal sections have no diff", () => {
    const expected = contributedSection(schema);
    const found = JSON.parse(JSON.stringify(expected));
    found.properties["copydesk.debounceMs"] = { description: "Delay.", default: 150, minimum: 0, type: "integer" };
    assert.deepEqual(sectionDiff(expected, found), []);
  });

  it("replaces only its own section in package.json", () => {
    const pkg = { contributes: { configuration: [{ id: "copydesk.client", properties: { a: 1 } }] } };
    const out = withSection(pkg, contributedSection(schema));
    const list = (out.contributes as { configuration: unknown[] }).configuration;
    assert.equal(list.length, 2);
    assert.deepEqual(list[0], pkg.contributes.configuration[0]);
    assert.deepEqual(sectionDiff(contributedSection(schema), findSection(out)), []);
    const again = withSection(out, contributedSection(schema));
    assert.equal((again.contributes as { configuration: unknown[] }).configuration.length, 2);
  });
});
