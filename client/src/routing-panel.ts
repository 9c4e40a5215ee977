import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SampleRequestsNotification, SimulateRequest, type SimulateParams } from '../../server/src/protocol';
import { panelHtml } from './panel-html';
import type { HostToPanel, PanelPersistedState, PanelToHost, PanelView, ServerState, SimRequest, SimulateResponse } from './panel-messages';
import { cleanRequest, cleanServerStates, formatRequestLines, parseRequestLines } from './request-lines';

/** What the panel needs from the language client; a seam so the panel never talks LSP itself. */
export interface RoutingBackend {
  simulate(params: SimulateParams): Promise<SimulateResponse>;
  publishSamples(params: SimulateParams): void;
}

/** Test-only view of the panel, exposed on the extension API for the end-to-end suite. */
export interface RoutingPanelApi {
  /** The last answer of the language server, whatever it was (results, parse errors or error). */
  lastResult(): SimulateResponse | undefined;
  /** What the webview was last sent. */
  view(): PanelView | undefined;
  isOpen(): boolean;
}

export const ROUTING_VIEW_TYPE = 'haproxy.routingPreview';
const SAMPLES_KEY = 'haproxy.routingPreview.samples';
const EDIT_DEBOUNCE_MS = 300;
const PANEL_DEBOUNCE_MS = 120;

interface StoredSamples {
  requests: SimRequest[];
  serverStates: ServerState[];
}

