import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HaproxyCheckedNotification, WorkspaceTrustNotification, type HaproxyCheckedParams } from '../../server/src/protocol';

/** The status bar text for the last `haproxy -c` run of a file, or undefined to hide the item. */
export function checkStatusText(result: HaproxyCheckedParams | undefined): { text: string; tooltip: string } | undefined {
  if (!result || (result.status === 'unavailable' && !result.message)) return undefined;
  const haproxy = result.version ? `HAProxy ${result.version}` : 'HAProxy';
  const files = result.files > 1 ? ` (${result.files} files)` : '';
  switch (result.status) {
    case 'untrusted':
      return { text: '$(shield) HAProxy check off', tooltip: 'haproxy -c only runs in a trusted workspace' };
    case 'unavailable':
      return { text: `$(circle-slash) ${haproxy} not run`, tooltip: result.message ?? '' };
    default: {
      const counts = [plural(result.errors, 'error'), plural(result.warnings, 'warning')].filter(Boolean).join(', ');
      const icon = result.errors > 0 ? '$(error)' : result.warnings > 0 ? '$(warning)' : '$(check)';
      return { text: `${icon} ${haproxy} checked${counts ? `: ${counts}` : ''}`, tooltip: `haproxy -c on save${files}` };
    }
  }
}

function plural(count: number, word: string): string {
  return count === 0 ? '' : `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Shows which HAProxy checked the active file, and tells the server when the user grants workspace trust
 * (the server never runs haproxy in an untrusted workspace).
 */
export function registerHaproxyCheckStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('haproxy.check', vscode.StatusBarAlignment.Left, 10);
  item.name = 'HAProxy check';
  const results = new Map<string, HaproxyCheckedParams>();
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const status = document?.languageId === 'haproxy' ? checkStatusText(results.get(document.uri.toString())) : undefined;
    if (!status) return item.hide();
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.show();
  };
  context.subscriptions.push(
    item,
    client.onNotification(HaproxyCheckedNotification, (params) => {
      results.set(params.uri, params);
      update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(WorkspaceTrustNotification, { trusted: true })),
  );
}
