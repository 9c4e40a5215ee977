import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMocha } from './mocha-runner';
import { activeApi, waitFor } from './suite/helpers';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Entry point VS Code calls through extensionTestsPath (the @vscode/test-electron convention). */
export function run(): Promise<void> {
  return runMocha(path.join(here, 'suite'), path.join(here, 'summary.json'), {
    // An extension that cannot activate fails the whole run at once instead of making every test wait it out.
    async beforeAll(this: Mocha.Context) {
      this.timeout(120000);
      const api = await activeApi();
      await waitFor('the language client to start', () => api.client?.initializeResult, 60000);
    },
  });
}
