import { strict as assert } from 'node:assert';
import { looksLikeHaproxyConfig } from '../../../server/src/syntax/detect-config';

describe('detecting an HAProxy config by its content', () => {
  it('accepts a file whose first keyword opens a section, after comments and blank lines', () => {
    assert.ok(looksLikeHaproxyConfig('# load balancer\n\nglobal\n  daemon\n'));
    assert.ok(looksLikeHaproxyConfig('\uFEFFfrontend www\n  bind :80\n'));
    assert.ok(looksLikeHaproxyConfig('.if defined(X)\nbackend b\n.endif\n'));
  });

  it('rejects other .cfg files', () => {
    assert.ok(!looksLikeHaproxyConfig('[section]\nkey = value\n'));
    assert.ok(!looksLikeHaproxyConfig('# only comments\n'));
    assert.ok(!looksLikeHaproxyConfig('timeout 10\nglobal\n'));
    assert.ok(!looksLikeHaproxyConfig(''));
  });
});
