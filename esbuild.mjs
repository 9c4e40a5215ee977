import { build } from 'esbuild';

const production = process.argv.includes('--production');

/** Every bundle the product ships: the extension client, the language server, the CLIs and the webview. */
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', platform: 'node', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server/server.js', platform: 'node' },
  { entryPoints: ['server/src/cli/lint-main.ts'], outfile: 'dist/cli/haproxy-lint.js', platform: 'node' },
  { entryPoints: ['server/src/cli/route-main.ts'], outfile: 'dist/cli/haproxy-route.js', platform: 'node' },
];

await Promise.all(
  bundles.map((bundle) =>
    build({
      bundle: true,
      format: 'cjs',
      target: 'node20',
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      ...bundle,
    }),
  ),
);
