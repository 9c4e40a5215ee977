import * as vscode from 'vscode';
import { looksLikeHaproxyConfig } from '../../server/src/syntax/detect-config';

/** Opens `.cfg` files that read as HAProxy configs (first keyword a section) in the `haproxy` language. */
export function detectHaproxyConfigs(context: vscode.ExtensionContext): void {
  const check = (document: vscode.TextDocument) => {
    if (document.languageId === 'haproxy' || !document.fileName.endsWith('.cfg') || document.uri.scheme === 'git') return;
    if (looksLikeHaproxyConfig(document.getText())) void vscode.languages.setTextDocumentLanguage(document, 'haproxy');
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
}
