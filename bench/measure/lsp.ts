import { advertisedRequests, type RequestTarget } from '../../test/robustness/advertised-requests';
import { serverExecArgv } from '../../client/src/server-options';
import { startLspProcess } from '../../test/robustness/lsp-process';
import { percentile } from '../stats';
import { processCpuMs, processMemory } from './processes';

export interface EditLatency {
  lines: number;
  edits: number;
  p50: number;
  p95: number;
  /** Server CPU per edit (from /proc), averaged over all edits. */
  cpuPerEditMs: number;
}

/** The pause between the last edit and the requests (see measureLsp). */
export const REQUEST_PAUSE_MS = 1000;

export interface RequestLatency {
  method: string;
  p50: number;
  p95: number;
  failures: number;
}

export interface LspFigures {
  startupMs: number;
  edits: EditLatency[];
  requests: RequestLatency[];
  rss: number;
  peakRss: number;
  advertised: string[];
  /** Node flags the server ran with (those the VS Code client uses). */
  nodeArgs: string[];
}

/** A deterministic pseudo-random sequence, so every run edits the same lines. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Lines that hold a directive (indented, not a comment): where a user types. */
function directiveLines(text: string): { line: number; length: number; secondWordAt: number }[] {
  return text.split('\n').flatMap((content, line) => {
    const match = /^\s+\S+\s+(\S)/.exec(content);
    if (!match || content.trimStart().startsWith('#')) return [];
    return [{ line, length: content.length, secondWordAt: match.index + match[0].length - 1 }];
  });
}

async function measureEdits(server: Awaited<ReturnType<typeof startLspProcess>>, uri: string, text: string, edits: number): Promise<EditLatency> {
  const opened = server.diagnosticsAtLeast(uri, 1);
  await server.open(uri, text, 1);
  await opened;
  const lines = directiveLines(text);
  const random = seededRandom(lines.length);
  const samples: number[] = [];
  const cpuBefore = processCpuMs(server.child.pid!);
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const target = lines[Math.floor(random() * lines.length)];
    // Type one character at the end of a directive line, then delete it: the text returns to the original.
    for (const insert of [true, false]) {
      version++;
      const at = { line: target.line, character: target.length };
      const change = insert ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      const published = server.diagnosticsAtLeast(uri, version);
      const start = performance.now();
      await server.change(uri, version, [change]);
      await published;
      samples.push(performance.now() - start);
    }
  }
  const cpu = processCpuMs(server.child.pid!) - cpuBefore;
  return { lines: text.split('\n').length - 1, edits: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), cpuPerEditMs: cpu / samples.length };
}

async function measureRequests(server: Awaited<ReturnType<typeof startLspProcess>>, uri: string, text: string, calls: number): Promise<RequestLatency[]> {
  const lines = directiveLines(text);
  const random = seededRandom(7);
  const results: RequestLatency[] = [];
  for (const request of advertisedRequests(server.capabilities)) {
    if (request.method === 'textDocument/rename') continue;
    const samples: number[] = [];
    let failures = 0;
    const perRequest = request.method === 'textDocument/formatting' || request.method === 'workspace/symbol' ? Math.min(5, calls) : calls;
    for (let i = 0; i < perRequest; i++) {
      const at = lines[Math.floor(random() * lines.length)];
      const target: RequestTarget = { uri, line: at.line, character: at.secondWordAt + 1, endLine: Math.min(at.line + 40, lines.at(-1)!.line) };
      const start = performance.now();
      try {
        await server.connection.sendRequest(request.method, request.params(target));
      } catch {
        failures++;
      }
      samples.push(performance.now() - start);
    }
    results.push({ method: request.method, p50: percentile(samples, 50), p95: percentile(samples, 95), failures });
  }
  return results;
}

/**
 * Drives a real language server process over stdio: one-character edits on each config (time to the
 * diagnostics of that version), then every advertised document request on the largest one, and its memory.
 */
export async function measureLsp(serverScript: string, configs: { lines: number; text: string; edits: number }[], requestCalls: number): Promise<LspFigures> {
  const nodeArgs = serverExecArgv(undefined);
  const figures: LspFigures = { startupMs: 0, edits: [], requests: [], rss: Number.NaN, peakRss: Number.NaN, advertised: [], nodeArgs };
  for (const [index, config] of configs.entries()) {
    // The node flags the VS Code client gives the server by default, so the figures are what users get.
    const server = await startLspProcess(serverScript, { diagnosticsDelay: 0 }, nodeArgs);
    try {
      if (index === 0) figures.startupMs = server.startupMs;
      figures.advertised = advertisedRequests(server.capabilities).map((r) => r.method);
      const uri = `file:///bench/generated-${config.lines}.cfg`;
      figures.edits.push(await measureEdits(server, uri, config.text, config.edits));
      if (index === configs.length - 1) {
        // A user's hover or completion comes after a pause in the typing (VS Code waits 300 ms before it asks for a
        // hover): the server indexes a version for the language features once the edits pause.
        await new Promise((resolve) => setTimeout(resolve, REQUEST_PAUSE_MS));
        figures.requests = await measureRequests(server, uri, config.text, requestCalls);
        const memory = processMemory(server.child.pid!);
        figures.rss = memory.rss;
        figures.peakRss = memory.peak;
      }
    } finally {
      await server.stop();
    }
  }
  return figures;
}
