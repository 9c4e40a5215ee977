import { strict as assert } from 'node:assert';
import { lintText, type LintOptions } from '../../../server/src/analysis/lint';
import { cfg } from './helpers';

/** Rules and lines found; missing-timeouts is off so that the short configs below need no timeouts. */
const rulesAt = (text: string, options: LintOptions = { rules: { 'missing-timeouts': 'off' } }) => lintText(text, options).map((f) => `${f.rule}@${f.range.start.line + 1}`);

const backend = (...lines: string[]) => cfg('backend be', '    mode tcp', ...lines, '    server a 10.0.0.1:80', '    server b 10.0.0.2:80 check');

describe('suppression comments', () => {
  it('finds the unsuppressed problem first', () => {
    assert.deepEqual(rulesAt(backend()), ['health-check@3']);
  });

  it('disable-next-line silences the named rule on the next line only', () => {
    assert.deepEqual(rulesAt(backend('    # haproxy-lint-disable-next-line health-check')), []);
    assert.deepEqual(rulesAt(cfg('backend be', '    mode tcp', '    # haproxy-lint-disable-next-line health-check', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80')), ['health-check@5']);
  });

  it('skips blank and comment lines to find the next line, and takes a list of rules', () => {
    assert.deepEqual(rulesAt(backend('    # haproxy-lint-disable-next-line weak-ciphers,health-check -- legacy box', '', '    # checked by an external agent')), []);
  });

  it('does not silence other rules', () => {
    assert.deepEqual(rulesAt(backend('    # haproxy-lint-disable-next-line hsts')), ['health-check@4']);
  });

  it('disable RULE silences the rule for the rest of the section it is in', () => {
    const text = cfg(
      'backend be',
      '    mode tcp',
      '    # haproxy-lint-disable health-check',
      '    server a 10.0.0.1:80',
      '    server b 10.0.0.2:80 check',
      'backend other',
      '    mode tcp',
      '    server c 10.0.0.3:80',
      '    server d 10.0.0.4:80 check',
    );
    assert.deepEqual(rulesAt(text), ['health-check@8']);
  });

  it('disable before the first section silences the rule in the whole file; without rules it silences all', () => {
    const text = cfg('backend be', '    mode tcp', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80 check', 'backend be', '    mode tcp');
    assert.deepEqual(rulesAt(text), ['health-check@3', 'duplicate-name@5']);
    assert.deepEqual(rulesAt(`# haproxy-lint-disable health-check\n${text}`), ['duplicate-name@6']);
    assert.deepEqual(rulesAt(`# haproxy-lint-disable\n${text}`, {}), []);
  });

  it('works as a trailing comment too', () => {
    assert.deepEqual(rulesAt(cfg('backend be # haproxy-lint-disable health-check', '    mode tcp', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80 check')), []);
  });
});

describe('rule severity settings', () => {
  it('overrides a rule severity, or turns the rule off', () => {
    const text = backend();
    const off = { 'missing-timeouts': 'off' } as const;
    assert.equal(lintText(text, { rules: off })[0].severity, 'warning');
    assert.equal(lintText(text, { rules: { ...off, 'health-check': 'error' } })[0].severity, 'error');
    assert.deepEqual(lintText(text, { rules: { ...off, 'health-check': 'off' } }), []);
    assert.deepEqual(rulesAt(text, { rules: { ...off, hsts: 'off' } }), ['health-check@3']);
    assert.deepEqual(rulesAt(text, {}), ['missing-timeouts@1', 'health-check@3']);
  });
});
