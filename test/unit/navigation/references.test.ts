import { strict as assert } from 'node:assert';
import { documentHighlights, findReferences } from '../../../server/src/navigation/references';
import { marked, setOf, textAt } from './cursor';

const source = marked(`frontend web
    bind :80
    acl <acl1|api path_beg /api
    acl api hdr(host) -i api.example.com
    http-request deny if !api { src 10.0.0.0/8 }
    use_backend <use1|app if api
    default_backend app

backend <def|app
    stick-table type ip size 1m
    server s1 10.0.0.1:80

backend other
    acl api path /other
    http-request track-sc0 src table app
    http-request deny if api
`);
const uri = 'file:///refs.cfg';
const set = setOf({ [uri]: source.text });

function lines(locations: { range: { start: { line: number } } }[]): number[] {
  return locations.map((l) => l.range.start.line + 1);
}

describe('navigation: references and highlights', () => {
  it('finds all uses of a backend, including its stick-table by name, across proxies', () => {
    const at = source.markers.get('use1')!;
    assert.deepEqual(lines(findReferences(set, uri, at.line, at.column, false)), [6, 7, 15]);
    assert.deepEqual(lines(findReferences(set, uri, at.line, at.column, true)), [6, 7, 9, 15]);
  });

  it('keeps ACLs of one proxy apart from same-named ACLs of another', () => {
    const at = source.markers.get('acl1')!;
    const found = findReferences(set, uri, at.line, at.column, true);
    assert.deepEqual(lines(found), [3, 4, 5, 6]);
    assert.ok(found.every((l) => textAt(source.text, l.range) === 'api'));
  });

  it('highlights definitions as writes and uses as reads', () => {
    const at = source.markers.get('def')!;
    const highlights = documentHighlights(set, uri, at.line, at.column);
    assert.deepEqual(
      highlights.map((h) => `${h.range.start.line + 1}:${h.kind}`),
      ['6:read', '7:read', '9:write', '15:read'],
    );
  });

  it('highlights only in the file asked about', () => {
    const other = 'file:///other.cfg';
    const two = setOf({ [uri]: source.text, [other]: 'frontend f2\n    use_backend app\n' });
    const at = source.markers.get('def')!;
    assert.equal(findReferences(two, uri, at.line, at.column, false).filter((l) => l.uri === other).length, 1);
    assert.ok(documentHighlights(two, uri, at.line, at.column).length === 4);
  });
});
