// Finding the copydesk server binary: the `copydesk.server.path` setting,
// then a binary bundled in the extension's `bin/`, then `PATH`.
//
// Pure apart from the injected `isExecutable`, so the unit tests run in
// plain node without VS Code.

import * as fs from "node:fs";
import * as path from "node:path";

export type Source = "setting" | "bundled" | "PATH";

export interface DiscoveryEnv {
  platform: NodeJS.Platform;
  /** Environment variables (PATH, PATHEXT, HOME/USERPROFILE). */
  env: Record<string, string | undefined>;
  /** Folder the extension is installed in. */
  extensionPath: string;
  /** Workspace folders as file-system paths; the first one resolves relative settings. */
  workspaceFolders: string[];
  isExecutable(p: string): boolean;
}

export type Discovery =
  | { found: true; path: string; source: Source; tried: string[] }
  | { found: false; tried: string[]; settingUsed: boolean };

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "copydesk.exe" : "copydesk";
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

function envVar(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== "win32") return env[name];
  // Windows environment variable names are case-insensitive ("Path").
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

/**
 * Expands `~`, `${userHome}` and `${workspaceFolder}` in the setting, and
 * makes a relative path relative to the first workspace folder (VS Code
 * does not expand variables in settings for extensions).
 */
export function expandSettingPath(raw: string, e: DiscoveryEnv): string {
  const p = pathApi(e.platform);
  const home = envVar(e.env, e.platform === "win32" ? "USERPROFILE" : "HOME", e.platform) ?? "";
  const folder = e.workspaceFolders[0];
  let s = raw.trim();
  s = s.replace(/\$\{userHome\}/g, home);
  if (folder !== undefined) s = s.replace(/\$\{workspaceFolder\}/g, folder);
  if (s === "~" || s.startsWith("~/") || s.startsWith("~\\")) s = home + s.slice(1);
  if (!p.isAbsolute(s) && folder !== undefined) s = p.join(folder, s);
  return s;
}

/** Candidates for a bare command name on PATH, in search order. */
export function pathCandidates(e: DiscoveryEnv): string[] {
  const p = pathApi(e.platform);
  const dirs = (envVar(e.env, "PATH", e.platform) ?? "").split(p.delimiter).filter((d) => d !== "");
  if (e.platform !== "win32") return dirs.map((d) => p.join(d, "copydesk"));
  const exts = (envVar(e.env, "PATHEXT", e.platform) ?? ".EXE;.CMD;.BAT")
    .split(";")
    .filter((x) => x !== "");
  return dirs.flatMap((d) => exts.map((x) => p.join(d, "copydesk" + x.toLowerCase())));
}

/**
 * An explicit setting is used alone: when it points nowhere the user is
 * told so instead of silently running some other copydesk.
 */
export function findServer(setting: string | undefined, e: DiscoveryEnv): Discovery {
  const tried: string[] = [];
  if (setting !== undefined && setting.trim() !== "") {
    const p = expandSettingPath(setting, e);
    tried.push(p);
    if (e.isExecutable(p)) return { found: true, path: p, source: "setting", tried };
    return { found: false, tried, settingUsed: true };
  }
  const bundled = pathApi(e.platform).join(e.extensionPath, "bin", binaryName(e.platform));
  tried.push(bundled);
  if (e.isExecutable(bundled)) return { found: true, path: bundled, source: "bundled", tried };
  for (const c of pathCandidates(e)) {
    tried.push(c);
    if (e.isExecutable(c)) return { found: true, path: c, source: "PATH", tried };
  }
  return { found: false, tried, settingUsed: false };
}

/** What to tell the user when no server was found. */
export function notFoundMessage(d: Extract<Discovery, { found: false }>): string {
  if (d.settingUsed) {
    return (
      `copydesk: the server set in "copydesk.server.path" is not an executable file: ${d.tried[0]}. ` +
      `Fix the setting (or clear it to use a bundled copydesk or the one on PATH), then run "copydesk: Restart server".`
    );
  }
  const dirs = d.tried.length - 1;
  return (
    `copydesk: no copydesk server found (looked for ${d.tried[0]} and in ${dirs} PATH location${dirs === 1 ? "" : "s"}; ` +
    `see "copydesk: Show output" for the list). Install it (cargo install --path . in the copydesk repository) ` +
    `or set "copydesk.server.path", then run "copydesk: Restart server".`
  );
}

/** The real check: an existing regular file that the user may execute. */
export function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
