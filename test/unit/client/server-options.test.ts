import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TransportKind } from 'vscode-languageclient/node';
import { DEFAULT_SERVER_MEMORY_MB, serverExecArgv, serverOptionsFor } from '../../../client/src/server-options';
import { repoRoot } from '../../support/corpus';

const IPC = 1 as TransportKind;

describe('how the extension starts the language server', () => {
  it('gives the server process the heap limit of haproxy.server.maxMemory, run and debug alike', () => {
    const options = serverOptionsFor('/ext/dist/server/server.js', 300, IPC);
    assert.deepEqual(options, {
      run: { module: '/ext/dist/server/server.js', transport: IPC, options: { execArgv: ['--max-old-space-size=300'] } },
      debug: { module: '/ext/dist/server/server.js', transport: IPC, options: { execArgv: ['--max-old-space-size=300', '--nolazy', '--inspect=6011'] } },
    });
  });

  it('falls back to the default limit for an unset or unusable value, and sets none for 0', () => {
    for (const value of [undefined, null, 'big', -1, 64, Number.NaN]) {
      assert.deepEqual(serverExecArgv(value), [`--max-old-space-size=${DEFAULT_SERVER_MEMORY_MB}`], String(value));
    }
    assert.deepEqual(serverExecArgv(1024.7), ['--max-old-space-size=1024']);
    assert.deepEqual(serverExecArgv(0), []);
  });

  it('declares the setting with the same default', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(manifest.contributes.configuration.properties['haproxy.server.maxMemory'].default, DEFAULT_SERVER_MEMORY_MB);
  });
});
