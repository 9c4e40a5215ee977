import assert from 'node:assert/strict';
import type { SimRequest } from '../../../server/src/simulator/simulate';
import { HTTP_DEFAULTS, get, simulatorFor } from './helpers';

/** Evaluates a sample expression through `http-request set-var` and reads the value back from the trace. */
function value(expr: string, req: SimRequest = get('http://127.0.0.1:8080/'), files: Record<string, string> = {}, extra = ''): string | undefined {
  const sim = simulatorFor(
    `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  bind 127.0.0.1:8443 ssl crt /x.pem
  ${extra}
  http-request set-var(txn.v) ${expr}
  default_backend b
backend b
  server s 127.0.0.1:1
`,
    { files, baseDir: '/etc/haproxy' },
  );
  const result = sim.route(req);
  const step = result.trace.find((s) => s.kind === 'http-request' && s.text.includes('set-var(txn.v)'));
  assert.ok(step, `no set-var step for ${expr}`);
  const m = /txn\.v = (.*)$/.exec(step.detail ?? '');
  return m ? String(JSON.parse(m[1])) : undefined;
}

const req = get('http://127.0.0.1:8080/Shop/Cart/item.html?id=42&lang=fr&id=43', {
  headers: { Host: 'Shop.Example.com:8080', 'X-List': 'a, b,c', Cookie: 'SID=abc; theme=dark; SID=def', 'X-Num': '17' },
  src: '198.51.100.23',
});

describe('simulator fetches', () => {
  it('reads the request line', () => {
    assert.equal(value('method', req), 'GET');
    assert.equal(value('path', req), '/Shop/Cart/item.html');
    assert.equal(value('url', req), '/Shop/Cart/item.html?id=42&lang=fr&id=43');
    assert.equal(value('query', req), 'id=42&lang=fr&id=43');
    assert.equal(value('pathq', req), '/Shop/Cart/item.html?id=42&lang=fr&id=43');
    assert.equal(value('base', req), 'Shop.Example.com:8080/Shop/Cart/item.html');
    assert.equal(value('url_param(id)', req), '42', 'the first occurrence');
    assert.equal(value('urlp(lang)', req), 'fr');
    assert.equal(value('url_param(none)', req), undefined);
    assert.equal(value('req.ver', req), '1.1');
  });

  it('reads headers: last occurrence, comma split, counts, full lines', () => {
    assert.equal(value('req.hdr(x-list)', req), 'c');
    assert.equal(value('req.hdr(x-list,1)', req), 'a');
    assert.equal(value('req.fhdr(x-list)', req), 'a, b,c');
    assert.equal(value('req.hdr_cnt(x-list)', req), '3');
    assert.equal(value('hdr(host)', req), 'Shop.Example.com:8080');
    assert.equal(value('req.hdr_val(x-num)', req), '17');
    assert.equal(value('req.hdr(absent)', req), undefined);
  });

  it('reads cookies', () => {
    assert.equal(value('req.cook(SID)', req), 'def');
    assert.equal(value('cook_cnt(SID)', req), '2');
    assert.equal(value('req.cook(theme)', req), 'dark');
  });

  it('reads the connection: addresses, ports, TLS', () => {
    assert.equal(value('src', req), '198.51.100.23');
    assert.equal(value('dst', req), '127.0.0.1');
    assert.equal(value('dst_port', req), '8080');
    assert.equal(value('ssl_fc', req), '0');
    const tls = get('https://127.0.0.1:8443/', { sni: 'api.example.com' });
    assert.equal(value('ssl_fc', tls), '1');
    assert.equal(value('ssl_fc_sni', tls), 'api.example.com');
    assert.equal(value('fe_name', req), 'fe');
  });

  it('reads literals and variables', () => {
    assert.equal(value('str(hello)', req), 'hello');
    assert.equal(value('int(12)', req), '12');
    assert.equal(value('var(txn.first)', req, {}, 'http-request set-var(txn.first) path'), '/Shop/Cart/item.html');
    assert.equal(value('var(txn.none,fallback)', req), 'fallback');
  });
});

