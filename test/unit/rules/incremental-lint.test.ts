import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import type { Finding, Fix } from '../../../server/src/analysis/finding';
import { lintText, type LintOptions } from '../../../server/src/analysis/lint';
import { acceptedConfigs, hasCorpus, repoRoot, SKIP_CORPUS_MESSAGE } from '../../support/corpus';
import { applyEdit, editArbitrary, type Edit } from '../../support/random-edits';

const senex = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8');

/** What the model says, as data (proxies by name and inheritance, every definition and reference). */
function modelSnapshot(document: ConfigDocument): string {
  const model = document.model;
  return JSON.stringify({
    proxies: model.proxies.map((p) => [p.kind, p.name, p.mode, p.defaults?.name, p.servers.length, [...p.acls.keys()]]),
    definitions: model.definitions.map((d) => [d.kind, d.name, d.range, d.scope?.name, d.scopeName]),
    references: model.references.map((r) => [r.kind, r.name, r.range, r.scope?.name, r.scopeName, r.dynamic]),
    files: model.files.map((f) => [f.kind, f.path, f.range]),
  });
}

/** Findings as data; a fix that generates a random password (stats-auth) differs on every run, so it is masked. */
function findingsSnapshot(findings: readonly Finding[]): string {
  return JSON.stringify(findings, (key, value: unknown) => (key === 'fixes' && Array.isArray(value) ? value.map((fix: Fix) => (/generated/.test(fix.title) ? fix.title : fix)) : value));
}

function freshModelSnapshot(text: string): string {
  return modelSnapshot(new ConfigDocument('file:///fresh.cfg', text, 0));
}

/**
 * Edits a document version after version as the language server does (each version made from the previous one,
 * so parse, model and section findings are reused), and checks that every version's model and findings are those
 * of a fresh analysis of the same text.
 */
function checkEdits(base: string, edits: Edit[], label: string, options: LintOptions = {}): void {
  let text = base;
  let document = new ConfigDocument('file:///edited.cfg', text, 1, options);
  void document.findings;
  for (const [index, edit] of edits.entries()) {
    text = applyEdit(text, edit);
    document = new ConfigDocument('file:///edited.cfg', text, index + 2, options, document);
    const context = `${label}, edit ${index + 1} ${JSON.stringify(edit)}`;
    assert.equal(modelSnapshot(document), freshModelSnapshot(text), `${context}: model`);
    assert.equal(findingsSnapshot(document.findings), findingsSnapshot(lintText(text, options)), `${context}: findings`);
  }
}

describe('incremental analysis', () => {
  it('reuses the model and findings of sections an edit did not touch', () => {
    const first = new ConfigDocument('file:///a.cfg', senex, 1);
    void first.findings;
    const proxies = first.model.proxies;
    const at = senex.indexOf('\n', senex.indexOf('\nbackend be_static') + 1) + 1;
    const text = `${senex.slice(0, at)}    # note\n${senex.slice(at)}`;
    const second = new ConfigDocument('file:///a.cfg', text, 2, {}, first);
    assert.equal(findingsSnapshot(second.findings), findingsSnapshot(lintText(text)));
    const rebuilt = second.model.proxies.filter((proxy) => !proxies.includes(proxy));
    assert.deepEqual(rebuilt.map((proxy) => proxy.name), ['be_static'], 'only the proxy whose section holds the new comment is rebuilt');
  });

  it('gives the findings of a full analysis after any sequence of edits (Senex example)', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), (edits) => checkEdits(senex, edits, 'senex')),
      { seed: 2026, numRuns: 150 },
    );
  });

  it('follows a change of the target version and of rule settings between versions', () => {
    checkEdits(senex, [{ at: 0.5, remove: 0, insert: 'x' }, { at: 0.5, remove: 1, insert: '' }], 'version 2.4', { version: '2.4' });
    checkEdits(senex, [{ at: 0.7, remove: 0, insert: '\n' }], 'rules off', { rules: { 'missing-timeouts': 'off', 'unknown-keyword': 'warning' } });
  });

  it('keeps the findings right when lines are inserted above sections whose messages quote line numbers', () => {
    const text = 'defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\nfrontend f\n  bind :80\n  use_backend b\n  use_backend c\n  default_backend b\nbackend b\n  server s 127.0.0.1:1\nbackend c\n  server s 127.0.0.1:1\n';
    checkEdits(text, [{ at: 0.3, remove: 0, insert: '\n\n' }, { at: 0, remove: 0, insert: '# top\n' }, { at: 0.99, remove: 0, insert: '\n' }], 'line numbers');
  });

  (hasCorpus ? it : it.skip)('gives the findings of a full analysis after random edits of corpus configs', function () {
    if (!hasCorpus) this.skip();
    const configs = acceptedConfigs().map((row) => readFileSync(row.path, 'latin1'));
    fc.assert(
      fc.property(fc.nat(configs.length - 1), fc.array(editArbitrary, { minLength: 1, maxLength: 5 }), (index, edits) => checkEdits(configs[index], edits, `corpus #${index}`)),
      { seed: 99, numRuns: 250 },
    );
  });
});

if (!hasCorpus) console.log(SKIP_CORPUS_MESSAGE);
