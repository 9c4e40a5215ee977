import { strict as assert } from 'node:assert';
import { isWellFormedCondition } from '../../../server/src/syntax/condition-shape';
import { tokenizeForParser } from '../../../server/src/syntax/lexer';
import { parseLineTokens } from '../../../server/src/syntax/parser';

/** Every sequence of up to `length` words drawn from `words`. */
function* sequences(words: string[], length: number): Generator<string[]> {
  yield [];
  if (length === 0) return;
  for (const rest of sequences(words, length - 1)) {
    if (rest.length === length - 1) for (const word of words) yield [...rest, word];
  }
}

describe('condition shape', () => {
  it('accepts exactly the conditions the line parser accepts, on every short sequence of words', () => {
    const words = ['acl', 'if', 'or', '||', '{', '!{', '}'];
    const disagreements: string[] = [];
    let checked = 0;
    for (let length = 0; length <= 4; length++) {
      for (const sequence of sequences(words, length)) {
        if (sequence.length !== length) continue;
        for (const line of [`use_backend b if ${sequence.join(' ')}`, `http-request deny unless x ${sequence.join(' ')}`]) {
          const tokens = tokenizeForParser(line.trim()).tokens;
          const at = tokens.findIndex((token, i) => i > 0 && (token.tokenType.name === 'If' || token.tokenType.name === 'Unless'));
          const parsed = parseLineTokens(tokens).errors.length === 0;
          if (isWellFormedCondition(tokens, at + 1, tokens.length) !== parsed) disagreements.push(line);
          checked++;
        }
      }
    }
    assert.ok(checked > 5000);
    assert.deepEqual(disagreements, []);
  });
});
