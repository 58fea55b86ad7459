// When the server process ends on its own: restart it at most once in a
// while, and only if it had been up long enough that the crash was not at
// start-up. A server that dies at start-up would otherwise be restarted in
// a loop (vscode-languageclient's default does that up to five times).

export interface PolicyOptions {
  /** A run shorter than this is a start-up failure: never restarted. */
  minUptimeMs: number;
  /** At most one automatic restart in this window. */
  windowMs: number;
}

export const DEFAULT_POLICY: PolicyOptions = { minUptimeMs: 60_000, windowMs: 5 * 60_000 };

export type Decision = { restart: true } | { restart: false; reason: "startup" | "repeated" };

export class CrashPolicy {
  private startedAt: number | undefined;
  private lastAutoRestart: number | undefined;

  constructor(private readonly opts: PolicyOptions = DEFAULT_POLICY) {}

  /** A server process was started (by us, the user, or an automatic restart). */
  started(now: number): void {
    this.startedAt = now;
  }

  /** The user asked for a restart: the history no longer counts. */
  reset(): void {
    this.startedAt = undefined;
    this.lastAutoRestart = undefined;
  }

  uptime(now: number): number {
    return this.startedAt === undefined ? 0 : now - this.startedAt;
  }

  /** The process ended without being asked to. */
  exited(now: number): Decision {
    if (this.uptime(now) < this.opts.minUptimeMs) return { restart: false, reason: "startup" };
    if (this.lastAutoRestart !== undefined && now - this.lastAutoRestart < this.opts.windowMs) {
      return { restart: false, reason: "repeated" };
    }
    this.lastAutoRestart = now;
    return { restart: true };
  }
}

export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

export function describeExit(e: ExitInfo | undefined): string {
  if (e === undefined) return "closed the connection";
  if (e.signal !== null) return `was killed by ${e.signal}`;
  return `exited with code ${e.code ?? "?"}`;
}

/** The one message shown when the server stops by itself and is not restarted. */
export function crashMessage(serverPath: string, exit: ExitInfo | undefined, uptimeMs: number, d: Decision): string {
  const secs = Math.round(uptimeMs / 1000);
  const why =
    d.restart || d.reason === "startup"
      ? `after ${secs} s`
      : `again after ${secs} s (it was already restarted once in the last few minutes)`;
  return (
    `copydesk: the server ${serverPath} ${describeExit(exit)} ${why} and was not restarted. ` +
    `Its log is in "copydesk: Show output"; run "copydesk: Restart server" once the cause is fixed.`
  );
}
