import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SimulateRequest, type SimRequest, type SimulateParams, type SimulateResponse } from '../../../server/src/protocol';
import { activeApi, closeAllEditors, commandExists, openConfig, pendingUnless, senexText, serverCaughtUp, waitFor } from './helpers';

const PREVIEW_COMMAND = 'haproxy.previewRouting';

/** The test-only view of the panel on the extension API (`routingPanel`), when the extension has it. */
interface RoutingPanelProbe {
  lastResult(): SimulateResponse | undefined;
  isOpen(): boolean;
}

async function routingPanelProbe(): Promise<RoutingPanelProbe | undefined> {
  const { routingPanel } = (await activeApi()) as { routingPanel?: Partial<RoutingPanelProbe> };
  return typeof routingPanel?.lastResult === 'function' && typeof routingPanel.isOpen === 'function' ? (routingPanel as RoutingPanelProbe) : undefined;
}

function routingTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && /haproxy|routing/i.test(tab.input.viewType));
}

const SAMPLES: { request: SimRequest; expect: { frontend: string; backend?: string | null; status?: number } }[] = [
  { request: { method: 'GET', url: 'http://senex.example/markets' }, expect: { frontend: 'fe_http', backend: null, status: 301 } },
  { request: { method: 'GET', url: 'http://senex.example/.well-known/acme-challenge/token' }, expect: { frontend: 'fe_http', backend: 'be_acme' } },
  { request: { method: 'GET', url: 'https://senex.example/' }, expect: { frontend: 'fe_https', backend: 'be_app' } },
  { request: { method: 'POST', url: 'https://senex.example/api/orders' }, expect: { frontend: 'fe_https', backend: 'be_api' } },
  { request: { method: 'GET', url: 'https://senex.example/static/app.css' }, expect: { frontend: 'fe_https', backend: 'be_static' } },
  {
    request: { method: 'GET', url: 'https://senex.example/ws/ticker', headers: { Upgrade: 'websocket', Connection: 'Upgrade' } },
    expect: { frontend: 'fe_https', backend: 'be_websocket' },
  },
];

describe('routing preview', () => {
  after(closeAllEditors);

  it('simulates sample requests of the Senex example in the language server', async function () {
    const api = await activeApi();
    const editor = await openConfig('simulate', senexText());
    await serverCaughtUp(api, editor.document);
    let response: SimulateResponse;
    try {
      // By method name: the RequestType object of this bundle is not the one the client bundle's jsonrpc knows.
      response = await api.client.sendRequest<SimulateResponse>(SimulateRequest.method, { uri: editor.document.uri.toString(), requests: SAMPLES.map((s) => s.request) } satisfies SimulateParams);
    } catch (error) {
      const unhandled = /unhandled method|method not found/i.test(String((error as Error).message));
      pendingUnless(this, !unhandled, 'the language server does not answer haproxy/simulate yet');
      throw error;
    }
    assert.equal(response.error, undefined, response.error);
    assert.deepEqual(response.parseErrors, []);
    assert.ok(response.results, 'no results');
    assert.equal(response.results.length, SAMPLES.length);
    response.results.forEach((result, i) => {
      const { expect } = SAMPLES[i];
      const label = `${SAMPLES[i].request.method} ${SAMPLES[i].request.url}`;
      assert.equal(result.frontend, expect.frontend, `${label}: frontend`);
      if (expect.backend !== undefined) assert.equal(result.backend, expect.backend, `${label}: backend`);
      if (expect.status !== undefined) assert.equal(result.status, expect.status, `${label}: status`);
      if (expect.backend) assert.ok(result.server, `${label}: no server chosen`);
    });
    assert.equal(response.distribution.total, SAMPLES.length);
    assert.ok(response.presets.length > 0, 'the server derived no preset requests from the config');
  });

  it('opens the routing panel beside the config with haproxy.previewRouting', async function () {
    pendingUnless(this, await commandExists(PREVIEW_COMMAND), `command ${PREVIEW_COMMAND} is not registered yet`);
    const editor = await openConfig('panel', senexText());
    const editorColumn = editor.viewColumn;
    await vscode.commands.executeCommand(PREVIEW_COMMAND);
    const [tab] = await waitFor('the routing panel tab', () => routingTabs()[0] && routingTabs());
    assert.notEqual(tab.group.viewColumn, editorColumn, 'the panel opens beside the editor, not over it');
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === editor.document.uri.toString()),
      'the config stays visible next to the panel',
    );
  });

  it('delivers the simulation of the open config to the panel, and again after an edit', async function () {
    pendingUnless(this, await commandExists(PREVIEW_COMMAND), `command ${PREVIEW_COMMAND} is not registered yet`);
    const panel = await routingPanelProbe();
    pendingUnless(this, panel !== undefined, 'the extension API has no routingPanel.lastResult()/isOpen() yet');
    const editor = await openConfig('panel-result', senexText());
    await vscode.commands.executeCommand(PREVIEW_COMMAND);
    await waitFor('the panel to report itself open', () => panel!.isOpen());
    const uri = editor.document.uri.toString();
    const response = await waitFor('the panel to receive a simulation of the config', () => {
      const last = panel!.lastResult();
      return last && last.uri === uri && last.results ? last : undefined;
    });
    assert.ok(response.results && response.results.length > 0, 'the panel simulated no requests');
    assert.equal(response.distribution.total, response.results.length);
    const backends = new Set(response.results.map((r) => r.backend));
    assert.ok(['be_app', 'be_api', 'be_websocket', 'be_static'].some((b) => backends.has(b)), `no application backend reached: ${[...backends].join(', ')}`);

    // Without its use_backend rule nothing can reach be_api any more.
    const text = editor.document.getText();
    const ruleStart = editor.document.positionAt(text.indexOf('    use_backend be_api if is_api\n'));
    assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(ruleStart, ruleStart.translate(1)))));
    const version = editor.document.version;
    const updated = await waitFor('the panel to re-simulate after an edit', () => {
      const last = panel!.lastResult();
      return last && last.uri === uri && last.version !== null && last.version >= version && last.results ? last : undefined;
    });
    assert.deepEqual(updated.results?.filter((r) => r.backend === 'be_api').length, 0, 'a request still reached be_api after its rule was removed');
  });
});
