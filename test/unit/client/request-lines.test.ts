import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanRequest, cleanServerStates, formatRequestLines, parseRequestLines } from '../../../client/src/request-lines';
import { repoRoot } from '../../support/corpus';

describe('requests in the haproxy-route JSON-lines format (panel import/export)', () => {
  it('reads examples/senex/requests.jsonl whole and writes it back line for line', () => {
    const text = readFileSync(join(repoRoot, 'examples/senex/requests.jsonl'), 'utf8');
    const parsed = parseRequestLines(text);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.requests.length, text.split('\n').filter((l) => l.trim()).length);
    const written = formatRequestLines(parsed.requests).split('\n').filter(Boolean);
    const original = text.split('\n').filter((l) => l.trim());
    written.forEach((line, i) => assert.deepEqual(JSON.parse(line), JSON.parse(original[i]), `line ${i + 1}`));
  });

  it('names each bad line with its reason and skips blanks and comments', () => {
    const parsed = parseRequestLines(['# a comment', '', '{"method":"GET","url":"/"}', '{oops', '[1]', '{"url":5}', '{"url":"/","headers":{"A":1}}', '{"url":"/","src":7}'].join('\n'));
    assert.deepEqual(parsed.requests, [{ method: 'GET', url: '/' }]);
    assert.deepEqual(
      parsed.errors.map((e) => e.line),
      [4, 5, 6, 7, 8],
    );
    assert.match(parsed.errors[0].message, /not valid JSON/);
    assert.match(parsed.errors[3].message, /header "A"/);
  });

  it('keeps only known fields, defaults the method of HTTP requests, leaves TCP ones without', () => {
    assert.deepEqual(cleanRequest({ url: 'https://x/', extra: '<b>', headers: { Cookie: ['a=1', 'b=2'] }, sni: 'x' }), {
      method: 'GET',
      url: 'https://x/',
      headers: { Cookie: ['a=1', 'b=2'] },
      sni: 'x',
    });
    assert.deepEqual(cleanRequest({ url: 'tcp://127.0.0.1:5432' }), { method: '', url: 'tcp://127.0.0.1:5432' });
    assert.equal(formatRequestLines([{ method: '', url: 'tcp://127.0.0.1:5432' }]), '{"url":"tcp://127.0.0.1:5432"}\n');
    assert.equal(typeof cleanRequest(null), 'string');
    assert.equal(typeof cleanRequest({ method: 'GET' }), 'string');
  });

  it('keeps well-formed server states that are not up', () => {
    assert.deepEqual(
      cleanServerStates([
        { backend: 'b', server: 's1', state: 'down' },
        { backend: 'b', server: 's2', state: 'up' },
        { backend: 'b', server: 's3', state: 'sleeping' },
        { backend: 'b', state: 'maint' },
        null,
        { backend: 'b', server: 's4', state: 'drain' },
      ]),
      [
        { backend: 'b', server: 's1', state: 'down' },
        { backend: 'b', server: 's4', state: 'drain' },
      ],
    );
    assert.deepEqual(cleanServerStates('nope'), []);
  });
});
