import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMocha } from './mocha-runner';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Entry point VS Code calls through extensionTestsPath (the @vscode/test-electron convention). */
export function run(): Promise<void> {
  return runMocha(path.join(here, 'suite'), path.join(here, 'summary.json'));
}
