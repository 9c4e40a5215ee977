import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** What the extension exposes to other extensions and to its own end-to-end tests. */
export interface HaproxyExtensionApi {
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<HaproxyExtensionApi> {
  const serverModule = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'haproxy' }],
    synchronize: { configurationSection: 'haproxy' },
  };
  client = new LanguageClient('haproxy', 'HAProxy Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
