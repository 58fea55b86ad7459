// `copydesk config-schema` (a map of camelCase setting name → JSON schema)
// → the extension's `contributes.configuration` section of server settings.
// Used by scripts/settings-schema.js to write package.json and to check it.

import { SERVER_SECTION_ID } from "./settings";

export type ServerSchema = Record<string, Record<string, unknown>>;

export interface GeneratedSection {
  id: string;
  title: string;
  properties: Record<string, Record<string, unknown>>;
}

/** VS Code shows the keys in this order, so keep the server's (sorted) order. */
export function contributedSection(schema: ServerSchema): GeneratedSection {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(schema).sort()) {
    const prop = schema[key];
    if (typeof prop !== "object" || prop === null) throw new Error(`schema entry ${key} is not an object`);
    if (typeof prop.description !== "string" || prop.description === "") {
      throw new Error(`schema entry ${key} has no description`);
    }
    if (!("default" in prop)) throw new Error(`schema entry ${key} has no default`);
    properties[`copydesk.${key}`] = { ...prop };
  }
  return { id: SERVER_SECTION_ID, title: "copydesk: checks (sent to the server)", properties };
}

/** Differences between two sections as readable lines (empty when equal). */
export function sectionDiff(expected: GeneratedSection, actual: unknown): string[] {
  const out: string[] = [];
  const a = (actual ?? {}) as Partial<GeneratedSection>;
  if (a.id !== expected.id) out.push(`id: expected ${JSON.stringify(expected.id)}, found ${JSON.stringify(a.id)}`);
  if (a.title !== expected.title) {
    out.push(`title: expected ${JSON.stringify(expected.title)}, found ${JSON.stringify(a.title)}`);
  }
  const ap = a.properties ?? {};
  const keys = new Set([...Object.keys(expected.properties), ...Object.keys(ap)]);
  for (const k of [...keys].sort()) {
    const e = expected.properties[k];
    const f = (ap as Record<string, unknown>)[k];
    if (e === undefined) out.push(`${k}: in package.json but not in the server's schema`);
    else if (f === undefined) out.push(`${k}: in the server's schema but missing from package.json`);
    else out.push(...valueDiff(e, f, k));
  }
  const ek = Object.keys(expected.properties).join(",");
  const fk = Object.keys(ap).join(",");
  if (out.length === 0 && ek !== fk) out.push(`property order differs: expected ${ek}, found ${fk}`);
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Where two JSON values differ, as "path: ..." lines (objects compared key by key). */
export function valueDiff(expected: unknown, found: unknown, path: string): string[] {
  if (isObj(expected) && isObj(found)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
    return keys.flatMap((k) => {
      const p = `${path}.${k}`;
      if (!(k in found)) return [`${p}: missing from package.json (server: ${canonical(expected[k])})`];
      if (!(k in expected)) return [`${p}: not in the server's schema (package.json: ${canonical(found[k])})`];
      return valueDiff(expected[k], found[k], p);
    });
  }
  if (canonical(expected) === canonical(found)) return [];
  return [`${path}: package.json has ${canonical(found)}, server says ${canonical(expected)}`];
}

/** JSON with sorted object keys, so key order inside a property does not matter. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    typeof val === "object" && val !== null && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : val,
  );
}

/** Replaces (or adds) the generated section in a package.json object. */
export function withSection(packageJson: Record<string, unknown>, section: GeneratedSection): Record<string, unknown> {
  const contributes = { ...((packageJson.contributes as Record<string, unknown>) ?? {}) };
  const raw = contributes.configuration;
  const list: unknown[] = Array.isArray(raw) ? [...raw] : raw === undefined ? [] : [raw];
  const i = list.findIndex((s) => (s as { id?: string })?.id === SERVER_SECTION_ID);
  if (i >= 0) list[i] = section;
  else list.push(section);
  contributes.configuration = list;
  return { ...packageJson, contributes };
}

export function findSection(packageJson: unknown): unknown {
  const c = (packageJson as { contributes?: { configuration?: unknown } })?.contributes?.configuration;
  const list = Array.isArray(c) ? c : [c];
  return list.find((s) => (s as { id?: string })?.id === SERVER_SECTION_ID);
}
