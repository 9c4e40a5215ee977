import type { AclCriterion, ConfigFile, Directive, Range, Section, Word } from '../syntax/ast';
import { subRange } from '../syntax/positions';
import { PROXY_SECTIONS } from '../syntax/section-keywords';
import { collectSectionCrossReferences, resolveServerScopes } from './cross-references';
import { aclCriterionOf, valueWordsOf } from './directive-words';
import type { ExternalSymbols, ModelOptions } from './external-symbols';
import { collectSectionFileReferences, type FileReference } from './file-references';
import { identicalEnds } from './list-ends';
import { assembleLists, PartIndex, type PartLists, type SectionPart } from './section-parts';

export type ProxyKind = 'defaults' | 'frontend' | 'backend' | 'listen';

/** One `acl NAME criterion ...` line. Several lines with one name OR together. */
export interface AclDefinition {
  name: string;
  nameWord: Word;
  criterion?: AclCriterion;
  directive: Directive;
}

export interface ServerDefinition {
  name: string;
  nameWord: Word;
  address?: Word;
  /** Options after the address, e.g. `check`, `weight 10`, `cookie web01`, `backup`. */
  options: Word[];
  directive: Directive;
  /** True for `default-server` lines. */
  isDefault: boolean;
}

export interface BindDefinition {
  address?: Word;
  options: Word[];
  directive: Directive;
}

/** A frontend, backend, listen or defaults section, with what it inherits. */
export interface Proxy {
  kind: ProxyKind;
  name: string;
  nameWord?: Word;
  section: Section;
  /** The defaults section this proxy takes its settings from (named with `from`, else the last one above). */
  defaults?: Proxy;
  /** `mode` of the proxy itself, else of its defaults, else `tcp` as HAProxy does. */
  mode: 'http' | 'tcp' | 'log' | 'spop' | string;
  acls: Map<string, AclDefinition[]>;
  servers: ServerDefinition[];
  binds: BindDefinition[];
  directives: Directive[];
}

export type SymbolKind =
  | 'backend'
  | 'frontend'
  | 'listen'
  | 'defaults'
  | 'acl'
  | 'server'
  | 'userlist'
  | 'user'
  | 'group'
  | 'resolvers'
  | 'peers'
  | 'ring'
  | 'cache'
  | 'http-errors'
  | 'mailers'
  | 'table'
  | 'log-forward'
  | 'crt-store'
  | 'fcgi-app'
  | 'log-profile';

/** A name defined in the config: a proxy, an ACL, a server, a userlist... */
export interface SymbolDefinition {
  kind: SymbolKind;
  name: string;
  range: Range;
  /** The range of the whole definition (section or line). */
  fullRange: Range;
  /** For ACLs and servers: the proxy they belong to. */
  scope?: Proxy;
  /** For ACLs and servers: the name of their proxy; for users and groups: the name of their userlist. */
  scopeName?: string;
}

/** A use of a name: `use_backend NAME`, an ACL in a condition, `userlist` in `http_auth(NAME)`... */
export interface SymbolReference {
  kind: SymbolKind;
  name: string;
  range: Range;
  scope?: Proxy;
  directive: Directive;
  /** True when the name is computed at run time (`%[...]`), so it cannot be checked. */
  dynamic: boolean;
  /**
   * For a server: the name of the backend it belongs to (`track be/srv`, `srv_is_up(be/srv)`), which may
   * live in another file; for a user or group: the name of its userlist.
   */
  scopeName?: string;
}

export interface ConfigModel {
  file: ConfigFile;
  proxies: Proxy[];
  definitions: SymbolDefinition[];
  references: SymbolReference[];
  /** File paths the config names: ACL pattern files, maps, error pages, certificates... */
  files: FileReference[];
  /** The other files of a multi-file config, when this file is one of several (see `haproxy.configFiles`). */
  external?: ExternalSymbols;
  /**
   * Look up a proxy able to serve as a backend (backend or listen) by name; in a multi-file config, a
   * backend of another file when this one has none of that name.
   */
  findBackend(name: string): Proxy | undefined;
  findProxy(kind: ProxyKind, name: string): Proxy | undefined;
  /**
   * Definitions of a name. Without `scope`, in a multi-file config, those of the other files when this
   * file has none.
   */
  definitionsOf(kind: SymbolKind, name: string, scope?: Proxy): SymbolDefinition[];
}

