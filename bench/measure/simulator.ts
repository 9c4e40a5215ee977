import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { SimulatorFigures } from './simulator-loop';

export type { SimulatorFigures } from './simulator-loop';

/**
 * The same measure on the code as it ships: the driver is bundled with esbuild (as the CLI is) and run in a
 * fresh Node process, so neither the TypeScript loader nor this process's heap affects the figure.
 */
export async function measureBundledSimulator(workDir: string, configPath: string, requestsPath: string, minMs: number): Promise<SimulatorFigures> {
  const outfile = join(workDir, 'simulator-driver.cjs');
  await build({ entryPoints: [join(import.meta.dirname, 'simulator-driver.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  return JSON.parse(execFileSync(process.execPath, [outfile, configPath, requestsPath, String(minMs)], { encoding: 'utf8' })) as SimulatorFigures;
}
