import { strict as assert } from 'node:assert';
import { ConfigDocument } from '../../server/src/analysis/config-document';
import { RoutingLensProvider } from '../../server/src/lsp/code-lens';

const CONFIG = `defaults
    mode http
    timeout client 5s
    timeout server 5s
    timeout connect 5s

frontend app
    bind 127.0.0.1:8080
    use_backend api if { path_beg /api }
    default_backend app

backend app
    server a1 127.0.0.1:9001

backend api
    server p1 127.0.0.1:9002

listen stats
    bind 127.0.0.1:8404
    server s1 127.0.0.1:9003
`;
const URI = 'file:///tmp/lenses/haproxy.cfg';

describe('routing CodeLenses', () => {
  const document = new ConfigDocument(URI, CONFIG, 1);
  const lineOf = (text: string) => CONFIG.split('\n').indexOf(text);

  it('sends one lens per named proxy without its title, then resolves the title and the preview command', () => {
    const provider = new RoutingLensProvider();
    const unresolved = provider.lenses(document);
    assert.deepEqual(unresolved.map((lens) => lens.range.start.line), [lineOf('frontend app'), lineOf('backend app'), lineOf('backend api'), lineOf('listen stats')]);
    assert.ok(unresolved.every((lens) => lens.command === undefined));
    const samples = [
      { method: 'GET', url: 'http://127.0.0.1:8080/api/x' },
      { method: 'GET', url: 'http://127.0.0.1:8080/' },
      { method: 'GET', url: 'http://127.0.0.1:8080/other' },
      { method: 'GET', url: 'http://127.0.0.1:8404/' },
    ];
    provider.setSamples({ uri: URI, requests: samples });
    const titles = unresolved.map((lens) => provider.resolve(lens, () => document).command?.title);
    assert.deepEqual(titles, ['3 of 4 sample requests', '2 of 4 sample requests', '1 of 4 sample requests', '1 of 4 sample requests']);
    assert.deepEqual(provider.resolve(unresolved[1], () => document).command?.arguments, [URI, 'app']);
  });

  it('leaves a lens unresolved when its document is gone, and gives none for a config that does not parse', () => {
    const provider = new RoutingLensProvider();
    const [lens] = provider.lenses(document);
    assert.equal(provider.resolve(lens, () => undefined).command, undefined);
    assert.deepEqual(provider.lenses(new ConfigDocument(URI, `${CONFIG}    http-request set-header X "open\n`, 2)), []);
  });
});