const NAMED_SECTION_SYMBOLS: Record<string, SymbolKind> = {
  userlist: 'userlist',
  resolvers: 'resolvers',
  peers: 'peers',
  ring: 'ring',
  cache: 'cache',
  'http-errors': 'http-errors',
  mailers: 'mailers',
  'log-forward': 'log-forward',
  'crt-store': 'crt-store',
  'fcgi-app': 'fcgi-app',
  'log-profile': 'log-profile',
};

const definitionKey = (kind: SymbolKind, name: string) => `${kind}\0${name}`;
const proxyKey = (kind: ProxyKind, name: string) => `${kind}:${name}`;

const sectionModels = new WeakMap<Section, SectionPart>();

const EMPTY: readonly never[] = Object.freeze([]);

/** A list kept for the life of a section, without the spare room of a list grown by push (most are empty). */
function compact<T>(items: T[]): T[] {
  return items.length === 0 ? (EMPTY as unknown as T[]) : items.slice();
}

function sectionModel(section: Section, inheritsFrom: Proxy | undefined): SectionPart {
  const cached = sectionModels.get(section);
  if (cached && cached.inheritsFrom === inheritsFrom) return cached;
  const definitions: SymbolDefinition[] = [];
  const references: SymbolReference[] = [];
  const symbolKind = NAMED_SECTION_SYMBOLS[section.type];
  if (symbolKind && section.name) {
    definitions.push({ kind: symbolKind, name: section.name.value, range: section.name.range, fullRange: section.range });
  }
  if (section.type === 'userlist') collectUsers(section, definitions);
  if (section.type === 'peers' && section.name) collectPeerTables(section, definitions);
  let proxy: Proxy | undefined;
  if (PROXY_SECTIONS.has(section.type)) {
    const kind = section.type as ProxyKind;
    proxy = createProxy(kind, section, inheritsFrom);
    if (section.from) {
      references.push({ kind: 'defaults', name: section.from.value, range: section.from.range, directive: headerDirective(section), dynamic: false });
    }
    if (proxy.nameWord) definitions.push({ kind, name: proxy.name, range: proxy.nameWord.range, fullRange: section.range });
    collectProxyContents(proxy, definitions, references);
  }
  const cross = collectSectionCrossReferences(section, proxy);
  const built: SectionPart = {
    inheritsFrom,
    proxy,
    proxies: proxy ? [proxy] : EMPTY,
    proxyKeys: proxy ? [proxyKey(proxy.kind, proxy.name)] : EMPTY,
    definitions: compact(definitions),
    references: compact(references),
    crossReferences: compact(cross.references),
    scoped: compact(cross.scoped),
    files: compact(collectSectionFileReferences(section)),
    definitionKeys: compact(definitions.map((d) => definitionKey(d.kind, d.name))),
  };
  sectionModels.set(section, built);
  return built;
}

/**
 * Builds the semantic model of a parsed config: proxies with inheritance, symbols and references.
 * With `options.external`, proxies may inherit defaults sections of the files loaded before this one.
 * What each section contributes is kept with the section, so sections an edit did not touch (see
 * `reparseConfig`) are not modelled again.
 */
