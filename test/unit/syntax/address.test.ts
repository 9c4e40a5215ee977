import { strict as assert } from 'node:assert';
import { parseAddress } from '../../../server/src/syntax/address';

describe('addresses', () => {
  it('reads IPv4, IPv6, unix, abns, fd and prefixed addresses with port ranges', () => {
    assert.deepEqual(parseAddress('10.0.0.1:80'), { family: 'ipv4', prefix: undefined, host: '10.0.0.1', portFrom: 80, portTo: 80 });
    assert.deepEqual(parseAddress(':8000-8010'), { family: 'any', prefix: undefined, host: '', portFrom: 8000, portTo: 8010 });
    assert.deepEqual(parseAddress('[::1]:443'), { family: 'ipv6', prefix: undefined, host: '::1', portFrom: 443, portTo: 443 });
    assert.deepEqual(parseAddress(':::443'), { family: 'ipv6', prefix: undefined, host: '::', portFrom: 443, portTo: 443 });
    assert.deepEqual(parseAddress('ipv4@0.0.0.0:80'), { family: 'ipv4', prefix: 'ipv4@', host: '0.0.0.0', portFrom: 80, portTo: 80 });
    assert.deepEqual(parseAddress('unix@/run/haproxy.sock'), { family: 'unix', prefix: 'unix@', host: '', path: '/run/haproxy.sock' });
    assert.deepEqual(parseAddress('abns@haproxy-peers'), { family: 'abns', prefix: 'abns@', host: '', path: 'haproxy-peers' });
    assert.deepEqual(parseAddress('fd@3'), { family: 'fd', prefix: 'fd@', host: '', path: '3' });
    assert.equal((parseAddress('db.internal:5432') as { family: string }).family, 'name');
    assert.deepEqual(parseAddress('1.2.3.4:+1000'), { family: 'ipv4', prefix: undefined, host: '1.2.3.4', portOffset: '+1000' });
  });

  it('rejects bad ports and ranges', () => {
    assert.match((parseAddress(':99999') as { error: string }).error, /out of range/);
    assert.match((parseAddress(':90-80') as { error: string }).error, /ends before/);
    assert.match((parseAddress(':http') as { error: string }).error, /invalid port/);
    assert.match((parseAddress('unix@') as { error: string }).error, /socket name/);
  });
});
