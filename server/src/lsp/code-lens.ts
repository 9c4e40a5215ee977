import type { CodeLens } from 'vscode-languageserver';
import type { ConfigDocument } from '../analysis/config-document';
import type { Proxy } from '../model/config-model';
import type { SimRequest, SimResult, SimulateParams } from '../protocol';
import { presetRequests } from '../simulator/presets';
import { routeBatch } from './simulate';

/** The client command a lens runs: opens the routing preview on the document, focused on one section. */
export const PREVIEW_ROUTING_COMMAND = 'haproxy.previewRouting';

/** What an unresolved lens carries: the proxy it stands above. */
interface LensData {
  uri: string;
  kind: Proxy['kind'];
  name: string;
}

/** How many of the sample requests went through each frontend and each backend (and both, for a listen). */
interface RoutedCounts {
  total: number;
  byFrontend: Map<string, number>;
  byBackend: Map<string, number>;
  /** Requests whose frontend and backend have the same name. */
  byBoth: Map<string, number>;
}

function countRoutes(results: readonly SimResult[]): RoutedCounts {
  const counts: RoutedCounts = { total: results.length, byFrontend: new Map(), byBackend: new Map(), byBoth: new Map() };
  const bump = (map: Map<string, number>, name: string | null) => name !== null && map.set(name, (map.get(name) ?? 0) + 1);
  for (const result of results) {
    bump(counts.byFrontend, result.frontend);
    bump(counts.byBackend, result.backend);
    if (result.backend === result.frontend) bump(counts.byBoth, result.backend);
  }
  return counts;
}

function lensTitle(counts: RoutedCounts, kind: Proxy['kind'], name: string): string {
  const count = (map: Map<string, number>) => map.get(name) ?? 0;
  const through = kind === 'frontend' ? count(counts.byFrontend) : kind === 'backend' ? count(counts.byBackend) : count(counts.byFrontend) + count(counts.byBackend) - count(counts.byBoth);
  return `${through} of ${counts.total} ${counts.total === 1 ? 'sample request' : 'sample requests'}`;
}

function lensAbove(proxy: Proxy): Pick<CodeLens, 'range'> {
  const line = proxy.section.headerRange.start.line;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

/**
 * One lens above each frontend, backend and listen header: how many of the sample requests pass through it.
 * Keeps the sample requests the client last sent for each document (the config's own presets when the client
 * sent none) and answers CodeLens requests with them. Lenses go out without their titles: the editor resolves
 * the ones it shows, so a config with thousands of proxies sends thousands of short lenses, and the requests
 * are routed once per document version and samples, on the first resolve.
 */
export class RoutingLensProvider {
  private readonly samples = new Map<string, SimulateParams>();
  private readonly routed = new WeakMap<ConfigDocument, { params: SimulateParams | undefined; counts: RoutedCounts }>();

  setSamples(params: SimulateParams): void {
    if (!params || typeof params.uri !== 'string' || !Array.isArray(params.requests)) return;
    this.samples.set(params.uri, params);
  }

  lenses(document: ConfigDocument): CodeLens[] {
    if (document.file.syntaxErrors.length > 0) return [];
    return document.model.proxies
      .filter((proxy) => proxy.kind !== 'defaults' && proxy.name)
      .map((proxy) => ({ ...lensAbove(proxy), data: { uri: document.uri, kind: proxy.kind, name: proxy.name } satisfies LensData }));
  }

  /** Gives a lens its title and command; a lens of a document that is gone or no longer parses stays as it is. */
  resolve(lens: CodeLens, documentOf: (uri: string) => ConfigDocument | undefined): CodeLens {
    const data = lens.data as LensData | undefined;
    const document = data ? documentOf(data.uri) : undefined;
    if (!data || !document || document.file.syntaxErrors.length > 0) return lens;
    const counts = this.countsFor(document);
    return { ...lens, command: { title: lensTitle(counts, data.kind, data.name), command: PREVIEW_ROUTING_COMMAND, arguments: [data.uri, data.name] } };
  }

  private countsFor(document: ConfigDocument): RoutedCounts {
    const params = this.samples.get(document.uri);
    const cached = this.routed.get(document);
    if (cached && cached.params === params) return cached.counts;
    const requests: SimRequest[] = params?.requests ?? presetRequests(document.file, document.model);
    const counts = countRoutes(routeBatch(document, { uri: document.uri, requests, serverStates: params?.serverStates }));
    this.routed.set(document, { params, counts });
    return counts;
  }
}