export function buildModel(file: ConfigFile, options: ModelOptions = {}): ConfigModel {
  const parts: SectionPart[] = [];
  const preceding = options.external?.precedingDefaults?.();
  let lastDefaults: Proxy | undefined = preceding?.last;
  const namedDefaults = new Map<string, Proxy>(preceding?.named);

  for (const section of file.sections) {
    let inheritsFrom: Proxy | undefined;
    if (PROXY_SECTIONS.has(section.type)) {
      // Only frontends, backends and listens inherit the last defaults section; a defaults section starts empty
      // unless it names one with `from`.
      inheritsFrom = section.from ? namedDefaults.get(section.from.value) : section.type === 'defaults' ? undefined : lastDefaults;
    }
    const part = sectionModel(section, inheritsFrom);
    parts.push(part);
    const proxy = part.proxy;
    if (proxy?.kind === 'defaults') {
      lastDefaults = proxy;
      if (proxy.name) namedDefaults.set(proxy.name, proxy);
    }
  }

  const earlier = options.previous && modelRecords.get(options.previous);
  const change = earlier && identicalEnds(earlier.parts, parts);
  const lists = assembleLists(parts, earlier && { parts: earlier.parts, lists: earlier.lists, change: change! });
  const proxies = lists.proxies;
  const backendsByName = new Map<string, Proxy>();
  for (const proxy of proxies) {
    if ((proxy.kind === 'backend' || proxy.kind === 'listen') && !backendsByName.has(proxy.name)) backendsByName.set(proxy.name, proxy);
  }
  const findBackend = (name: string) => backendsByName.get(name);
  // Rules and language features look names up once per reference: indexes keep that linear in the size of the
  // file. They are built on first use (an edit that only needs the findings does not pay for them), or carried
  // over from the previous version and patched.
  const record: ModelRecord = {
    parts,
    lists,
    proxyIndex: new PartIndex(parts, (part) => part.proxyKeys, (part) => part.proxies, (proxy) => proxy.section.range.start.offset, earlier && { index: earlier.proxyIndex, parts: earlier.parts, change: change! }),
    definitionIndex: new PartIndex(parts, (part) => part.definitionKeys, (part) => part.definitions, (definition) => definition.range.start.offset, earlier && { index: earlier.definitionIndex, parts: earlier.parts, change: change! }),
  };
  // Cross references come after the others, proxies first, as readers of `references` expect.
  const references = lists.references.concat(lists.proxyCrossReferences, lists.otherCrossReferences);
  for (const part of parts) resolveServerScopes(part.scoped, findBackend);
  const external = options.external;

  const model: ConfigModel = {
    file,
    proxies,
    definitions: lists.definitions,
    references,
    files: lists.files,
    external,
    findBackend: (name) => findBackend(name) ?? external?.findBackend(name),
    findProxy: (kind, name) => record.proxyIndex.get(proxyKey(kind, name))?.[0],
    definitionsOf: (kind, name, scope) => {
      const local = (record.definitionIndex.get(definitionKey(kind, name)) ?? []).filter((d) => scope === undefined || d.scope === scope);
      return local.length > 0 || scope || !external ? local : external.definitionsOf(kind, name);
    },
  };
  modelRecords.set(model, record);
  return model;
}

/** What a later version's model takes from this one. */
interface ModelRecord {
  parts: readonly SectionPart[];
  lists: PartLists;
  proxyIndex: PartIndex<Proxy>;
  definitionIndex: PartIndex<SymbolDefinition>;
}

const modelRecords = new WeakMap<ConfigModel, ModelRecord>();

function createProxy(kind: ProxyKind, section: Section, defaults: Proxy | undefined): Proxy {
  const ownMode = section.directives.findLast((d) => d.keyword.value === 'mode' && !d.prefix)?.args[0]?.value;
  return {
    kind,
    name: section.name?.value ?? '',
    nameWord: section.name,
    section,
    defaults,
    mode: ownMode ?? defaults?.mode ?? 'tcp',
    acls: new Map(),
    servers: [],
    binds: [],
    directives: section.directives,
  };
}

function headerDirective(section: Section): Directive {
  return { kind: 'directive', keyword: section.keyword, args: section.headerArgs, range: section.headerRange };
}

const BACKEND_SWITCHING = new Set(['use_backend', 'default_backend']);

function collectProxyContents(proxy: Proxy, definitions: SymbolDefinition[], references: SymbolReference[]): void {
  for (const directive of proxy.directives) {
    const keyword = directive.keyword.value;
    const args = directive.args;
    if (keyword === 'acl' && args[0]) {
      const acl: AclDefinition = { name: args[0].value, nameWord: args[0], criterion: aclCriterionOf(directive), directive };
      const list = proxy.acls.get(acl.name) ?? [];
      list.push(acl);
      proxy.acls.set(acl.name, list);
      definitions.push({ kind: 'acl', name: acl.name, range: args[0].range, fullRange: directive.range, scope: proxy, scopeName: proxy.name });
    } else if ((keyword === 'server' || keyword === 'default-server') && !directive.prefix) {
      const isDefault = keyword === 'default-server';
      const nameWord = isDefault ? undefined : args[0];
      const server: ServerDefinition = {
        name: nameWord?.value ?? '',
        nameWord: nameWord ?? directive.keyword,
        address: isDefault ? undefined : args[1],
        options: args.slice(isDefault ? 0 : 2),
        directive,
        isDefault,
      };
      proxy.servers.push(server);
      if (nameWord) definitions.push({ kind: 'server', name: server.name, range: nameWord.range, fullRange: directive.range, scope: proxy, scopeName: proxy.name });
    } else if (keyword === 'bind') {
      proxy.binds.push({ address: args[0], options: args.slice(1), directive });
    } else if (keyword === 'stick-table') {
      definitions.push({ kind: 'table', name: proxy.name, range: directive.keyword.range, fullRange: directive.range, scope: proxy });
    }
    if (BACKEND_SWITCHING.has(keyword) && args[0]) {
      references.push({ kind: 'backend', name: args[0].value, range: args[0].range, scope: proxy, directive, dynamic: args[0].value.includes('%[') });
    }
    if (keyword === 'use-server' && args[0]) {
      references.push({ kind: 'server', name: args[0].value, range: args[0].range, scope: proxy, directive, dynamic: false });
    }
    collectConditionReferences(proxy, directive, references);
    collectOptionReferences(proxy, directive, references);
  }
}

