import { parseConfig } from '../../../server/src/syntax/parse-config';
import { createSimulator, type SimOptions, type SimRequest, type SimResult } from '../../../server/src/simulator/simulate';

/** A simulator over an inline config; `files` stands in for map and pattern files on disk. */
export function simulatorFor(config: string, options: SimOptions & { files?: Record<string, string> } = {}) {
  const { files, ...rest } = options;
  const readFile = files ? (p: string) => files[p] : rest.readFile;
  return createSimulator(parseConfig(config), { ...rest, readFile });
}

/** Routes requests in order through one simulator. */
export function routeAll(config: string, requests: SimRequest[], options: SimOptions & { files?: Record<string, string> } = {}): SimResult[] {
  const sim = simulatorFor(config, options);
  return requests.map((r) => sim.route(r));
}

export const get = (url: string, extra: Partial<SimRequest> = {}): SimRequest => ({ method: 'GET', url, ...extra });

/** The servers chosen, one letter or name per request, for compact order assertions. */
export function serverSequence(results: SimResult[]): string[] {
  return results.map((r) => r.server ?? '-');
}

export const HTTP_DEFAULTS = `defaults
  mode http
  timeout connect 1s
  timeout client 5s
  timeout server 5s
`;
