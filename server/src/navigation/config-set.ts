import type { ConfigModel, Proxy, SymbolKind } from '../model/config-model';
import type { ExternalDefinition, ExternalSymbols } from '../model/external-symbols';
import { lineStarts } from '../syntax/line-starts';
import { rangeContains } from '../syntax/positions';
import { occurrencesInSlices, occurrencesOf, type LocatedOccurrence, type Occurrence } from './occurrences';

export type { LocatedOccurrence } from './occurrences';

/** One file of a config set. */
export interface ConfigSetMember {
  uri: string;
  model: ConfigModel;
}

/**
 * The files HAProxy loads together, in load order, seen as one config: a backend defined in one file
 * satisfies a `use_backend` in another. A lone file is a set of one.
 */
export class ConfigSet {
  private located?: Map<string, LocatedOccurrence[]>;
  private byName?: Map<string, LocatedOccurrence[]>;

  constructor(readonly members: readonly ConfigSetMember[]) {}

  has(uri: string): boolean {
    return this.members.some((member) => member.uri === uri);
  }

  model(uri: string): ConfigModel | undefined {
    return this.members.find((member) => member.uri === uri)?.model;
  }

  /** All occurrences of all files, or of one file. */
  occurrences(uri?: string): LocatedOccurrence[] {
    const located = this.locate();
    return uri === undefined ? [...located.values()].flat() : (located.get(uri) ?? []);
  }

  /**
   * The occurrence under a cursor (0-based line and column); the first in text order when two touch it. Names
   * sit on one line, so a binary search to the cursor's offset and a look back along its line find it.
   */
  occurrenceAt(uri: string, line: number, column: number): LocatedOccurrence | undefined {
    const list = this.occurrences(uri);
    const file = this.model(uri)?.file;
    const starts = file ? lineStarts(file) : [];
    if (line < 0 || line >= starts.length) return undefined;
    const offset = starts[line] + column;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (list[mid].range.start.offset <= offset) low = mid + 1;
      else high = mid - 1;
    }
    let found: LocatedOccurrence | undefined;
    for (let i = high; i >= 0 && list[i].range.end.line >= line; i--) {
      if (rangeContains(list[i].range, line, column)) found = list[i];
    }
    return found;
  }

  /** Builds the indexes lookups use ahead of the first lookup, pausing after each slice of work. */
  *indexInSlices(slice = 500): Generator<void> {
    for (const member of this.members) yield* occurrencesInSlices(member.model, member.uri, slice);
    const all = this.occurrences();
    const byName = new Map<string, LocatedOccurrence[]>();
    for (let from = 0; from < all.length; from += slice * 4) {
      if (this.byName) return;
      addByName(byName, all, from, from + slice * 4);
      yield;
    }
    this.byName ??= byName;
  }

  /**
   * Every occurrence naming the same thing as `target`, across all files, `target` included, in file and text
   * order. Two occurrences name the same thing when they share a namespace and a name; a name may lead to
   * more namespaces (a `listen` is a frontend and a backend), which are followed in turn.
   */
  related(target: Occurrence): LocatedOccurrence[] {
    const group = new Set<LocatedOccurrence>();
    const seen = new Set<string>();
    const pending = target.namespaces.map((namespace) => ({ namespace, name: target.name }));
    for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
      if (seen.has(key.namespace + key.name)) continue;
      seen.add(key.namespace + key.name);
      for (const occurrence of this.sharing(key.name, [key.namespace])) {
        if (group.has(occurrence)) continue;
        group.add(occurrence);
        pending.push(...occurrence.namespaces.map((namespace) => ({ namespace, name: occurrence.name })));
      }
    }
    const order = new Map(this.members.map((member, i) => [member.uri, i]));
    return [...group].sort((a, b) => order.get(a.uri)! - order.get(b.uri)! || a.range.start.offset - b.range.start.offset);
  }

  /** Definitions (outside `except`) of `name` in one of `namespaces`: what a symbol renamed to `name` would clash with. */
  definitionsNamed(name: string, namespaces: Iterable<string>, except: ReadonlySet<LocatedOccurrence> = new Set()): LocatedOccurrence[] {
    return this.sharing(name, [...new Set(namespaces)]).filter((occurrence) => occurrence.role === 'definition' && !except.has(occurrence));
  }

  /** Occurrences of `name` in any of `namespaces`. */
  private sharing(name: string, namespaces: readonly string[]): LocatedOccurrence[] {
    return (this.nameIndex().get(name) ?? []).filter((occurrence) => occurrence.namespaces.some((namespace) => namespaces.includes(namespace)));
  }

  private locate(): Map<string, LocatedOccurrence[]> {
    this.located ??= new Map(this.members.map((member) => [member.uri, occurrencesOf(member.model, member.uri)]));
    return this.located;
  }

  /** Occurrences by name, in file and text order (names are strings the tree already holds: nothing is built per key). */
  private nameIndex(): Map<string, LocatedOccurrence[]> {
    if (!this.byName) {
      const all = this.occurrences();
      this.byName = addByName(new Map(), all, 0, all.length);
    }
    return this.byName;
  }

  /** What the file `uri` sees of the other files of the set: their definitions, and defaults loaded earlier. */
  externalFor(uri: string): ExternalSymbols {
    return {
      definitionsOf: (kind, name, scopeName) => this.definitionsOutside(uri, kind, name, scopeName),
      findBackend: (name) =>
        this.members
          .filter((member) => member.uri !== uri)
          .flatMap((member) => member.model.proxies)
          .find((proxy) => (proxy.kind === 'backend' || proxy.kind === 'listen') && proxy.name === name),
      precedingDefaults: () => this.defaultsBefore(uri),
    };
  }

  private definitionsOutside(uri: string, kind: SymbolKind, name: string, scopeName?: string): ExternalDefinition[] {
    return this.members
      .filter((member) => member.uri !== uri)
      .flatMap((member) =>
        member.model.definitions
          .filter((d) => d.kind === kind && d.name === name && (scopeName === undefined || d.scopeName === scopeName))
          .map((d) => ({ ...d, uri: member.uri })),
      );
  }

  private defaultsBefore(uri: string): { last?: Proxy; named: ReadonlyMap<string, Proxy> } {
    const index = this.members.findIndex((member) => member.uri === uri);
    const named = new Map<string, Proxy>();
    let last: Proxy | undefined;
    for (const member of this.members.slice(0, Math.max(index, 0))) {
      for (const proxy of member.model.proxies) {
        if (proxy.kind !== 'defaults') continue;
        last = proxy;
        if (proxy.name) named.set(proxy.name, proxy);
      }
    }
    return { last, named };
  }
}

function addByName(byName: Map<string, LocatedOccurrence[]>, occurrences: readonly LocatedOccurrence[], from: number, to: number): Map<string, LocatedOccurrence[]> {
  for (let i = from; i < Math.min(to, occurrences.length); i++) {
    const occurrence = occurrences[i];
    const list = byName.get(occurrence.name);
    if (list) list.push(occurrence);
    else byName.set(occurrence.name, [occurrence]);
  }
  return byName;
}
