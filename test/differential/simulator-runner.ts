import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigFile } from '../../server/src/syntax/ast';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { createSimulator, type SimOptions, type SimRequest, type SimResult } from '../../server/src/simulator/simulate';
import type { OracleRun } from './oracle-runner';

export type { SimRequest, SimResult };

/** What the comparison needs from the project: the parser and the simulator (a stand-in in unit tests). */
export interface SimulatorApi {
  parseConfig(text: string): ConfigFile;
  createSimulator(file: ConfigFile, options?: SimOptions): { route(request: SimRequest): SimResult };
}

export const PROJECT_SIMULATOR: SimulatorApi = { parseConfig, createSimulator };

/**
 * Routes a run's requests, in order and through one simulator (shared state, as one HAProxy process), with
 * the servers HAProxy found down given as server states. A throw becomes that request's `error`.
 */
export function routeWithSimulator(run: OracleRun, api: SimulatorApi = PROJECT_SIMULATOR): SimResult[] {
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
  return { frontend: null, backend: null, server: null, status: null, location: null, setCookie: null, trace: [],
    error: `simulator threw: ${message}` };
}
