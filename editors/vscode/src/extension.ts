// Entry point: finds and starts `copydesk serve`, maps settings, and
// registers the commands and the entities view. The logic worth testing
// lives in the VS Code-free modules beside this one.

import { ChildProcess, spawn } from "node:child_process";
import * as vscode from "vscode";
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  State,
} from "vscode-languageclient/node";
import { findServer, isExecutableFile, notFoundMessage } from "./discovery";
import { ENTITIES_METHOD, EntitiesParams } from "./entitiesModel";
import { EntitiesProvider } from "./entitiesView";
import { CrashPolicy, ExitInfo, crashMessage, describeExit } from "./restartPolicy";
import { RESTART_KEYS, documentSelector, logFilter, serverKeys, serverSettings } from "./settings";

const SECTION = "copydesk";

/**
 * A client whose error pop-ups go through the controller, so that one
 * failure (say, a server that dies during initialize) gives one message,
 * not the library's and ours.
 */
class CopydeskClient extends LanguageClient {
  onForcedError: ((message: string, data: unknown) => void) | undefined;
  override error(message: string, data?: unknown, showNotification?: boolean | "force"): void {
    super.error(message, data, showNotification === "force" ? false : showNotification);
    if (showNotification === "force") this.onForcedError?.(message, data);
  }
}

type Status = "starting" | "running" | "stopped" | "missing" | "failed";

