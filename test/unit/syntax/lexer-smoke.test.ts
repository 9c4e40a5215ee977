import { strict as assert } from 'node:assert';
import { tokenize } from '../../../server/src/syntax/lexer';
import { createConnection } from 'vscode-languageserver/node';
describe('smoke', () => { it('lexes', () => { assert.equal(typeof createConnection, 'function'); const r = tokenize('frontend fe\n'); assert.equal(r.tokens.length, 3); }); });
