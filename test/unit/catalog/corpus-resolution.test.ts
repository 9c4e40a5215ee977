import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { lineOptions, resolveDirective, scanOptions } from '../../../server/src/model/catalog/index';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { acceptedCorpusFiles, directiveWords, hasCorpus, parsedBy, SKIP_CORPUS } from './reference';

describe('catalog on the corpus configs HAProxy 2.6 accepted', function () {
  before(function () {
    if (!hasCorpus) {
      console.log(`      ${SKIP_CORPUS}`);
      this.skip();
    }
  });

  it('resolves every directive line to a keyword 2.6 knows, with its action and bind/server options', () => {
    const files = acceptedCorpusFiles();
    let lines = 0;
    let options = 0;
    const unresolved: string[] = [];
    const ignoredByHaproxy: string[] = [];
    for (const path of files) {
      const file = parseConfig(readFileSync(path, 'utf8'));
      for (const section of file.sections) {
        if (!parsedBy('2.6', section.headerRange.start.line, section.guard)) continue;
        for (const directive of section.directives) {
          const line = directive.range.start.line;
          if (!parsedBy('2.6', line, directive.guard)) continue;
          lines++;
          const words = directiveWords(directive);
          const where = `${basename(path)}:${line + 1} [${section.type}] ${words.slice(0, 4).join(' ')}`;
          const r = resolveDirective(section.type, words, '2.6');
          if (r.status === 'not-allowed' && r.haproxyReaction === 'warning') ignoredByHaproxy.push(where);
          else if (r.status !== 'ok') unresolved.push(`${where}: ${r.status}`);
          if (!r.prefixAllowed) unresolved.push(`${where}: '${r.prefix}' prefix`);
          if (r.action && r.action.status !== 'ok' && r.action.status !== 'runtime') unresolved.push(`${where}: action ${r.action.status}`);
          const start = r.prefix ? 1 : 0;
          const located = lineOptions(words.slice(start));
          if (!located || r.status !== 'ok') continue;
          for (const option of scanOptions(located.kind, words.slice(start + located.start), '2.6')) {
            options++;
            if (option.status !== 'ok' || option.missingValue) unresolved.push(`${where}: ${located.kind} option ${option.name} ${option.status}`);
          }
        }
      }
    }
    console.log(`      ${files.length} files, ${lines} directive lines, ${options} bind/server options: ${unresolved.length} unresolved`);
    console.log(`      ${ignoredByHaproxy.length} known keywords in a proxy lacking their side (HAProxy warns and ignores them):`);
    for (const where of ignoredByHaproxy) console.log(`        ${where}`);
    for (const where of unresolved.slice(0, 40)) console.log(`      UNRESOLVED ${where}`);
    assert.ok(files.length >= 200 && lines > 5000, 'the corpus was read');
    assert.deepEqual(unresolved, []);
  });
});
