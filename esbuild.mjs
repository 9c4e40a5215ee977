import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');

/** Every bundle the product ships: the extension client, the language server, the CLIs and the webview. */
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', platform: 'node', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server/server.js', platform: 'node' },
  { entryPoints: ['server/src/cli/lint-main.ts'], outfile: 'dist/cli/haproxy-lint.js', platform: 'node' },
  { entryPoints: ['server/src/cli/route-main.ts'], outfile: 'dist/cli/haproxy-route.js', platform: 'node' },
  { entryPoints: ['client/webview/panel.ts'], outfile: 'dist/webview/panel.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

/** Stylesheets shipped as they are, beside the webview script. */
const copies = [{ from: 'client/webview/panel.css', to: 'dist/webview/panel.css' }];

const present = bundles.filter((bundle) => {
  if (existsSync(bundle.entryPoints[0])) return true;
  console.warn(`esbuild: ${bundle.entryPoints[0]} does not exist yet, ${bundle.outfile} not built`);
  return false;
});

await Promise.all(
  present.map((bundle) =>
    build({
      bundle: true,
      format: 'cjs',
      target: 'node20',
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      define: { PACKAGE_VERSION: JSON.stringify(version) },
      ...bundle,
    }),
  ),
);

for (const { from, to } of copies) {
  if (!existsSync(from)) continue;
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}
