import type { CodeLens } from 'vscode-languageserver';
import type { ConfigDocument } from '../analysis/config-document';
import type { ConfigModel } from '../model/config-model';
import type { SimRequest, SimResult, SimulateParams } from '../protocol';
import { presetRequests } from '../simulator/presets';
import { routeBatch } from './simulate';

/** The client command a lens runs: opens the routing preview on the document, focused on one section. */
export const PREVIEW_ROUTING_COMMAND = 'haproxy.previewRouting';

/** One lens above each frontend, backend and listen header: how many of the sample requests pass through it. */
export function routingLenses(model: ConfigModel, uri: string, results: SimResult[]): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const proxy of model.proxies) {
    if (proxy.kind === 'defaults' || !proxy.name) continue;
    const through = results.filter((r) =>
      proxy.kind === 'frontend' ? r.frontend === proxy.name : proxy.kind === 'backend' ? r.backend === proxy.name : r.frontend === proxy.name || r.backend === proxy.name,
    ).length;
    const noun = results.length === 1 ? 'sample request' : 'sample requests';
    const line = proxy.section.headerRange.start.line;
    lenses.push({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      command: { title: `${through} of ${results.length} ${noun}`, command: PREVIEW_ROUTING_COMMAND, arguments: [uri, proxy.name] },
    });
  }
  return lenses;
}

/**
 * Keeps the sample requests the client last sent for each document and answers CodeLens requests with them
 * (the config's own presets when the client sent none). Results are cached per document version and samples.
 */
export class RoutingLensProvider {
  private readonly samples = new Map<string, SimulateParams>();
  private readonly cache = new Map<string, { document: ConfigDocument; params: SimulateParams | undefined; lenses: CodeLens[] }>();

  setSamples(params: SimulateParams): void {
    if (!params || typeof params.uri !== 'string' || !Array.isArray(params.requests)) return;
    this.samples.set(params.uri, params);
    this.cache.delete(params.uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  lenses(document: ConfigDocument): CodeLens[] {
    if (document.file.syntaxErrors.length > 0) return [];
    const params = this.samples.get(document.uri);
    const cached = this.cache.get(document.uri);
    if (cached && cached.document === document && cached.params === params) return cached.lenses;
    const requests: SimRequest[] = params?.requests ?? presetRequests(document.file, document.model);
    const results = routeBatch(document, { uri: document.uri, requests, serverStates: params?.serverStates });
    const lenses = routingLenses(document.model, document.uri, results);
    this.cache.set(document.uri, { document, params, lenses });
    return lenses;
  }
}
