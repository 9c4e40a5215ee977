import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigDocument } from '../analysis/config-document';
import type { ConfigModel } from '../model/config-model';
import type { Distribution, ProxyOutline, SimulateParams, SimulateResponse, SimRequest, SimResult } from '../protocol';
import { presetRequests } from '../simulator/presets';
import { createSimulator } from '../simulator/simulate';

/** More requests than anyone edits by hand; past it the batch is cut so one message cannot stall the server. */
export const MAX_SIMULATED_REQUESTS = 2000;

const derived = new WeakMap<ConfigDocument, { presets: SimRequest[]; proxies: ProxyOutline[] }>();

/** Presets and outline depend only on the document version, so they are computed once per version. */
function derivedFacts(document: ConfigDocument): { presets: SimRequest[]; proxies: ProxyOutline[] } {
  let facts = derived.get(document);
  if (!facts) {
    facts = { presets: presetRequests(document.file, document.model), proxies: proxyOutline(document.model) };
    derived.set(document, facts);
  }
  return facts;
}

export function proxyOutline(model: ConfigModel): ProxyOutline[] {
  const outline: ProxyOutline[] = [];
  for (const proxy of model.proxies) {
    if (proxy.kind === 'defaults' || !proxy.name) continue;
    outline.push({
      name: proxy.name,
      kind: proxy.kind,
      line: proxy.section.headerRange.start.line + 1,
      servers: proxy.servers.filter((s) => !s.isDefault && s.name).map((s) => ({ name: s.name, line: s.directive.range.start.line + 1 })),
    });
  }
  return outline;
}

/** Counts where a batch went: per backend and server, answered by HAProxy itself, or not routed at all. */
export function distributionOf(results: SimResult[], proxies: ProxyOutline[]): Distribution {
  const distribution: Distribution = { total: results.length, backends: [], answered: 0, failed: 0 };
  const byName = new Map<string, Distribution['backends'][number]>();
  for (const result of results) {
    if (result.error || !result.frontend) {
      distribution.failed++;
      continue;
    }
    if (!result.backend) {
      distribution.answered++;
      continue;
    }
    let share = byName.get(result.backend);
    if (!share) {
      const outline = proxies.find((p) => p.name === result.backend && p.kind !== 'frontend');
      share = { backend: result.backend, line: outline?.line ?? 0, count: 0, servers: [], noServer: 0 };
      byName.set(result.backend, share);
      distribution.backends.push(share);
    }
    share.count++;
    if (!result.server) {
      share.noServer++;
      continue;
    }
    let server = share.servers.find((s) => s.server === result.server);
    if (!server) {
      const line = proxies.find((p) => p.name === result.backend && p.kind !== 'frontend')?.servers.find((s) => s.name === result.server)?.line ?? 0;
      server = { server: result.server, line, count: 0 };
      share.servers.push(server);
    }
    server.count++;
  }
  return distribution;
}

function failedResult(error: string): SimResult {
  return { frontend: null, backend: null, server: null, status: null, location: null, setCookie: null, trace: [], error };
}

function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function baseDirOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** Runs the batch through the engine in one shared run, turning any engine failure into that request's error. */
export function routeBatch(document: ConfigDocument, params: SimulateParams): SimResult[] {
  const requests = Array.isArray(params.requests) ? params.requests.slice(0, MAX_SIMULATED_REQUESTS) : [];
  const serverStates = Array.isArray(params.serverStates) ? params.serverStates : [];
  const simulator = createSimulator(document.file, { serverStates, baseDir: baseDirOf(document.uri), readFile: readTextFile });
  return requests.map((request) => {
    try {
      return simulator.route(request);
    } catch (error) {
      return failedResult(`the simulator failed on this request: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** Answers `haproxy/simulate`: the batch routed through the document's current version, or why it cannot be. */
export function simulateDocument(document: ConfigDocument | undefined, params: SimulateParams): SimulateResponse {
  const empty: Distribution = { total: 0, backends: [], answered: 0, failed: 0 };
  if (!document) {
    return { uri: params.uri, version: null, results: null, distribution: empty, parseErrors: [], presets: [], proxies: [], error: 'The document is not open in the language server.' };
  }
  const { presets, proxies } = derivedFacts(document);
  const parseErrors = document.file.syntaxErrors.map((problem) => ({ line: problem.range.start.line + 1, message: problem.message }));
  const base = { uri: document.uri, version: document.version, presets, proxies, parseErrors };
  if (parseErrors.length > 0) return { ...base, results: null, distribution: empty };
  try {
    const results = routeBatch(document, params);
    return { ...base, results, distribution: distributionOf(results, proxies) };
  } catch (error) {
    return { ...base, results: null, distribution: empty, error: `The simulator could not load this configuration: ${error instanceof Error ? error.message : String(error)}` };
  }
}
