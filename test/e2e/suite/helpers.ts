import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HaproxyExtensionApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'senex.haproxy-config-tools';

export function extension(): vscode.Extension<HaproxyExtensionApi> {
  const found = vscode.extensions.getExtension<HaproxyExtensionApi>(EXTENSION_ID);
  if (!found) throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return found;
}

export async function activeApi(): Promise<HaproxyExtensionApi> {
  return extension().activate();
}

/** Polls until `probe` returns a value other than undefined/false, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The Senex example shipped with the extension, read from the extension under test. */
export function senexText(): string {
  return fs.readFileSync(path.join(extension().extensionPath, 'examples', 'senex', 'haproxy.cfg'), 'utf8');
}

/** A folder for files the tests write: the open workspace when there is one, else a fresh temp folder. */
let scratch: string | undefined;
export function scratchDir(): string {
  if (!scratch) {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    scratch = root ? path.join(root, 'e2e-scratch') : fs.mkdtempSync(path.join(os.tmpdir(), 'haproxy-e2e-'));
    fs.mkdirSync(scratch, { recursive: true });
  }
  return scratch;
}

/** Writes `text` to `<scratch>/<name>/haproxy.cfg` (a name the extension claims) and opens it in an editor. */
export async function openConfig(name: string, text: string): Promise<vscode.TextEditor> {
  const dir = path.join(scratchDir(), name);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'haproxy-lint');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return String(code);
}

/**
 * Resolves once the language server has certainly processed everything sent for `document` so far:
 * a request answered after the open/change notifications means their diagnostics were already published.
 */
export async function serverCaughtUp(api: HaproxyExtensionApi, document: vscode.TextDocument): Promise<void> {
  await api.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: document.uri.toString() } });
}

/** Waits until the diagnostics of `uri` satisfy `accept` and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${path.basename(path.dirname(uri.fsPath))}/haproxy.cfg: ${what}`, () => {
    const diagnostics = ourDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

type Capability = keyof NonNullable<HaproxyExtensionApi['client']['initializeResult']>['capabilities'];

/** Whether the running language server announced a capability (e.g. `hoverProvider`). */
export async function serverHas(capability: Capability): Promise<boolean> {
  const api = await activeApi();
  await waitFor('the language client to be running', () => api.client.initializeResult);
  return Boolean(api.client.initializeResult?.capabilities[capability]);
}

export async function commandExists(command: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(command);
}

/** Marks the running test pending, with the reason in its title, when a feature has not landed yet. */
export function pendingUnless(context: Mocha.Context, present: boolean, reason: string): void {
  if (present) return;
  const test = context.currentTest ?? context.test;
  if (test) test.title += ` [pending: ${reason}]`;
  context.skip();
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function severityName(severity: vscode.DiagnosticSeverity): string {
  return ['error', 'warning', 'info', 'hint'][severity] ?? String(severity);
}
