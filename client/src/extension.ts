import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions } from 'vscode-languageclient/node';
import { registerHaproxyCheckStatus } from './haproxy-check-status';
import { detectHaproxyConfigs } from './language-detection';
import { registerRoutingPreview, type RoutingPanelApi } from './routing-panel';
import { serverOptionsFor } from './server-options';

let client: LanguageClient | undefined;

/** What the extension exposes to other extensions and to its own end-to-end tests. */
export interface HaproxyExtensionApi {
  client: LanguageClient;
  /** The routing preview panel; `lastResult()` is what the end-to-end tests read. */
  routingPanel: RoutingPanelApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<HaproxyExtensionApi> {
  detectHaproxyConfigs(context);
  const serverModule = context.asAbsolutePath('dist/server/server.js');
  const serverOptions = serverOptionsFor(serverModule, vscode.workspace.getConfiguration('haproxy').get('server.maxMemory'), TransportKind.ipc);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'haproxy' }],
    synchronize: { configurationSection: 'haproxy' },
    // The server runs the real `haproxy -c` only in a trusted workspace.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('haproxy', 'HAProxy Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  registerHaproxyCheckStatus(context, client);
  const routingPanel = registerRoutingPreview(context, client);
  return { client, routingPanel };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
