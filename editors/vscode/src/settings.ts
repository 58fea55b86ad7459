// VS Code settings → what the server receives (initializationOptions and
// the answer to `workspace/configuration` for section "copydesk").
//
// Only server settings are sent (client settings such as `server.path`
// would be "unknown setting" warnings), and only values the user actually
// set: sending VS Code's defaults would override the workspace's
// `copydesk.toml`, which the server lays the editor's settings over.

/** The scopes of one setting, as `WorkspaceConfiguration.inspect` returns them. */
export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export type Inspect = (key: string) => Inspected | undefined;

/** The configuration section the generated server settings live in. */
export const SERVER_SECTION_ID = "copydesk.serverSettings";

interface ConfigurationSection {
  id?: string;
  title?: string;
  properties?: Record<string, unknown>;
}

function sections(packageJson: unknown): ConfigurationSection[] {
  const c = (packageJson as { contributes?: { configuration?: unknown } })?.contributes?.configuration;
  if (Array.isArray(c)) return c as ConfigurationSection[];
  return c === undefined || c === null ? [] : [c as ConfigurationSection];
}

/** Keys (without "copydesk.") of the server settings the extension contributes. */
export function serverKeys(packageJson: unknown): string[] {
  const s = sections(packageJson).find((x) => x.id === SERVER_SECTION_ID);
  return Object.keys(s?.properties ?? {}).map((k) => k.replace(/^copydesk\./, ""));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The server settings the user set, with the usual precedence (folder over
 * workspace over user). Object settings (`rules`) are merged key by key
 * across scopes, as VS Code itself does.
 */
export function serverSettings(keys: readonly string[], inspect: Inspect): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const i = inspect(key);
    if (i === undefined) continue;
    const scoped = [i.globalValue, i.workspaceValue, i.workspaceFolderValue].filter(
      (v) => v !== undefined && v !== null,
    );
    if (scoped.length === 0) continue;
    if (scoped.every(isPlainObject)) {
      out[key] = Object.assign({}, ...scoped);
    } else {
      out[key] = scoped[scoped.length - 1];
    }
  }
  return out;
}

export type DocumentFilter = { language: string; scheme: string } | { scheme: string; pattern: string };

/**
 * The documents copydesk checks: the configured languages on disk and in
 * unsaved editors, plus files matching the configured glob patterns
 * whatever their language.
 */
export function documentSelector(languages: readonly string[], patterns: readonly string[]): DocumentFilter[] {
  const out: DocumentFilter[] = [];
  for (const language of new Set(languages.map((l) => l.trim()).filter((l) => l !== ""))) {
    out.push({ language, scheme: "file" }, { language, scheme: "untitled" });
  }
  for (const pattern of new Set(patterns.map((p) => p.trim()).filter((p) => p !== ""))) {
    out.push({ scheme: "file", pattern });
  }
  return out;
}

/** Settings whose change needs a new server process rather than a notification. */
export const RESTART_KEYS = ["copydesk.server", "copydesk.client"] as const;

/** The server's log filter for a log level setting (COPYDESK_LOG). */
export function logFilter(level: unknown): string {
  const allowed = ["error", "warn", "info", "debug", "trace"];
  return typeof level === "string" && allowed.includes(level) ? level : "info";
}
