import type { BindDefinition } from '../../model/config-model';
import type { Directive, Section, Word } from '../../syntax/ast';
import { appendToDirective, replaceWord } from '../edits';
import type { Fix, TextEdit } from '../finding';
import { ListFilter } from '../list-tracker';
import { isTlsBind } from '../listeners';
import type { Rule } from '../rule';

const FORCED: Record<string, string> = { 'force-sslv3': 'SSLv3', 'force-tlsv10': 'TLSv1.0', 'force-tlsv11': 'TLSv1.1', 'force-tlsv12': 'TLSv1.2', 'force-tlsv13': 'TLSv1.3' };
const TOO_OLD = new Set(['SSLv3', 'TLSv1.0', 'TLSv1.1']);

/** An explicit lower bound: `force-tlsvXX`, else `ssl-min-ver X`, with the words that set it. */
interface MinimumSetting {
  version: string;
  /** The word(s) to replace: `force-tlsv10`, or the version after `ssl-min-ver`. */
  word: Word;
  forced: boolean;
}

function explicitMinimum(words: Word[]): MinimumSetting | undefined {
  let found: MinimumSetting | undefined;
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (FORCED[value]) return { version: FORCED[value], word: words[i], forced: true };
    if (value === 'ssl-min-ver' && words[i + 1]) found = { version: words[i + 1].value, word: words[i + 1], forced: false };
  }
  return found;
}

function raise(setting: MinimumSetting): TextEdit {
  return replaceWord(setting.word, setting.forced ? 'ssl-min-ver TLSv1.2' : 'TLSv1.2');
}

const globalSections = new ListFilter<Section>((section) => section.type === 'global');

/**
 * Reports TLS listeners that accept versions older than TLS 1.2. Since HAProxy 2.2 a bind accepts TLS 1.2 and
 * newer unless `ssl-min-ver` or `force-*` lowers it, on the bind or in `ssl-default-bind-options`; `no-tlsv1x`
 * can only remove versions (and HAProxy ignores it once a minimum is set), so it never lowers the bound.
 * A bind's own setting is checked with its section; the global one with every bind that inherits it.
 */
export const tlsMinVersionRule: Rule = {
  name: 'tls-min-version',
  defaultSeverity: 'warning',
  description: 'A TLS listener accepts protocol versions older than TLS 1.2.',
  checkSection({ proxy, report }) {
    const binds = proxy?.binds ?? [];
    for (let i = 0; i < binds.length; i++) {
      const bind = binds[i];
      if (!isTlsBind(bind)) continue;
      const own = explicitMinimum(bind.options);
      if (!own || !TOO_OLD.has(own.version)) continue;
      report({
        message: `This TLS listener accepts ${own.version} and newer; versions before TLS 1.2 are broken or deprecated. Use 'ssl-min-ver TLSv1.2'.`,
        range: own.word.range,
        fixes: [{ title: "Require TLS 1.2 or newer on this bind ('ssl-min-ver TLSv1.2')", edits: [raise(own)], preferred: true }],
      });
    }
  },
  check({ file, model, report }) {
    let globalSetting: { setting: MinimumSetting; directive: Directive } | undefined;
    for (const section of globalSections.of(file.sections)) {
      for (const directive of section.directives) {
        if (directive.keyword.value !== 'ssl-default-bind-options') continue;
        const setting = explicitMinimum(directive.args);
        if (setting) globalSetting = { setting, directive };
      }
    }
    if (!globalSetting || !TOO_OLD.has(globalSetting.setting.version)) return;
    const inheriting: BindDefinition[] = [];
    for (const proxy of model.proxies) {
      for (const bind of proxy.binds) if (isTlsBind(bind) && !explicitMinimum(bind.options)) inheriting.push(bind);
    }
    if (inheriting.length === 0) return;
    const { setting } = globalSetting;
    const lines = inheriting.map((b) => b.directive.range.start.line + 1).join(', ');
    report({
      message: `ssl-default-bind-options lets the TLS listeners at line(s) ${lines} accept ${setting.version}; versions before TLS 1.2 are broken or deprecated.`,
      range: setting.word.range,
      fixes: [
        { title: "Require TLS 1.2 or newer for every bind ('ssl-min-ver TLSv1.2' in ssl-default-bind-options)", edits: [raise(setting)], preferred: true },
        { title: "Add 'ssl-min-ver TLSv1.2' to each of these binds", edits: inheriting.map((b) => appendToDirective(b.directive, 'ssl-min-ver TLSv1.2')) } satisfies Fix,
      ],
    });
  },
};
