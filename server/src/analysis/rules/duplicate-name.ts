import type { Proxy, ServerDefinition } from '../../model/config-model';
import type { Section, SectionType, Word } from '../../syntax/ast';
import { ListGroups } from '../list-tracker';
import type { Rule, RuleContext } from '../rule';

/** Named sections HAProxy refuses to see twice; a second userlist is only ignored (with a warning). */
const UNIQUE_SECTIONS: ReadonlySet<SectionType> = new Set(['peers', 'resolvers', 'cache', 'http-errors', 'ring', 'mailers', 'log-forward', 'fcgi-app', 'userlist']);

const where = (word: Word) => `line ${word.range.start.line + 1}`;

// Proxies by name on each side (a listen is on both): a name is looked at again only when two proxies of one side share it.
const frontendNames = new ListGroups<Proxy>((proxy) => ((proxy.kind === 'frontend' || proxy.kind === 'listen') && proxy.nameWord ? proxy.name : undefined));
const backendNames = new ListGroups<Proxy>((proxy) => ((proxy.kind === 'backend' || proxy.kind === 'listen') && proxy.nameWord ? proxy.name : undefined));

/** Named sections HAProxy wants unique, by type and name. */
const sectionNames = new ListGroups<Section>((section) => (section.name && UNIQUE_SECTIONS.has(section.type) ? `${section.type}\u0000${section.name.value}` : undefined));

/** Sections (or proxies, by their sections) in the order of the file. */
function inFileOrder<T>(items: readonly T[], sectionOf: (item: T) => Section): T[] {
  return [...items].sort((a, b) => sectionOf(a).keyword.range.start.offset - sectionOf(b).keyword.range.start.offset);
}

function checkProxies(context: RuleContext): void {
  const proxies = context.model.proxies;
  const names = new Set([...frontendNames.shared(proxies).keys(), ...backendNames.shared(proxies).keys()]);
  for (const name of names) {
    const group = new Set([...frontendNames.group(proxies, name), ...backendNames.group(proxies, name)]);
    // A listen section is both a frontend and a backend: its name clashes with either.
    let frontend: Proxy | undefined;
    let backend: Proxy | undefined;
    for (const proxy of inFileOrder([...group], (p) => p.section)) {
      const front = proxy.kind !== 'backend';
      const back = proxy.kind !== 'frontend';
      const clash = (front ? frontend : undefined) ?? (back ? backend : undefined);
      if (clash?.nameWord && !clash.section.guard && !proxy.section.guard) {
        context.report({
          message: `${proxy.kind} '${proxy.name}' has the same name as ${clash.kind} '${clash.name}' at ${where(clash.nameWord)}.`,
          range: proxy.nameWord!.range,
        });
      }
      if (front) frontend ??= proxy;
      if (back) backend ??= proxy;
    }
  }
}

/** True when two servers of a short list (default-server lines aside) may have the same name, without a map. */
function sharesServerName(servers: readonly ServerDefinition[]): boolean {
  if (servers.length > 32) return true;
  for (let i = 1; i < servers.length; i++) {
    const name = servers[i].name;
    if (servers[i].isDefault || !name) continue;
    for (let j = 0; j < i; j++) if (!servers[j].isDefault && servers[j].name === name) return true;
  }
  return false;
}

function checkServers(context: RuleContext, proxy: Proxy): void {
  const servers = proxy.servers;
  if (servers.length < 2 || !sharesServerName(servers)) return;
  const seen = new Map<string, Word>();
  for (let i = 0; i < servers.length; i++) {
    const server = servers[i];
    if (server.isDefault || !server.name) continue;
    const first = seen.get(server.name);
    if (first && !server.directive.guard) context.report({ message: `Server '${server.name}' is already defined at ${where(first)} in ${proxy.kind} '${proxy.name}'.`, range: server.nameWord.range });
    else seen.set(server.name, server.nameWord);
  }
}

function checkSections(context: RuleContext): void {
  for (const group of sectionNames.shared(context.file.sections).values()) {
    let first: Word | undefined;
    for (const section of inFileOrder(group, (section) => section)) {
      if (section.guard) continue;
      if (!first) {
        first = section.name;
        continue;
      }
      const ignored = section.type === 'userlist';
      context.report({
        message: `${section.type} '${section.name!.value}' is already defined at ${where(first)}${ignored ? '; HAProxy ignores this one' : ''}.`,
        range: section.name!.range,
        severity: ignored ? 'warning' : undefined,
      });
    }
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

/**
 * Reports two proxies, servers or named sections sharing one name. Repeated `acl` lines are legal and not reported.
 * Servers and userlist members are compared within their section; proxies and named sections across the file.
 */
export const duplicateNameRule: Rule = {
  name: 'duplicate-name',
  defaultSeverity: 'error',
  description: 'Two proxies, two servers of one backend, or two named sections of one kind share a name.',
  quotesLineNumbers: true,
  checkSection(context) {
    const { proxy, section } = context;
    if (proxy && (proxy.kind === 'backend' || proxy.kind === 'listen')) checkServers(context, proxy);
    if (section.type === 'userlist') checkUsers(context, section);
  },
  check(context) {
    checkProxies(context);
    checkSections(context);
  },
};
