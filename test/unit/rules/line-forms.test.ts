import { strict as assert } from 'node:assert';
import { cfg, linesOf } from './helpers';

// Lines written alike share what the line rules found on them: a line whose form gave nothing is not checked again.
describe('lines written alike', () => {
  const base = ['defaults', '  mode http', '  timeout connect 5s', '  timeout client 30s', '  timeout server 30s'];

  it('reports every line of a form that has findings, not only the first', () => {
    const text = cfg(...base, 'backend a', '  balanse roundrobin', 'backend b', '  balanse roundrobin', '  balanse roundrobin');
    assert.deepEqual(linesOf('unknown-keyword', text), [7, 9, 10]);
  });

  it('checks a line again in a section type where it means something else', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  default_backend be', 'backend be', '  bind :80', '  server s1 10.0.0.1:80');
    assert.deepEqual(linesOf('keyword-not-allowed', text), [10]);
  });

  it('checks a line again for another target version', () => {
    const text = cfg(...base, 'backend be', '  option http-restrict-req-hdr-names preserve', '  server s1 10.0.0.1:80');
    assert.deepEqual(linesOf('newer-keyword', text, { version: '3.0' }), []);
    assert.deepEqual(linesOf('newer-keyword', text, { version: '2.4' }), [7]);
    assert.deepEqual(linesOf('newer-keyword', text, { version: '3.0' }), []);
  });

  it('tells lines apart by their conditions', () => {
    const clean = '  http-request deny if { path /x }';
    const text = cfg(...base, 'frontend a', '  bind :80', clean, 'frontend b', '  bind :81', clean.replace('path', 'pth'));
    assert.deepEqual(linesOf('invalid-argument', text), [11]);
  });
});
