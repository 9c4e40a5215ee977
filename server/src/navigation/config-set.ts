import type { ConfigModel, Proxy, SymbolKind } from '../model/config-model';
import type { ExternalDefinition, ExternalSymbols } from '../model/external-symbols';
import { rangeContains } from '../syntax/positions';
import { keysOf, occurrencesOf, type Occurrence } from './occurrences';

/** One file of a config set. */
export interface ConfigSetMember {
  uri: string;
  model: ConfigModel;
}

/** An occurrence together with the file it is in. */
export interface LocatedOccurrence extends Occurrence {
  uri: string;
}

/**
 * The files HAProxy loads together, in load order, seen as one config: a backend defined in one file
 * satisfies a `use_backend` in another. A lone file is a set of one.
 */
export class ConfigSet {
  private located?: Map<string, LocatedOccurrence[]>;
  private byKey?: Map<string, LocatedOccurrence[]>;

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

  /** The occurrence under a cursor (0-based line and column). */
  occurrenceAt(uri: string, line: number, column: number): LocatedOccurrence | undefined {
    return this.occurrences(uri).find((occurrence) => rangeContains(occurrence.range, line, column));
  }

  /** Every occurrence naming the same thing as `target`, across all files, `target` included, in file and text order. */
  related(target: Occurrence): LocatedOccurrence[] {
    const index = this.keyIndex();
    const group = new Set<LocatedOccurrence>();
    const seenKeys = new Set<string>();
    const pending = keysOf(target);
    for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
      if (seenKeys.has(key)) continue;
      seenKeys.add(key);
      for (const occurrence of index.get(key) ?? []) {
        if (group.has(occurrence)) continue;
        group.add(occurrence);
        pending.push(...keysOf(occurrence));
      }
    }
    return this.occurrences().filter((occurrence) => group.has(occurrence));
  }

  /** Definitions (outside `except`) that have one of the given identity keys. */
  definitionsWithKeys(keys: Iterable<string>, except: ReadonlySet<LocatedOccurrence> = new Set()): LocatedOccurrence[] {
    const index = this.keyIndex();
    const found = new Set<LocatedOccurrence>();
    for (const key of keys) {
      for (const occurrence of index.get(key) ?? []) {
        if (occurrence.role === 'definition' && !except.has(occurrence)) found.add(occurrence);
      }
    }
    return [...found];
  }

  private locate(): Map<string, LocatedOccurrence[]> {
    this.located ??= new Map(
      this.members.map((member) => [member.uri, occurrencesOf(member.model, member.uri).map((occurrence) => ({ ...occurrence, uri: member.uri }))]),
    );
    return this.located;
  }

  private keyIndex(): Map<string, LocatedOccurrence[]> {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const occurrence of this.occurrences()) {
        for (const key of keysOf(occurrence)) {
          const list = this.byKey.get(key) ?? [];
          list.push(occurrence);
          this.byKey.set(key, list);
        }
      }
    }
    return this.byKey;
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