class Controller implements vscode.Disposable {
  private client: CopydeskClient | undefined;
  private readonly output = vscode.window.createOutputChannel("copydesk");
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 0);
  private readonly policy = new CrashPolicy();
  /** Whether a failure was shown since the last manual restart: one message per failure, not one per symptom. */
  private told = false;
  private serverPath = "";
  private lastExit: ExitInfo | undefined;
  /** A process spawned (and known to have started) by `start`, for the client to use. */
  private pending: ChildProcess | undefined;
  private readonly keys: string[];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.keys = serverKeys(context.extension.packageJSON);
    this.status.command = "copydesk.showOutput";
    this.status.name = "copydesk";
  }

  dispose(): void {
    void this.stop();
    this.output.dispose();
    this.status.dispose();
  }

  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${line}`);
  }

  showOutput(): void {
    this.output.show(true);
  }

  private setStatus(s: Status, detail = ""): void {
    const icon = { starting: "$(sync~spin)", running: "$(check)", stopped: "$(circle-slash)", missing: "$(error)", failed: "$(error)" }[s];
    this.status.text = `${icon} copydesk`;
    this.status.tooltip = `copydesk: ${s}${detail === "" ? "" : ` — ${detail}`} (click for the log)`;
    this.status.show();
  }

  /** Shows an error unless one was shown since the last manual restart; the buttons do what they say. */
  private notifyOnce(message: string): void {
    this.log(message);
    if (this.told) return;
    this.told = true;
    void vscode.window.showErrorMessage(message, "Show output", "Open settings", "Restart server").then((pick) => {
      if (pick === "Show output") this.showOutput();
      else if (pick === "Open settings") void vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.server");
      else if (pick === "Restart server") void this.restart();
    });
  }

  private inspect(scope: vscode.Uri | undefined): (key: string) => ReturnType<vscode.WorkspaceConfiguration["inspect"]> {
    const cfg = vscode.workspace.getConfiguration(SECTION, scope);
    return (key) => cfg.inspect(key);
  }

  settingsForServer(scopeUri?: string): Record<string, unknown> {
    return serverSettings(this.keys, this.inspect(scopeUri === undefined ? undefined : vscode.Uri.parse(scopeUri)));
  }

  private spawnServer(): Promise<ChildProcess> {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const env = { ...process.env, COPYDESK_LOG: logFilter(cfg.get("server.logLevel")) };
    return new Promise((resolve, reject) => {
      this.lastExit = undefined;
      const child = spawn(this.serverPath, ["serve"], { cwd, env, stdio: "pipe" });
      child.once("exit", (code, signal) => {
        this.lastExit = { code, signal };
        this.log(`server process ${child.pid ?? "?"} ${describeExit(this.lastExit)}`);
      });
      child.once("error", (e) => reject(new Error(`cannot run ${this.serverPath}: ${e.message}`)));
      child.once("spawn", () => {
        this.policy.started(Date.now());
        this.log(`started ${this.serverPath} serve (pid ${child.pid})`);
        resolve(child);
      });
    });
  }

  async start(): Promise<void> {
    if (this.client !== undefined) return;
    const cfg = vscode.workspace.getConfiguration(SECTION);
    const d = findServer(cfg.get<string>("server.path"), {
      platform: process.platform,
      env: process.env,
      extensionPath: this.context.extensionPath,
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
      isExecutable: isExecutableFile,
    });
    if (!d.found) {
      this.log(`no server found; tried:\n  ${d.tried.join("\n  ")}`);
      this.setStatus("missing", "no server binary found");
      this.notifyOnce(notFoundMessage(d));
      return;
    }
    this.serverPath = d.path;
    this.log(`using ${d.path} (from ${d.source})`);
    this.setStatus("starting");
    try {
      this.pending = await this.spawnServer();
    } catch (e) {
      this.setStatus("failed", String(e));
      this.notifyOnce(`copydesk: ${e instanceof Error ? e.message : String(e)}. Check "copydesk.server.path".`);
      return;
    }
    const options: LanguageClientOptions = {
      documentSelector: documentSelector(
        cfg.get<string[]>("client.languages") ?? ["plaintext", "markdown"],
        cfg.get<string[]>("client.filePatterns") ?? [],
      ),
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: this.settingsForServer(),
      errorHandler: {
        error: (_e, _m, count): ErrorHandlerResult =>
          count !== undefined && count <= 3
            ? { action: ErrorAction.Continue, handled: true }
            : { action: ErrorAction.Shutdown, handled: true },
        closed: () => this.onClosed(),
      },
      middleware: {
        workspace: {
          // The server asks for section "copydesk": answer with the server
          // settings only, as the user set them.
          configuration: async (params, token, next) => {
            const answer = await next(params, token);
            if (!Array.isArray(answer)) return answer;
            return answer.map((v: unknown, i) =>
              params.items[i]?.section === SECTION ? this.settingsForServer(params.items[i].scopeUri) : v,
            );
          },
        },
      },
    };
    const client = new CopydeskClient("copydesk", "copydesk", () => this.takeProcess(), options);
    client.onForcedError = (message, data) =>
      this.notifyOnce(`copydesk: ${message}${data instanceof Error ? ` (${data.message})` : ""} — see "copydesk: Show output".`);
    this.client = client;
    try {
      await client.start();
      this.setStatus("running", d.path);
    } catch (e) {
      this.setStatus("failed", String(e));
      this.notifyOnce(`copydesk: the server ${d.path} did not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The first process is the one `start` spawned; automatic restarts spawn anew. */
  private takeProcess(): Promise<ChildProcess> {
    const p = this.pending;
    this.pending = undefined;
    return p !== undefined ? Promise.resolve(p) : this.spawnServer();
  }

  private async onClosed(): Promise<CloseHandlerResult> {
    // The stream usually closes before the process reports its exit status.
    for (let i = 0; i < 10 && this.lastExit === undefined; i++) await new Promise((r) => setTimeout(r, 50));
    const now = Date.now();
    const uptime = this.policy.uptime(now);
    const d = this.policy.exited(now);
    if (d.restart && isExecutableFile(this.serverPath)) {
      this.log(`server ${describeExit(this.lastExit)} after ${Math.round(uptime / 1000)} s; restarting it once`);
      return { action: CloseAction.Restart, handled: true };
    }
    const decision = d.restart ? ({ restart: false, reason: "startup" } as const) : d;
    this.setStatus("stopped", describeExit(this.lastExit));
    this.notifyOnce(crashMessage(this.serverPath, this.lastExit, uptime, decision));
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.pending?.kill();
    this.pending = undefined;
    if (client === undefined) return;
    try {
      if (client.state !== State.Stopped) await client.stop(2000);
    } catch (e) {
      this.log(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    }
    await client.dispose().catch(() => undefined);
    this.setStatus("stopped");
  }

  async restart(): Promise<void> {
    this.told = false;
    this.policy.reset();
    this.log("restart requested");
    await this.stop();
    await this.start();
  }

  /** Server settings changed: the server asks for them again on this notification. */
  notifySettingsChanged(): void {
    const c = this.running;
    if (c === undefined) return;
    void c.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: this.settingsForServer() } });
  }

  entitiesRequest(params: EntitiesParams): Promise<unknown> | undefined {
    return this.running?.sendRequest(ENTITIES_METHOD, params);
  }
}

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const ctl = new Controller(context);
  controller = ctl;
  context.subscriptions.push(ctl);

  const entities = new EntitiesProvider({
    request: (p) => ctl.entitiesRequest(p),
    log: (l) => ctl.log(l),
  });
  const view = vscode.window.createTreeView("copydesk.entities", { treeDataProvider: entities, showCollapseAll: true });
  entities.view = view;
  context.subscriptions.push(view);

  const showEntities = async (scope: string | undefined) => {
    entities.scope = scope;
    await vscode.commands.executeCommand("copydesk.entities.focus");
    await entities.refresh();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand("copydesk.restartServer", () => ctl.restart()),
    vscode.commands.registerCommand("copydesk.showOutput", () => ctl.showOutput()),
    vscode.commands.registerCommand("copydesk.showEntities", () => showEntities(undefined)),
    vscode.commands.registerCommand("copydesk.showEntitiesInFile", () =>
      showEntities(vscode.window.activeTextEditor?.document.uri.toString()),
    ),
    vscode.commands.registerCommand("copydesk.refreshEntities", () => entities.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      if (RESTART_KEYS.some((k) => e.affectsConfiguration(k))) {
        ctl.log("server or client settings changed; restarting the server");
        void ctl.restart();
      } else {
        ctl.notifySettingsChanged();
      }
    }),
  );

  await ctl.start();
}

/** VS Code waits for the returned promise: the server gets a clean shutdown. */
export function deactivate(): Promise<void> | undefined {
  const c = controller;
  controller = undefined;
  return c?.stop();
}
