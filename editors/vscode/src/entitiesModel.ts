// The `copydesk/entities` custom request: its shape, defensive parsing of
// the answer, and the grouping the tree view shows. No VS Code imports.
//
// Request params: `{}` for the workspace or `{ uri }` for one document.
// Result: `{ entities: [{ id, name, kind, mentions: [{ uri, range, text }] }] }`.

export const ENTITIES_METHOD = "copydesk/entities";

export type EntityKind = "person" | "organization" | "location" | "other";

export const KINDS: readonly EntityKind[] = ["person", "organization", "location", "other"];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Mention {
  uri: string;
  range: Range;
  text: string;
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  mentions: Mention[];
}

export interface EntitiesParams {
  uri?: string;
}

export interface Parsed {
  entities: Entity[];
  /** Items that were dropped because they did not have the documented shape. */
  dropped: number;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function position(v: unknown): Position | undefined {
  if (!isObj(v)) return undefined;
  const { line, character } = v;
  if (!Number.isInteger(line) || !Number.isInteger(character)) return undefined;
  if ((line as number) < 0 || (character as number) < 0) return undefined;
  return { line: line as number, character: character as number };
}

function mention(v: unknown): Mention | undefined {
  if (!isObj(v) || typeof v.uri !== "string" || !isObj(v.range)) return undefined;
  const start = position(v.range.start);
  const end = position(v.range.end);
  if (start === undefined || end === undefined) return undefined;
  return { uri: v.uri, range: { start, end }, text: typeof v.text === "string" ? v.text : "" };
}

/** Checks an answer from the server; malformed entries are counted and skipped, never thrown on. */
export function parseEntities(raw: unknown): Parsed {
  let dropped = 0;
  const list = isObj(raw) && Array.isArray(raw.entities) ? raw.entities : undefined;
  if (list === undefined) return { entities: [], dropped: raw === null || raw === undefined ? 0 : 1 };
  const entities: Entity[] = [];
  for (const e of list) {
    if (!isObj(e) || typeof e.name !== "string" || !Array.isArray(e.mentions)) {
      dropped++;
      continue;
    }
    const mentions: Mention[] = [];
    for (const m of e.mentions) {
      const ok = mention(m);
      if (ok === undefined) dropped++;
      else mentions.push(ok);
    }
    const kind = KINDS.includes(e.kind as EntityKind) ? (e.kind as EntityKind) : "other";
    const id = typeof e.id === "string" && e.id !== "" ? e.id : `${kind}:${e.name}`;
    entities.push({ id, name: e.name, kind, mentions });
  }
  return { entities, dropped };
}

/** JSON-RPC "method not found": the server predates `copydesk/entities`. */
export function isMethodNotFound(err: unknown): boolean {
  return isObj(err) && err.code === -32601;
}

export interface KindGroup {
  kind: EntityKind;
  entities: Entity[];
}

const collator = new Intl.Collator("de", { sensitivity: "base" });

/** Groups by kind (in a fixed order, empty kinds left out); most-mentioned first, then by name. */
export function groupByKind(entities: readonly Entity[]): KindGroup[] {
  return KINDS.map((kind) => ({
    kind,
    entities: entities
      .filter((e) => e.kind === kind)
      .sort((a, b) => b.mentions.length - a.mentions.length || collator.compare(a.name, b.name)),
  })).filter((g) => g.entities.length > 0);
}

export function kindLabel(kind: EntityKind): string {
  return { person: "People", organization: "Organizations", location: "Locations", other: "Other" }[kind];
}

/** Mentions in document order: by file, then position. */
export function sortedMentions(e: Entity): Mention[] {
  return [...e.mentions].sort(
    (a, b) =>
      a.uri.localeCompare(b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}

/** "3 mentions in 2 files". */
export function mentionSummary(e: Entity): string {
  const files = new Set(e.mentions.map((m) => m.uri)).size;
  const n = e.mentions.length;
  return `${n} mention${n === 1 ? "" : "s"}${files > 1 ? ` in ${files} files` : ""}`;
}