function collectConditionReferences(proxy: Proxy, directive: Directive, references: SymbolReference[]): void {
  for (const group of directive.condition?.groups ?? []) {
    for (const term of group) {
      if (term.kind === 'acl-ref') {
        references.push({ kind: 'acl', name: term.name, range: term.nameRange, scope: proxy, directive, dynamic: false });
      }
    }
  }
}

const AUTH_REALM = /(?:^|[\s{(,])http_auth(?:_group)?\(([^),]+)/;
const TABLE_OPTION = /^(?:track-sc\d+|sc-inc-gpc\d*|sc-set-gpt\d*|sc-add-gpc)$/;

/** References made through keyword arguments: tables, userlists, caches, resolvers, peers, rings, http-errors. */
function collectOptionReferences(proxy: Proxy, directive: Directive, references: SymbolReference[]): void {
  const keyword = directive.keyword.value;
  const args = directive.args;
  const push = (kind: SymbolKind, word: Word | undefined) => {
    if (word) references.push({ kind, name: word.value, range: word.range, scope: proxy, directive, dynamic: word.value.includes('%[') });
  };
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === 'table' && (TABLE_OPTION.test(args[i - 2]?.value ?? '') || TABLE_OPTION.test(args[i - 1]?.value ?? '') || keyword === 'stick')) {
      push('table', args[i + 1]);
    }
    if (keyword === 'stick-table' && value === 'peers') push('peers', args[i + 1]);
    if ((keyword === 'server' || keyword === 'default-server') && value === 'resolvers') push('resolvers', args[i + 1]);
    if ((keyword === 'http-request' || keyword === 'http-response') && (value === 'cache-use' || value === 'cache-store')) push('cache', args[i + 1]);
    if (keyword === 'errorfiles' && i === 0) push('http-errors', args[0]);
    if (keyword === 'http-error' && value === 'errorfiles') push('http-errors', args[i + 1]);
  }
  if (keyword === 'log' && args[0]?.value.startsWith('ring@')) {
    const word = args[0];
    references.push({ kind: 'ring', name: word.value.slice(5), range: subRange(word.range, 5, word.raw.length), scope: proxy, directive, dynamic: false });
  }
  for (const word of valueWordsOf(directive)) {
    if (!word.raw.includes('http_auth')) continue;
    const match = AUTH_REALM.exec(word.raw);
    if (match) {
      const start = word.raw.indexOf(match[1], match.index);
      references.push({
        kind: 'userlist',
        name: match[1],
        range: subRange(word.range, start, start + match[1].length),
        scope: proxy,
        directive,
        dynamic: false,
      });
    }
  }
}


function collectUsers(section: Section, definitions: SymbolDefinition[]): void {
  for (const directive of section.directives) {
    const kind = directive.keyword.value;
    if ((kind === 'user' || kind === 'group') && directive.args[0]) {
      definitions.push({ kind, name: directive.args[0].value, range: directive.args[0].range, fullRange: directive.range, scopeName: section.name?.value });
    }
  }
}

function collectPeerTables(section: Section, definitions: SymbolDefinition[]): void {
  for (const directive of section.directives) {
    if (directive.keyword.value === 'table' && directive.args[0]) {
      // Other sections name a peers table `PEERS/TABLE`.
      definitions.push({ kind: 'table', name: `${section.name!.value}/${directive.args[0].value}`, range: directive.args[0].range, fullRange: directive.range, scopeName: section.name!.value });
    }
  }
}
