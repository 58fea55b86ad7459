import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { groupByKind, isMethodNotFound, mentionSummary, parseEntities, sortedMentions } from "../src/entitiesModel";

const r = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });

describe("copydesk/entities answers", () => {
  it("keeps well-formed entities and counts what it drops", () => {
    const p = parseEntities({
      entities: [
        { id: "p1", name: "Olaf Scholz", kind: "person", mentions: [{ uri: "file:///a.md", range: r(0, 0, 11), text: "Olaf Scholz" }] },
        { id: "o1", name: "Bundestag", kind: "organization", mentions: [{ uri: "file:///a.md", range: r(1, -1, 3), text: "x" }] },
        { name: 42, mentions: [] },
        "nonsense",
      ],
    });
    assert.equal(p.entities.length, 2);
    assert.equal(p.entities[1].mentions.length, 0);
    assert.equal(p.dropped, 3);
  });

  it("maps unknown kinds to other and makes up a missing id", () => {
    const p = parseEntities({ entities: [{ name: "Mond", kind: "celestial", mentions: [] }] });
    assert.deepEqual(p.entities[0], { id: "other:Mond", name: "Mond", kind: "other", mentions: [] });
  });

  it("treats an answer without an entities list as empty, not as a crash", () => {
    assert.deepEqual(parseEntities(null), { entities: [], dropped: 0 });
    assert.deepEqual(parseEntities({ items: [] }), { entities: [], dropped: 1 });
  });

  it("recognises JSON-RPC method not found", () => {
    assert.equal(isMethodNotFound({ code: -32601, message: "Method not found" }), true);
    assert.equal(isMethodNotFound({ code: -32603 }), false);
    assert.equal(isMethodNotFound(new Error("x")), false);
  });

  it("groups by kind in a fixed order, most mentioned first, then by name with umlauts in place", () => {
    const m = { uri: "file:///a.md", range: r(0, 0, 1), text: "x" };
    const groups = groupByKind([
      { id: "1", name: "Zürich", kind: "location", mentions: [m] },
      { id: "2", name: "Özdemir", kind: "person", mentions: [m] },
      { id: "3", name: "Ofarim", kind: "person", mentions: [m] },
      { id: "4", name: "Pistorius", kind: "person", mentions: [m, m] },
    ]);
    assert.deepEqual(
      groups.map((g) => [g.kind, g.entities.map((e) => e.name)]),
      [
        ["person", ["Pistorius", "Ofarim", "Özdemir"]],
        ["location", ["Zürich"]],
      ],
    );
  });

  it("lists mentions in document order and summarises files", () => {
    const e = {
      id: "1",
      name: "X",
      kind: "person" as const,
      mentions: [
        { uri: "file:///b.md", range: r(0, 0, 1), text: "b" },
        { uri: "file:///a.md", range: r(3, 5, 6), text: "a2" },
        { uri: "file:///a.md", range: r(3, 1, 2), text: "a1" },
      ],
    };
    assert.deepEqual(sortedMentions(e).map((m) => m.text), ["a1", "a2", "b"]);
    assert.equal(mentionSummary(e), "3 mentions in 2 files");
  });
});