/** Owns the single routing preview panel: binds it to a document, re-simulates on edits, persists the samples. */
export class RoutingPanelController implements vscode.Disposable, RoutingPanelApi {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private documentUri: vscode.Uri | undefined;
  private current: PanelView | undefined;
  private last: SimulateResponse | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private wantsPresets = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly backend: RoutingBackend,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.document.uri.toString() === this.documentUri?.toString() && event.contentChanges.length > 0) this.schedule(EDIT_DEBOUNCE_MS);
      }),
      vscode.window.registerWebviewPanelSerializer(ROUTING_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.restore(panel, state as PanelPersistedState | undefined),
      }),
    );
  }

  lastResult(): SimulateResponse | undefined {
    return this.last;
  }

  view(): PanelView | undefined {
    return this.current;
  }

  isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the panel beside the editor (or reveals it), bound to `uri`, optionally focused on a section. */
  async createOrShow(uri: vscode.Uri, focus: string | null = null): Promise<void> {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(ROUTING_VIEW_TYPE, 'Routing Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
      this.attach(panel);
    }
    await this.bind(uri, focus);
  }

  /** Samples stored for a document, sent to the server so its CodeLenses count them before the panel opens. */
  publishStoredSamples(uri: vscode.Uri): void {
    const stored = this.stored(uri);
    if (stored) this.backend.publishSamples({ uri: uri.toString(), ...stored });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')] };
  }

  private async restore(panel: vscode.WebviewPanel, state: PanelPersistedState | undefined): Promise<void> {
    if (this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    if (state?.documentUri) await this.bind(vscode.Uri.parse(state.documentUri), state.focus ?? null);
    else this.post({ ...this.emptyView(), error: 'This preview lost its document. Run "HAProxy: Preview Routing" from a haproxy.cfg editor.' });
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
    const root = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel.css')).toString(),
    });
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((message: PanelToHost) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.current) this.post(this.current);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.generation++;
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
      }),
    ];
  }

  private emptyView(): PanelView {
    return { fileName: '', documentUri: '', requests: [], serverStates: [], focus: null, result: null, stale: null, error: null };
  }

  private async bind(uri: vscode.Uri, focus: string | null): Promise<void> {
    const same = this.documentUri?.toString() === uri.toString();
    this.documentUri = uri;
    try {
      // Opening makes the language client send the text to the server, also after a window reload.
      await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      this.post({ ...this.emptyView(), documentUri: uri.toString(), error: `Cannot open ${uri.fsPath}: ${String(error)}` });
      return;
    }
    const stored = this.stored(uri);
    this.wantsPresets = !stored;
    const base = same && this.current ? this.current : { ...this.emptyView(), documentUri: uri.toString(), fileName: uri.path.split('/').pop() ?? uri.toString() };
    this.current = { ...base, focus, requests: stored?.requests ?? base.requests, serverStates: stored?.serverStates ?? base.serverStates };
    this.post(this.current);
    await this.simulate();
  }

  private stored(uri: vscode.Uri): StoredSamples | undefined {
    const all = this.context.workspaceState.get<Record<string, StoredSamples>>(SAMPLES_KEY) ?? {};
    const entry = all[uri.toString()];
    if (!entry || !Array.isArray(entry.requests)) return undefined;
    const requests = entry.requests.map(cleanRequest).filter((r): r is SimRequest => typeof r !== 'string');
    return { requests, serverStates: cleanServerStates(entry.serverStates) };
  }

  private async persist(): Promise<void> {
    if (!this.current || !this.documentUri) return;
    const { requests, serverStates } = this.current;
    const all = { ...(this.context.workspaceState.get<Record<string, StoredSamples>>(SAMPLES_KEY) ?? {}) };
    all[this.documentUri.toString()] = { requests, serverStates };
    await this.context.workspaceState.update(SAMPLES_KEY, all);
    this.backend.publishSamples({ uri: this.documentUri.toString(), requests, serverStates });
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.simulate();
    }, delay);
  }

  private async simulate(): Promise<void> {
    const view = this.current;
    const uri = this.documentUri;
    if (!view || !uri || !this.panel) return;
    const generation = ++this.generation;
    let response: SimulateResponse;
    try {
      // The editor may have been closed since; opening again (cheap when open) lets the server see the text.
      await vscode.workspace.openTextDocument(uri);
      response = await this.backend.simulate({ uri: uri.toString(), requests: view.requests, serverStates: view.serverStates });
    } catch (error) {
      if (generation === this.generation) this.update({ error: `Could not simulate: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (generation !== this.generation || this.documentUri?.toString() !== uri.toString()) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document && response.version !== null && response.version < document.version) {
      this.schedule(PANEL_DEBOUNCE_MS);
      return;
    }
    this.last = response;
    if (this.wantsPresets) {
      this.wantsPresets = false;
      if (response.presets.length > 0 && view.requests.length === 0) {
        this.current = { ...view, requests: response.presets };
        await this.persist();
        return this.simulate();
      }
    }
    if (response.results) this.update({ result: response, stale: null, error: null });
    else if (response.parseErrors.length > 0) this.update({ stale: response.parseErrors[0], error: null });
    else this.update({ error: response.error ?? 'The simulation gave no result.' });
  }

  private update(change: Partial<PanelView>): void {
    if (!this.current) return;
    this.current = { ...this.current, ...change };
    this.post(this.current);
  }

  private post(view: PanelView): void {
    this.current = view;
    const message: HostToPanel = { type: 'view', view };
    void this.panel?.webview.postMessage(message);
  }

  private async changeSamples(change: Partial<StoredSamples>): Promise<void> {
    if (!this.current) return;
    this.current = { ...this.current, ...change };
    await this.persist();
    this.schedule(PANEL_DEBOUNCE_MS);
  }

  private async receive(message: PanelToHost): Promise<void> {
    if (!message || typeof message !== 'object' || !this.current) return;
    const requests = this.current.requests;
    switch (message.type) {
      case 'ready':
        this.post(this.current);
        return;
      case 'editRequest': {
        const request = cleanRequest(message.request);
        if (typeof request === 'string' || !Number.isInteger(message.index) || message.index < 0 || message.index >= requests.length) return;
        return this.changeSamples({ requests: requests.map((r, i) => (i === message.index ? request : r)) });
      }
      case 'addRequest': {
        const previous = requests[requests.length - 1];
        const request: SimRequest = previous ? { method: previous.method || 'GET', url: previous.url } : { method: 'GET', url: 'http://127.0.0.1:80/' };
        return this.changeSamples({ requests: [...requests, request] });
      }
      case 'removeRequest':
        return this.changeSamples({ requests: requests.filter((_, i) => i !== message.index) });
      case 'setServerState': {
        const others = this.current.serverStates.filter((s) => s.backend !== message.backend || s.server !== message.server);
        const serverStates = cleanServerStates([...others, { backend: message.backend, server: message.server, state: message.state }]);
        return this.changeSamples({ serverStates });
      }
      case 'loadPresets':
        return this.changeSamples({ requests: this.last?.presets ?? this.current.result?.presets ?? requests });
      case 'reveal':
        return this.reveal(message.line);
      case 'focus':
        this.update({ focus: typeof message.section === 'string' ? message.section : null });
        return;
      case 'import':
        return this.importRequests();
      case 'export':
        return this.exportRequests();
    }
  }

  private async reveal(line: number): Promise<void> {
    if (!this.documentUri || !Number.isInteger(line) || line < 1) return;
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    const target = Math.min(line - 1, document.lineCount - 1);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri?.toString());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const range = document.lineAt(target).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async importRequests(): Promise<void> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Import requests',
      filters: { 'JSON lines': ['jsonl', 'ndjson', 'json'], 'All files': ['*'] },
      defaultUri: this.documentUri ? vscode.Uri.joinPath(this.documentUri, '..') : undefined,
    });
    if (!picked?.[0]) return;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
    } catch (error) {
      this.update({ error: `Cannot read ${picked[0].fsPath}: ${String(error)}` });
      return;
    }
    const parsed = parseRequestLines(text);
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0];
      const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
      void vscode.window.showErrorMessage(`Requests not imported: line ${first.line}: ${first.message}${more}`);
      return;
    }
    await this.changeSamples({ requests: parsed.requests });
  }

  private async exportRequests(): Promise<void> {
    if (!this.current) return;
    const target = await vscode.window.showSaveDialog({
      saveLabel: 'Export requests',
      filters: { 'JSON lines': ['jsonl'] },
      defaultUri: this.documentUri ? vscode.Uri.joinPath(this.documentUri, '..', 'requests.jsonl') : undefined,
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(formatRequestLines(this.current.requests)));
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot write ${target.fsPath}: ${String(error)}`);
    }
  }
}

