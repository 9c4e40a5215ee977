import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { IGrammar } from 'vscode-textmate';
import { loadGrammar, tokenizeText, type TokenizedLine } from './textmate';

/** Lines that open something (quote, brace, paren, %[...]) and never close it. */
const BROKEN_LINES = [
  '    http-request set-header X "unterminated',
  "    http-request set-header X 'unterminated",
  '    log-format "%ci %[req.hdr(host),lower',
  '    use_backend be_%[req.hdr(host)',
  '    acl a path_beg /x if { src',
  '    http-request deny if { path_reg (a|b',
  '    http-request set-var(txn.x str(a),regsub(',
  '    acl r path -m reg "^/open',
  '    acl r hdr_reg(host',
  '    server s1 "10.0.0.1:80 check',
  '    bind "${ADDR',
  '    bind ${PORT:-',
  '    http-request return status 200 hdr X "%{+Q',
  '    .if defined(A) && (',
  '    .notice "unterminated message',
  '    stats auth admin:"secret',
  '    timeout client 30s \\',
  '    stick-table type ip store http_req_rate(10s',
  '    http-check expect rstring "a',
  '    }{ ]) ([ "\' %[ ${ \\',
];

const FOLLOWERS = [
  '    http-request deny deny_status 429 if { sc_http_req_rate(0) gt 10 } !is_local',
  '    server web1 10.0.0.1:8000 check cookie web1',
  '    timeout client 30s # comment',
];

function signature(line: TokenizedLine): string {
  return line.tokens.map((t) => `${line.text.slice(t.startIndex, t.endIndex)}=${t.scopes.join(' ')}`).join('\n');
}

function followerAfter(grammar: IGrammar, before: string[], follower: string): TokenizedLine[] {
  return tokenizeText(grammar, ['backend be_app', ...before, follower, 'frontend fe_next'].join('\n'));
}

describe('grammar: never loses sync on a bad line', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  for (const broken of BROKEN_LINES) {
    it(`recovers after ${JSON.stringify(broken.trim())}`, () => {
      for (const follower of FOLLOWERS) {
        const clean = followerAfter(grammar, [], follower);
        const dirty = followerAfter(grammar, [broken], follower);
        assert.equal(dirty[1].depth, clean[0].depth, 'the broken line leaves nothing open behind it');
        assert.equal(signature(dirty[2]), signature(clean[1]), `the line after it is highlighted as usual: ${follower}`);
        assert.equal(signature(dirty[3]), signature(clean[2]), 'the next section header still opens a section');
      }
    });
  }

  it('a section header after a broken header line still starts a new section', () => {
    const lines = tokenizeText(grammar, 'frontend "fe\n    mode http\nbackend be\n    mode tcp');
    assert.ok(lines[2].tokens[0].scopes.includes('meta.section.backend.haproxy'));
    assert.ok(!lines[3].tokens.some((t) => t.scopes.includes('meta.section.frontend.haproxy')));
  });

  it('any random garbage line is contained to its own line (property)', () => {
    const alphabet = fc.constantFrom(...' \t"\'{}[]()%$#\\!|,:;@*-_./aZ09ifunless'.split(''), '%[', '${', ' if ', ' { ', ' } ');
    const garbage = fc.array(alphabet, { maxLength: 60 }).map((parts) => `    ${parts.join('')}`);
    const follower = FOLLOWERS[0];
    const expected = signature(followerAfter(grammar, [], follower)[1]);
    fc.assert(
      fc.property(garbage, (line) => signature(followerAfter(grammar, [line], follower)[2]) === expected),
      { numRuns: 400 },
    );
  });
});
