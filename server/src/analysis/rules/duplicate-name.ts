import type { Proxy } from '../../model/config-model';
import type { Section, SectionType, Word } from '../../syntax/ast';
import type { Rule, RuleContext } from '../rule';

/** Named sections HAProxy refuses to see twice; a second userlist is only ignored (with a warning). */
const UNIQUE_SECTIONS: ReadonlySet<SectionType> = new Set(['peers', 'resolvers', 'cache', 'http-errors', 'ring', 'mailers', 'log-forward', 'fcgi-app', 'userlist']);

const where = (word: Word) => `line ${word.range.start.line + 1}`;

function checkProxies(context: RuleContext): void {
  const seen = { frontend: new Map<string, Proxy>(), backend: new Map<string, Proxy>() };
  for (const proxy of context.model.proxies) {
    if (proxy.kind === 'defaults' || !proxy.nameWord) continue;
    const sides: ('frontend' | 'backend')[] = proxy.kind === 'listen' ? ['frontend', 'backend'] : [proxy.kind];
    const clash = sides.map((side) => seen[side].get(proxy.name)).find(Boolean);
    if (clash?.nameWord && !clash.section.guard && !proxy.section.guard) {
      context.report({
        message: `${proxy.kind} '${proxy.name}' has the same name as ${clash.kind} '${clash.name}' at ${where(clash.nameWord)}.`,
        range: proxy.nameWord.range,
      });
    }
    for (const side of sides) if (!seen[side].has(proxy.name)) seen[side].set(proxy.name, proxy);
  }
}

function checkServers(context: RuleContext, proxy: Proxy): void {
  const seen = new Map<string, Word>();
  for (const server of proxy.servers) {
    if (server.isDefault || !server.name) continue;
    const first = seen.get(server.name);
    if (first && !server.directive.guard) context.report({ message: `Server '${server.name}' is already defined at ${where(first)} in ${proxy.kind} '${proxy.name}'.`, range: server.nameWord.range });
    else seen.set(server.name, server.nameWord);
  }
}

function checkSections(context: RuleContext): void {
  const seen = new Map<string, Section>();
  for (const section of context.file.sections) {
    if (!UNIQUE_SECTIONS.has(section.type) || !section.name) continue;
    const key = `${section.type}:${section.name.value}`;
    const first = seen.get(key)?.name;
    if (section.guard) continue;
    if (!first) {
      seen.set(key, section);
      continue;
    }
    const ignored = section.type === 'userlist';
    context.report({
      message: `${section.type} '${section.name.value}' is already defined at ${where(first)}${ignored ? '; HAProxy ignores this one' : ''}.`,
      range: section.name.range,
      severity: ignored ? 'warning' : undefined,
    });
  }
}

function checkUsers(context: RuleContext, section: Section): void {
  const seen = new Map<string, Word>();
  for (const directive of section.directives) {
    const kind = directive.keyword.value;
    const name = directive.args[0];
    if ((kind !== 'user' && kind !== 'group') || !name) continue;
    const key = `${kind}:${name.value}`;
    const first = seen.get(key);
    if (first) context.report({ message: `${kind} '${name.value}' is already defined at ${where(first)}; HAProxy ignores this one.`, range: name.range, severity: 'warning' });
    else seen.set(key, name);
  }
}

/** Reports two proxies, servers or named sections sharing one name. Repeated `acl` lines are legal and not reported. */
export const duplicateNameRule: Rule = {
  name: 'duplicate-name',
  defaultSeverity: 'error',
  description: 'Two proxies, two servers of one backend, or two named sections of one kind share a name.',
  check(context) {
    checkProxies(context);
    for (const proxy of context.model.proxies) if (proxy.kind === 'backend' || proxy.kind === 'listen') checkServers(context, proxy);
    checkSections(context);
    for (const section of context.file.sections) if (section.type === 'userlist') checkUsers(context, section);
  },
};
