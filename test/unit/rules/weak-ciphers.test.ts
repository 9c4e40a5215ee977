import { strict as assert } from 'node:assert';
import { weakFamilies } from '../../../server/src/analysis/cipher-list';
import { applyAndRecheck, cfg, findingsOf, linesOf } from './helpers';

const RULE = 'weak-ciphers';

describe('rule weak-ciphers', () => {
  it('finds the weak families a cipher string lets through', () => {
    assert.deepEqual(weakFamilies('ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA'), ['RC4']);
    assert.deepEqual(weakFamilies('ECDHE-RSA-DES-CBC3-SHA:EDH-RSA-DES-CBC-SHA').sort(), ['3DES', 'DES']);
    assert.deepEqual(weakFamilies('HIGH:!aNULL:!MD5'), []);
    assert.deepEqual(weakFamilies('ALL:!aNULL:!3DES'), []);
    assert.deepEqual(weakFamilies('ALL').sort(), ['3DES', 'anonymous']);
    assert.deepEqual(weakFamilies('ECDH+AESGCM:RSA+3DES:!aNULL'), ['3DES']);
    assert.deepEqual(weakFamilies('EXP-RC4-MD5:!RC4').sort(), ['EXPORT', 'MD5']);
    assert.deepEqual(weakFamilies('NULL-SHA:ADH-AES128-SHA').sort(), ['NULL', 'anonymous']);
  });

  it('reports a bind cipher list with RC4, at the list', () => {
    const text = cfg('frontend fe', '    bind :443 ssl crt /c.pem ciphers ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 2);
    assert.match(finding.message, /RC4/);
    assert.deepEqual(linesOf(RULE, cfg('frontend fe', '    bind :443 ssl crt /c.pem ciphers ECDHE-RSA-AES128-GCM-SHA256:!RC4')), []);
  });

  it('checks the global defaults and server lines too', () => {
    const text = cfg(
      'global',
      '    ssl-default-bind-ciphers HIGH:!aNULL',
      '    ssl-default-server-ciphers DES-CBC3-SHA',
      'backend be',
      '    server s 10.0.0.1:443 ssl verify none ciphers ALL',
    );
    assert.deepEqual(linesOf(RULE, text), [3, 5]);
  });

  it('replaces the list with a modern one', () => {
    const text = cfg('global', '    ssl-default-bind-ciphers "RC4-SHA:AES128-SHA"');
    assert.match(applyAndRecheck(RULE, text, 2), /ssl-default-bind-ciphers ECDHE-ECDSA-AES128-GCM-SHA256:/);
  });
});
