import assert from 'node:assert/strict';
import { formatIp } from '../../../server/src/simulator/ip';
import { parseRequest } from '../../../server/src/simulator/request';

describe('simulator request reading', () => {
  it('splits an absolute URL: an IP host is the destination, the Host header is filled in', () => {
    const r = parseRequest({ method: 'GET', url: 'https://127.0.0.1:8443/ws/x?a=1', src: '203.0.113.7' });
    assert.ok(r.ok);
    assert.equal(r.request.scheme, 'https');
    assert.equal(r.request.port, 8443);
    assert.equal(formatIp(r.request.dst!), '127.0.0.1');
    assert.equal(r.request.http.uri, '/ws/x?a=1');
    assert.deepEqual(r.request.http.headers, [['host', '127.0.0.1:8443']]);
    assert.equal(r.request.sni, undefined, 'no SNI is sent for an address');
    assert.equal(formatIp(r.request.src), '203.0.113.7');
  });

  it('a host name goes into Host and SNI and leaves the destination open', () => {
    const r = parseRequest({ method: 'GET', url: 'https://shop.example.com/cart' });
    assert.ok(r.ok);
    assert.equal(r.request.dst, undefined);
    assert.equal(r.request.port, 443);
    assert.equal(r.request.sni, 'shop.example.com');
    assert.deepEqual(r.request.http.headers[0], ['host', 'shop.example.com']);
  });

  it('keeps a Host header given by the caller and repeated headers in order', () => {
    const r = parseRequest({ method: 'GET', url: 'http://10.0.0.1/', headers: { Host: 'a.example', 'X-A': ['1', '2'] } });
    assert.ok(r.ok);
    assert.deepEqual(r.request.http.headers, [['Host', 'a.example'], ['X-A', '1'], ['X-A', '2']]);
  });

  it('reads tcp:// connections without a method', () => {
    const r = parseRequest({ method: '', url: 'tcp://127.0.0.1:5432' });
    assert.ok(r.ok);
    assert.equal(r.request.scheme, 'tcp');
    assert.equal(r.request.port, 5432);
  });

  it('turns bad requests into error values', () => {
    const bad: [unknown, RegExp][] = [
      [{ method: 'G ET', url: 'http://a/' }, /method/],
      [{ method: 'GET', url: 'ftp://a/' }, /scheme/],
      [{ method: 'GET', url: 'http://a:99999/' }, /port/],
      [{ method: 'GET', url: 'no-slash' }, /malformed/],
      [{ method: 'GET', url: 'http://a/ b' }, /spaces/],
      [{ method: 'GET', url: 'http://a/', src: 'not-an-ip' }, /source/],
      [{ method: 'GET', url: 'http://a/', headers: { 'Bad Name': 'x' } }, /header name/],
      [{ method: 'GET', url: 'http://a/', headers: { X: 'a\r\nb' } }, /line break/],
      [{ method: 'GET', url: 'http://a/', headers: { X: 'v'.repeat(70000) } }, /exceed/],
      [{ method: 'GET', url: `http://a/${'p'.repeat(20000)}` }, /longer/],
      [null, /not an object/],
      [{ method: 'GET', url: 'tcp://127.0.0.1' }, /port/],
    ];
    for (const [req, re] of bad) {
      const r = parseRequest(req as never);
      assert.equal(r.ok, false, JSON.stringify(req)?.slice(0, 60));
      if (!r.ok) assert.match(r.error, re);
    }
  });
});
