// Bundles the e2e suites for VS Code's extension host: CommonJS in out/e2e/, with `vscode` and `mocha`
// left to the host (VS Code provides the first, the repository's node_modules the second).
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tests = (dir) => readdirSync(join(here, dir)).filter((f) => f.endsWith('.test.ts')).map((f) => join(here, dir, f));

const entryPoints = [join(here, 'index.ts'), ...tests('suite')];

await build({
  entryPoints,
  outbase: here,
  outdir: join(root, 'out', 'e2e'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
  // The sources use import.meta.url like the rest of the tests; in a CommonJS bundle it becomes this file's URL.
  define: { 'import.meta.url': '__e2eModuleUrl' },
  banner: { js: "const __e2eModuleUrl = require('url').pathToFileURL(__filename).href;" },
});
console.log(`e2e: bundled ${entryPoints.length} files into ${relative(root, join(root, 'out', 'e2e'))}/`);
