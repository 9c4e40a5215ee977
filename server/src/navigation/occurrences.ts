import type { ConfigModel, Proxy, SymbolDefinition, SymbolKind, SymbolReference } from '../model/config-model';
import type { Range } from '../syntax/ast';
import { subRange } from '../syntax/positions';

/**
 * One place where a symbol's name is written. `range` covers exactly the text a rename replaces, and
 * `namespaces` say what the name identifies: the occurrence's identity keys are `namespace + name`.
 * Occurrences sharing a key name the same thing. A `listen` has two namespaces (it is both a frontend and
 * a backend), and a proxy with a `stick-table` also names a table.
 */
export interface Occurrence {
  kind: SymbolKind;
  /** The name as written at `range`. */
  name: string;
  /** The name as other sections refer to it, when it differs (`PEERS/TABLE` for a peers table). */
  qualifiedName: string;
  namespaces: string[];
  range: Range;
  role: 'definition' | 'reference';
  /** For definitions: the whole section or line. */
  fullRange?: Range;
}

/** An occurrence together with the file it is in. */
export interface LocatedOccurrence extends Occurrence {
  uri: string;
}

const cache = new WeakMap<ConfigModel, LocatedOccurrence[]>();

/** Every definition and static reference of a model as occurrences, in text order. `uri` scopes ACL identities. */
export function occurrencesOf(model: ConfigModel, uri: string): LocatedOccurrence[] {
  let found = cache.get(model);
  if (!found) {
    const collector = new OccurrenceCollector(model, uri);
    collector.definitions(model.definitions, 0, model.definitions.length);
    collector.references(model.references, 0, model.references.length);
    found = inTextOrder(collector.found);
    cache.set(model, found);
  }
  return found;
}

/**
 * The work of {@link occurrencesOf}, pausing after every `slice` definitions or references, for a server to
 * resume between requests. A lookup in the meantime builds the list at once; this then stops.
 */
export function* occurrencesInSlices(model: ConfigModel, uri: string, slice = 500): Generator<void> {
  if (cache.has(model)) return;
  const collector = new OccurrenceCollector(model, uri);
  for (let from = 0; from < model.definitions.length; from += slice) {
    collector.definitions(model.definitions, from, from + slice);
    yield;
    if (cache.has(model)) return;
  }
  for (let from = 0; from < model.references.length; from += slice) {
    collector.references(model.references, from, from + slice);
    yield;
    if (cache.has(model)) return;
  }
  cache.set(model, inTextOrder(collector.found));
}

/** Room for an item's position in a sort key (start offset * POSITION_SPAN + position). */
const POSITION_SPAN = 2 ** 21;

/** Sorts by start offset (stable), reading each offset once: a typed array of keys sorts natively. */
function inTextOrder<T extends { range: Range }>(items: T[]): T[] {
  const keys = new Float64Array(items.length);
  items.forEach((item, i) => (keys[i] = item.range.start.offset * POSITION_SPAN + i));
  keys.sort();
  return Array.from(keys, (key) => items[key % POSITION_SPAN]);
}

/**
 * Turns definitions and references into occurrences. Namespaces are made once per scope (the same string for
 * all the servers of a backend), and occurrences are built as plain literals: tens of thousands at 50k lines.
 */
class OccurrenceCollector {
  readonly found: LocatedOccurrence[] = [];
  private readonly namespaces = new Map<string, string[]>();
  private readonly aclNamespaces = new Map<Proxy | undefined, string[]>();
  /** Name ranges of the proxies with a stick-table: their own occurrence carries the table namespace. */
  private readonly withTable = new Set<Range>();

  constructor(
    model: ConfigModel,
    private readonly uri: string,
  ) {
    for (const definition of model.definitions) {
      const nameWord = definition.kind === 'table' ? definition.scope?.nameWord : undefined;
      if (nameWord) this.withTable.add(nameWord.range);
    }
  }

  definitions(list: readonly SymbolDefinition[], from: number, to: number): void {
    for (let i = from; i < Math.min(to, list.length); i++) this.definition(list[i]);
  }

