import assert from 'node:assert/strict';
import { allKeywords, docsUrl, getKeyword, isKnownIn, type HaproxyVersion, type KeywordKind } from '../../../server/src/model/catalog/index';
import { hasReference, referenceKeywords, SKIP_REFERENCE } from './reference';

const percent = (part: number, total: number) => `${((100 * part) / total).toFixed(2)}%`;

describe('catalog coverage of the extracted keyword facts', function () {
  before(function () {
    if (!hasReference) {
      console.log(`      ${SKIP_REFERENCE}`);
      this.skip();
    }
  });

  it('knows every (kind, name, version) of keywords.json, each with a summary and its manual link', () => {
    let total = 0;
    let known = 0;
    let summarized = 0;
    let linked = 0;
    const unknown: string[] = [];
    const unsummarized = new Set<string>();
    const badLinks: string[] = [];
    for (const ref of referenceKeywords()) {
      const entry = getKeyword(ref.kind as KeywordKind, ref.name);
      for (const version of ref.versions as HaproxyVersion[]) {
        total++;
        if (!entry || !isKnownIn(entry, version)) {
          unknown.push(`${ref.kind} ${ref.name} @${version}`);
          continue;
        }
        known++;
        if (entry.summary?.trim()) summarized++;
        else unsummarized.add(`${ref.kind} ${ref.name}`);
        const variant = ref.variants.find((v) => v.versions.includes(version));
        const expected = `https://docs.haproxy.org/${version}/configuration.html${variant?.anchor}`;
        const url = docsUrl(entry, version);
        if (url === expected) linked++;
        else badLinks.push(`${ref.kind} ${ref.name} @${version}: ${url} (expected ${expected})`);
      }
    }
    console.log(`      keywords known: ${known}/${total} (${percent(known, total)})`);
    console.log(`      with a summary: ${summarized}/${total} (${percent(summarized, total)})`);
    console.log(`      with the manual's link: ${linked}/${total} (${percent(linked, total)})`);
    if (unsummarized.size) console.log(`      no summary yet (${unsummarized.size} keywords), e.g. ${[...unsummarized].slice(0, 8).join(', ')}`);
    assert.deepEqual(unknown.slice(0, 20), [], `${unknown.length} (kind, name, version) tuples unknown`);
    assert.deepEqual(badLinks.slice(0, 20), [], `${badLinks.length} links differ from the manual anchors`);
    assert.equal(summarized, total, `${total - summarized} tuples (${unsummarized.size} keywords) lack a summary`);
  });
});

describe('catalog entries beyond keywords.json', () => {
  it('gives every entry, binary-only ones included, a summary', () => {
    const missing = allKeywords()
      .filter((e) => e.origin !== 'manual' && !e.summary?.trim())
      .map((e) => `${e.kind} ${e.name}`);
    assert.deepEqual(missing, []);
  });

  it('links every entry to a docs.haproxy.org anchor for every version it knows', () => {
    const bad: string[] = [];
    for (const entry of allKeywords()) {
      for (const version of entry.versions) {
        const url = docsUrl(entry, version);
        if (!/^https:\/\/docs\.haproxy\.org\/[23]\.\d\/configuration\.html#[\w.%-]+$/.test(url)) bad.push(`${entry.kind} ${entry.name} @${version}: ${url}`);
      }
    }
    assert.deepEqual(bad.slice(0, 10), []);
  });
});