/** The part of the language client the preview uses. */
type RoutingClient = Pick<LanguageClient, 'sendRequest' | 'sendNotification'>;

function isHaproxy(document: vscode.TextDocument): boolean {
  return document.languageId === 'haproxy';
}

/**
 * Registers `haproxy.previewRouting` and the panel's serializer, and sends the stored sample requests of open
 * documents to the server for its CodeLenses. Returns the panel's test API.
 */
export function registerRoutingPreview(context: vscode.ExtensionContext, client: RoutingClient): RoutingPanelApi {
  const controller = new RoutingPanelController(context, {
    simulate: (params) => client.sendRequest(SimulateRequest, params),
    publishSamples: (params) => void client.sendNotification(SampleRequestsNotification, params).catch(() => undefined),
  });
  context.subscriptions.push(
    controller,
    vscode.commands.registerCommand('haproxy.previewRouting', async (target?: vscode.Uri | string, focus?: string) => {
      const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!uri || (document && !isHaproxy(document))) {
        void vscode.window.showInformationMessage('Open an HAProxy configuration to preview its routing.');
        return;
      }
      await controller.createOrShow(uri, typeof focus === 'string' ? focus : null);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isHaproxy(document)) controller.publishStoredSamples(document.uri);
    }),
  );
  for (const document of vscode.workspace.textDocuments) if (isHaproxy(document)) controller.publishStoredSamples(document.uri);
  return controller;
}
