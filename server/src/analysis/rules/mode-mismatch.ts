import { getKeyword, isHttpOnly } from '../../model/catalog';
import type { Proxy } from '../../model/config-model';
import { checkSectionLines, keywordRange, lineFormBit, wordAt, type KeywordLine } from '../keyword-lines';
import type { Rule, RuleContext, SectionRuleContext } from '../rule';

function modeOrigin(proxy: Proxy): string {
  const own = proxy.directives.some((d) => d.keyword.value === 'mode' && !d.prefix);
  if (own) return `${proxy.kind} '${proxy.name}' is in tcp mode`;
  if (proxy.defaults) return `${proxy.kind} '${proxy.name}' is in tcp mode (inherited from defaults${proxy.defaults.name ? ` '${proxy.defaults.name}'` : ''})`;
  return `${proxy.kind} '${proxy.name}' is in tcp mode (no 'mode http' anywhere, and tcp is HAProxy's default)`;
}

/** Checks a line of a proxy in tcp mode. */
function checkLine(line: KeywordLine, context: SectionRuleContext, report: RuleContext['report']): void {
  const { version } = context;
  const proxy = context.proxy!;
  const { resolved } = line;
  if (resolved.status !== 'ok' || !resolved.keyword) return;
  if (isHttpOnly(resolved.keyword, version)) {
    report({ message: `'${resolved.keyword.name}' only works in HTTP mode, but ${modeOrigin(proxy)}`, range: keywordRange(line) });
    return;
  }
  if (resolved.action?.status === 'ok' && resolved.action.entry && isHttpOnly(resolved.action.entry, version) && !resolved.ruleSet?.startsWith('http-')) {
    report({ message: `Action '${resolved.action.name}' only works in HTTP mode, but ${modeOrigin(proxy)}`, range: wordAt(line, resolved.action.index).range });
  }
  for (const group of line.directive.condition?.groups ?? []) {
    for (const term of group) {
      const fetch = term.kind === 'anonymous-acl' ? term.criterion?.expression.fetch : undefined;
      const entry = fetch && (getKeyword('fetch', fetch.name) ?? getKeyword('acl-derived', fetch.name));
      if (fetch && entry && isHttpOnly(entry, version)) {
        report({ message: `Fetch '${fetch.name}' reads HTTP, but ${modeOrigin(proxy)}: it never matches`, range: fetch.nameRange });
      }
    }
  }
}

const CLEAN = lineFormBit();

/** HTTP-only keywords, actions and fetches used in a proxy whose effective mode is tcp; HAProxy ignores them. */
export const modeMismatchRule: Rule = {
  name: 'mode-mismatch',
  defaultSeverity: 'warning',
  description: 'An HTTP-only keyword, action or fetch in a proxy working in tcp mode.',
  checkSection(context) {
    const proxy = context.proxy;
    if (!proxy || proxy.kind === 'defaults' || proxy.mode !== 'tcp') return;
    checkSectionLines(context, CLEAN, checkLine);
  },
};
