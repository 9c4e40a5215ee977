import { strict as assert } from 'node:assert';
import { buildModel } from '../../server/src/model/config-model';
import { semanticSpans } from '../../server/src/model/semantic-spans';
import { parseConfig } from '../../server/src/syntax/parse-config';

describe('semantic spans', () => {
  const text = [
    'frontend fe',
    '  acl is_api path_beg,lower /api',
    '  http-request set-header X-Host "%[req.hdr(host),lower]"',
    '  use_backend be if is_api { hdr(host) -i example.com }',
    'backend be',
    '  server web01 "${WEB01_ADDR}:80"',
    '',
  ].join('\n');
  const spans = semanticSpans(buildModel(parseConfig(text)));
  const at = (line: number) => spans.filter((s) => s.range.start.line === line).map((s) => `${text.split('\n')[line].slice(s.range.start.column, s.range.end.column)}:${s.kind}${s.declaration ? '*' : ''}`);

  it('marks ACL names where defined and where used, and the fetches beside them', () => {
    assert.deepEqual(at(1), ['is_api:acl*', 'path_beg:fetch', 'lower:converter']);
    assert.deepEqual(at(3), ['be:backend', 'is_api:acl', 'hdr:fetch']);
  });

  it('finds fetches and converters inside %[...]', () => {
    assert.deepEqual(at(2), ['req.hdr:fetch', 'lower:converter']);
  });

  it('marks section names, servers and environment variables', () => {
    assert.deepEqual(at(0), ['fe:section-name*']);
    assert.deepEqual(at(5), ['web01:server*', '${WEB01_ADDR}:env']);
  });
});