  references(list: readonly SymbolReference[], from: number, to: number): void {
    for (let i = from; i < Math.min(to, list.length); i++) this.reference(list[i]);
  }

  private definition(d: SymbolDefinition): void {
    switch (d.kind) {
      case 'table':
        if (!d.scope) this.add(d.kind, d.name.slice(d.name.indexOf('/') + 1), d.name, d.range, 'definition', this.namespace(`table:${d.scopeName}/`), d.fullRange);
        return;
      case 'acl':
        return this.add(d.kind, d.name, d.name, d.range, 'definition', this.aclNamespace(d.scope), d.fullRange);
      case 'server':
        return this.add(d.kind, d.name, d.name, d.range, 'definition', this.namespace(`server:${d.scopeName}/`), d.fullRange);
      case 'user':
      case 'group':
        return this.add(d.kind, d.name, d.name, d.range, 'definition', this.namespace(`${d.kind}:${d.scopeName}/`), d.fullRange);
      case 'backend':
      case 'frontend':
      case 'listen': {
        const own = d.kind === 'listen' ? ['backend:', 'frontend:'] : [`${d.kind}:`];
        return this.add(d.kind, d.name, d.name, d.range, 'definition', this.namespace(...own, ...(this.withTable.has(d.range) ? ['table:'] : [])), d.fullRange);
      }
      default:
        return this.add(d.kind, d.name, d.name, d.range, 'definition', this.namespace(`${d.kind}:`), d.fullRange);
    }
  }

  private reference(r: SymbolReference): void {
    if (r.dynamic || !r.name) return;
    switch (r.kind) {
      case 'table': {
        const slash = r.name.indexOf('/');
        if (slash < 0) return this.add(r.kind, r.name, r.name, r.range, 'reference', this.namespace('table:'));
        const peers = r.name.slice(0, slash);
        const table = r.name.slice(slash + 1);
        this.add('peers', peers, peers, subRange(r.range, 0, slash), 'reference', this.namespace('peers:'));
        return this.add(r.kind, table, r.name, subRange(r.range, slash + 1, r.name.length), 'reference', this.namespace(`table:${peers}/`));
      }
      case 'acl':
        return this.add(r.kind, r.name, r.name, r.range, 'reference', this.aclNamespace(r.scope));
      case 'server':
        return this.add(r.kind, r.name, r.name, r.range, 'reference', this.namespace(`server:${r.scopeName ?? r.scope?.name}/`));
      case 'user':
      case 'group':
        return this.add(r.kind, r.name, r.name, r.range, 'reference', this.namespace(`${r.kind}:${r.scopeName}/`));
      case 'listen':
        return this.add(r.kind, r.name, r.name, r.range, 'reference', this.namespace('backend:', 'frontend:'));
      default:
        return this.add(r.kind, r.name, r.name, r.range, 'reference', this.namespace(`${r.kind}:`));
    }
  }

  private add(kind: SymbolKind, name: string, qualifiedName: string, range: Range, role: Occurrence['role'], namespaces: string[], fullRange?: Range): void {
    const occurrence: LocatedOccurrence = { kind, name, qualifiedName, namespaces, range, role, uri: this.uri };
    if (fullRange) occurrence.fullRange = fullRange;
    this.found.push(occurrence);
  }

  /** One shared list per namespace combination (treat as read-only). */
  private namespace(...names: string[]): string[] {
    const key = names.join(' ');
    let list = this.namespaces.get(key);
    if (!list) this.namespaces.set(key, (list = names));
    return list;
  }

  /** ACLs are local to their proxy, which is identified by its file and position (defaults may have no name). */
  private aclNamespace(scope: Proxy | undefined): string[] {
    let list = this.aclNamespaces.get(scope);
    if (!list) this.aclNamespaces.set(scope, (list = [`acl:${this.uri}#${scope?.section.range.start.offset ?? -1}/`]));
    return list;
  }
}
