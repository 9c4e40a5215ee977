import { readFileSync } from 'node:fs';
import { parseRequestLines } from '../../server/src/cli/route';
import { createSimulator } from '../../server/src/simulator/simulate';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { cpuSince } from '../stats';

export interface SimulatorFigures {
  requests: number;
  perSecondWall: number;
  perSecondCpu: number;
  /** Distinct requests in the sample file, routed in turn. */
  sample: number;
  /** Sample requests the simulator answered with an error (a figure that counts failures fast would be worthless). */
  errors: number;
}

/** Routes the sample requests of a config in a loop (after a warm-up) and reports requests per second. */
export function measureSimulator(configPath: string, requestsPath: string, minMs: number): SimulatorFigures {
  const requests = parseRequestLines(readFileSync(requestsPath, 'utf8'), requestsPath);
  if (typeof requests === 'string') throw new Error(requests);
  const simulator = createSimulator(parseConfig(readFileSync(configPath, 'utf8')));
  const errors = requests.filter((request) => simulator.route(request).error !== undefined).length;
  for (let i = 0; i < 2000; i++) simulator.route(requests[i % requests.length]);
  let routed = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 1000; i++) simulator.route(requests[(routed + i) % requests.length]);
    routed += 1000;
  }
  const wall = performance.now() - start;
  const cpu = cpuSince(cpuStart);
  return { requests: routed, perSecondWall: (routed / wall) * 1000, perSecondCpu: (routed / cpu) * 1000, sample: requests.length, errors };
}
