import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { OracleRun } from './oracle-runner';

/*
 * The simulator is loaded at run time rather than imported: the harness (and its oracle side) must work
 * while the engine is still being written, and a missing engine must fail the comparison, not the build.
 * These shapes mirror the part of server/src/simulator/simulate.ts the comparison reads.
 */

export interface SimRequest {
  method: string;
  url: string;
  headers?: Record<string, string | string[]>;
  src?: string;
  dst?: string;
  sni?: string;
}

export interface SimResult {
  frontend: string | null;
  backend: string | null;
  server: string | null;
  status: number | null;
  location: string | null;
  setCookie: string | null;
  error?: string;
}

interface SimOptions {
  serverStates?: { backend: string; server: string; state: 'up' | 'down' | 'maint' | 'drain' }[];
  baseDir?: string;
  readFile?: (p: string) => string | undefined;
}

export interface SimulatorApi {
  parseConfig(text: string): unknown;
  createSimulator(file: unknown, options?: SimOptions): { route(request: SimRequest): SimResult };
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PARSER_MODULE = path.join(REPO_ROOT, 'server', 'src', 'syntax', 'parse-config.ts');
const SIMULATOR_MODULE = path.join(REPO_ROOT, 'server', 'src', 'simulator', 'simulate.ts');

/** Loads the parser and the simulator (the project's own unless other module files are given), or says why not. */
export async function loadSimulator(
  modules: { parser: string; simulator: string } = { parser: PARSER_MODULE, simulator: SIMULATOR_MODULE },
): Promise<SimulatorApi | { unavailable: string }> {
  for (const file of [modules.parser, modules.simulator]) {
    if (!fs.existsSync(file)) return { unavailable: `${path.relative(REPO_ROOT, file)} does not exist yet` };
  }
  try {
    const parser = (await import(pathToFileURL(modules.parser).href)) as { parseConfig?: unknown };
    const simulator = (await import(pathToFileURL(modules.simulator).href)) as { createSimulator?: unknown };
    if (typeof parser.parseConfig !== 'function') return { unavailable: 'parse-config.ts exports no parseConfig' };
    if (typeof simulator.createSimulator !== 'function') {
      return { unavailable: 'simulate.ts exports no createSimulator' };
    }
    return {
      parseConfig: parser.parseConfig as SimulatorApi['parseConfig'],
      createSimulator: simulator.createSimulator as SimulatorApi['createSimulator'],
    };
  } catch (err) {
    return { unavailable: `loading the simulator failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Routes a run's requests, in order and through one simulator (shared state, as one HAProxy process), with
 * the servers HAProxy found down given as server states. A throw becomes that request's `error`.
 */
export function routeWithSimulator(api: SimulatorApi, run: OracleRun): SimResult[] {
  const readFile = (p: string): string | undefined => {
    try {
      return fs.readFileSync(path.resolve(run.dir, p), 'utf8');
    } catch {
      return undefined;
    }
  };
  let simulator: ReturnType<SimulatorApi['createSimulator']>;
  try {
    simulator = api.createSimulator(api.parseConfig(run.config), {
      serverStates: run.downServers.map((s) => ({ ...s, state: 'down' as const })),
      baseDir: run.dir,
      readFile,
    });
  } catch (err) {
    return run.requests.map(() => thrown(err));
  }
  return run.requests.map((request) => {
    try {
      return simulator.route({
        method: request.method,
        url: request.url,
        headers: request.headers,
        src: request.src,
        dst: request.dst,
        ...(request.sni !== undefined ? { sni: request.sni } : {}),
      });
    } catch (err) {
      return thrown(err);
    }
  });
}

function thrown(err: unknown): SimResult {
  const message = err instanceof Error ? err.message : String(err);
  return { frontend: null, backend: null, server: null, status: null, location: null, setCookie: null,
    error: `simulator threw: ${message}` };
}
