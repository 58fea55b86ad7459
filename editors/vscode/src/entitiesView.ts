// The "copydesk entities" tree: kinds → entities → mentions, fed by the
// server's `copydesk/entities` request.

import * as vscode from "vscode";
import {
  ENTITIES_METHOD,
  EntitiesParams,
  Entity,
  EntityKind,
  KindGroup,
  Mention,
  groupByKind,
  isMethodNotFound,
  kindLabel,
  mentionSummary,
  parseEntities,
  sortedMentions,
} from "./entitiesModel";

/** What the view needs from the language client. */
export interface EntitySource {
  /** Undefined while no server runs. */
  request(params: EntitiesParams): Promise<unknown> | undefined;
  log(line: string): void;
}

type Node =
  | { type: "kind"; group: KindGroup }
  | { type: "entity"; entity: Entity }
  | { type: "mention"; entity: Entity; mention: Mention };

const KIND_ICONS: Record<EntityKind, string> = {
  person: "person",
  organization: "organization",
  location: "location",
  other: "symbol-misc",
};

export class EntitiesProvider implements vscode.TreeDataProvider<Node> {
  private groups: KindGroup[] = [];
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  view: vscode.TreeView<Node> | undefined;
  /** Undefined: the whole workspace; else one document. */
  scope: string | undefined;

  constructor(private readonly source: EntitySource) {}

  async refresh(): Promise<void> {
    const view = this.view;
    const setMessage = (m: string | undefined) => {
      if (view !== undefined) view.message = m;
    };
    const params: EntitiesParams = this.scope === undefined ? {} : { uri: this.scope };
    const pending = this.source.request(params);
    if (pending === undefined) {
      this.groups = [];
      setMessage('The copydesk server is not running. Run "copydesk: Restart server".');
      this.changed.fire(undefined);
      return;
    }
    try {
      const parsed = parseEntities(await pending);
      if (parsed.dropped > 0) {
        this.source.log(`${ENTITIES_METHOD}: ignored ${parsed.dropped} malformed item(s) in the answer`);
      }
      this.groups = groupByKind(parsed.entities);
      const where = this.scope === undefined ? "the workspace" : vscode.workspace.asRelativePath(vscode.Uri.parse(this.scope));
      setMessage(parsed.entities.length === 0 ? `No entities found in ${where}.` : undefined);
      if (view !== undefined) view.description = this.scope === undefined ? "workspace" : where;
    } catch (err) {
      this.groups = [];
      if (isMethodNotFound(err)) {
        setMessage(`This copydesk server does not answer ${ENTITIES_METHOD} yet; update copydesk to see entities.`);
        this.source.log(`${ENTITIES_METHOD}: method not found on this server`);
      } else {
        const msg = err instanceof Error ? err.message : String(err);
        setMessage(`Could not get entities: ${msg}`);
        this.source.log(`${ENTITIES_METHOD} failed: ${msg}`);
      }
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node === undefined) return this.groups.map((group) => ({ type: "kind", group }));
    if (node.type === "kind") return node.group.entities.map((entity) => ({ type: "entity", entity }));
    if (node.type === "entity") {
      return sortedMentions(node.entity).map((mention) => ({ type: "mention", entity: node.entity, mention }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    if (node.type === "kind") {
      const item = new vscode.TreeItem(`${kindLabel(node.group.kind)} (${node.group.entities.length})`, C.Expanded);
      item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.group.kind]);
      return item;
    }
    if (node.type === "entity") {
      const item = new vscode.TreeItem(node.entity.name, C.Collapsed);
      item.description = mentionSummary(node.entity);
      item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.entity.kind]);
      item.id = `entity:${node.entity.id}`;
      item.contextValue = "copydeskEntity";
      return item;
    }
    const m = node.mention;
    const uri = vscode.Uri.parse(m.uri);
    const item = new vscode.TreeItem(m.text === "" ? node.entity.name : m.text, C.None);
    item.description = `${vscode.workspace.asRelativePath(uri)}:${m.range.start.line + 1}:${m.range.start.character + 1}`;
    item.iconPath = vscode.ThemeIcon.File;
    item.resourceUri = uri;
    const range = new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
    item.command = {
      title: "Open mention",
      command: "vscode.open",
      arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }
}
