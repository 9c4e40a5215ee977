import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { median } from '../stats';

/**
 * Time to load the extension's bundle in a fresh Node process with a stand-in `vscode` module (median of
 * `runs`). With the language server's time to answer `initialize`, it estimates activation: `activate()`
 * loads the bundle, starts the server and waits for that answer. A real VS Code is not needed.
 */
export function extensionLoadMs(bundle: string, runs: number): number {
  if (!existsSync(bundle)) return Number.NaN;
  const script = `
    const Module = require('node:module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: new Proxy({}, { get: () => new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? {} : t) }) }) };
    const start = process.hrtime.bigint();
    require(${JSON.stringify(bundle)});
    process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
  `;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const ms = Number(result.stdout);
    if (result.status === 0 && Number.isFinite(ms)) samples.push(ms);
  }
  return samples.length ? median(samples) : Number.NaN;
}
