import { isKnownIn, keywordsOfKind } from '../model/catalog';
import type { ConfigModel } from '../model/config-model';
import { catalogItem, plainItem, type CompletionEntry, type CompletionKind } from './completion-items';
import type { Cursor } from './completion-cursor';
import { aclMarkdown } from './symbol-docs';

/** Names of the sections of a type (userlists, resolvers, caches...). */
export function sectionNames(c: Cursor, type: string): string[] {
  return c.doc.file.sections.filter((s) => s.type === type && s.name).map((s) => s.name!.value);
}

/** Items for names, in the order they are defined. */
export function nameItems(names: readonly string[], kind: CompletionKind, detail: string): CompletionEntry[] {
  return [...new Set(names)].map((name, i) => plainItem(name, kind, `0${String(i).padStart(4, '0')}`, { detail }));
}

const backendCache = new WeakMap<ConfigModel, CompletionEntry[]>();

function backendEntries(names: readonly string[]): CompletionEntry[] {
  return nameItems(names, 'backend', 'backend').map((item): CompletionEntry => ({ ...item, ref: { kind: 'backend', name: item.label } }));
}

function ownBackends(model: ConfigModel): string[] {
  return model.proxies.filter((p) => (p.kind === 'backend' || p.kind === 'listen') && p.name).map((p) => p.name);
}

/** Builds the backend items of a model ahead of the first completion that offers them. */
export function indexBackends(model: ConfigModel): void {
  if (!backendCache.has(model)) backendCache.set(model, backendEntries(ownBackends(model)));
}

/** Backends and listens of this file and of the other files of the config, cached per model. */
export function backendItems(c: Cursor): CompletionEntry[] {
  const others = c.env.otherBackends?.() ?? [];
  if (others.length) return backendEntries([...ownBackends(c.doc.model), ...others]);
  indexBackends(c.doc.model);
  return backendCache.get(c.doc.model)!;
}

/** Names a word after these words stands for (`table <name>`, `use_backend <name>`, `errorfiles <name>`). */
export const NAMES_AFTER: Readonly<Record<string, string>> = {
  use_backend: 'backend',
  default_backend: 'backend',
  'use-server': 'server',
  track: 'server',
  table: 'table',
  peers: 'peers',
  resolvers: 'resolvers',
  errorfiles: 'http-errors',
  'cache-use': 'cache',
  'cache-store': 'cache',
  'use-fcgi-app': 'fcgi-app',
  profile: 'log-profile',
  mailers: 'mailers',
  from: 'defaults',
};

/** Names of one kind of thing defined in the config: backends, servers of the proxy, tables, sections. */
export function namesOfKind(c: Cursor, kind: string): CompletionEntry[] {
  switch (kind) {
    case 'backend':
      return backendItems(c);
    case 'server':
      return nameItems(c.proxy?.servers.filter((s) => !s.isDefault).map((s) => s.name) ?? [], 'server', 'server');
    case 'table':
      return nameItems(
        c.doc.model.definitions.filter((d) => d.kind === 'table').map((d) => d.name),
        'reference',
        'stick-table',
      );
    case 'defaults':
      return nameItems(c.doc.model.proxies.filter((p) => p.kind === 'defaults' && p.name).map((p) => p.name), 'reference', 'defaults section');
    default:
      return nameItems(sectionNames(c, kind), 'reference', `${kind} section`);
  }
}

/** The ACLs of the proxy at the cursor, then the predefined ones. */
export function aclNameItems(c: Cursor): CompletionEntry[] {
  const proxy = c.proxy;
  const own = proxy
    ? [...proxy.acls.entries()].map(([name, definitions], i) => {
        const first = definitions[0];
        const criterion = first.directive.args.slice(1).map((a) => a.raw).join(' ');
        return plainItem(name, 'acl', `0${String(i).padStart(4, '0')}`, { detail: criterion, documentation: aclMarkdown(c.doc.model, name, proxy) ?? '' });
      })
    : [];
  const predefined = keywordsOfKind('predefined-acl')
    .filter((e) => isKnownIn(e, c.version))
    .map((e) => catalogItem(e, 'acl', e.name, { version: c.version, group: 'predefined', demoted: true }));
  return [...own, ...predefined];
}