describe('simulator converters', () => {
  it('change case and cut strings', () => {
    assert.equal(value('req.hdr(host),lower', req), 'shop.example.com:8080');
    assert.equal(value('path,upper', req), '/SHOP/CART/ITEM.HTML');
    assert.equal(value('path,field(2,/)', req), 'Shop');
    assert.equal(value('path,field(-1,/)', req), 'item.html');
    assert.equal(value('req.hdr(host),field(1,:)', req), 'Shop.Example.com');
    assert.equal(value('path,word(2,/)', req), 'Cart');
    assert.equal(value('path,bytes(1,4)', req), 'Shop');
    assert.equal(value('path,length', req), '20');
    assert.equal(value('str(xxabcxx),ltrim(x),rtrim(x)', req), 'abc');
  });

  it('regsub replaces the first match, or all with g, case-insensitive with i', () => {
    assert.equal(value('path,regsub(/,-)', req), '-Shop/Cart/item.html');
    assert.equal(value('path,regsub(/,-,g)', req), '-Shop-Cart-item.html');
    assert.equal(value('path,regsub(shop,store,i)', req), '/store/Cart/item.html');
    assert.equal(value('path,regsub(^/[^/]+,/Store)', req), '/Store/Cart/item.html');
  });

  it('map converters read files once, with defaults and match methods', () => {
    const files = {
      '/etc/haproxy/hosts.map': '# host map\nshop.example.com:8080 be_shop\napi.example.com be_api\n',
      '/etc/haproxy/paths.map': '/shop/cart be_cart\n/shop be_shop\n',
      '/etc/haproxy/re.map': '^/([a-z]+)/ \\1_backend\n',
      '/etc/haproxy/nets.map': '198.51.100.0/24 partners\n0.0.0.0/0 world\n',
    };
    assert.equal(value('req.hdr(host),lower,map(hosts.map)', req, files), 'be_shop');
    assert.equal(value('str(nope),map(hosts.map,fallback)', req, files), 'fallback');
    assert.equal(value('path,lower,map_beg(paths.map)', req, files), 'be_cart', 'first matching line in file order');
    assert.equal(value('path,lower,map_regm(re.map)', req, files), 'shop_backend');
    assert.equal(value('src,map_ip(nets.map)', req, files), 'partners');
    assert.equal(value('str(x),map(missing.map,dflt)', req, files), 'dflt');
  });

  it('arithmetic, hashes, encodings and masks', () => {
    assert.equal(value('int(7),add(5),mul(2),sub(4),div(5)', req), '4');
    assert.equal(value('int(7),mod(4)', req), '3');
    assert.equal(value('int(6),and(3)', req), '2');
    assert.equal(value('int(3),neg', req), '-3');
    assert.equal(value('str(abc),djb2', req), String(193485963));
    assert.equal(value('str(hello),base64', req), 'aGVsbG8=');
    assert.equal(value('str(aGVsbG8=),b64dec', req), 'hello');
    assert.equal(value('str(a%20b),url_dec', req), 'a b');
    assert.equal(value('src,ipmask(24)', req), '198.51.100.0');
    assert.equal(value('str(ab),hex', req), '6162');
    assert.equal(value('path,concat(<,txn.none,>)', req), '</Shop/Cart/item.html>');
  });
});

describe('simulator field and word with counts', () => {
  it('keep the original delimiters between the parts they return', () => {
    assert.equal(value('str(a.b-c.d),field(2,.-,2)'), 'b-c');
    assert.equal(value('str(a.b-c.d),field(-2,.-,0)'), 'a.b-c');
    assert.equal(value('str(a..b),field(2,.)'), '');
    assert.equal(value('str(a..b),word(2,.)'), 'b');
    assert.equal(value('str(/x//y/z),word(2,/,0)'), 'y/z');
    assert.equal(value('str(a.b),field(5,.)'), undefined);
  });
});
