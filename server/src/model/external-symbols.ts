import type { ConfigModel, Proxy, SymbolDefinition, SymbolKind } from './config-model';

/** A definition found in another file of the same multi-file config. */
export interface ExternalDefinition extends SymbolDefinition {
  /** The file the definition is in. */
  uri: string;
}

/**
 * What a file can see of the other files HAProxy loads with it (`haproxy -f a.cfg -f b.cfg`, or the
 * `haproxy.configFiles` setting). Absent on a model built from a lone file.
 */
export interface ExternalSymbols {
  /**
   * Definitions of `kind`/`name` in the other files. `scopeName` narrows servers and ACLs to the proxy of
   * that name, and users/groups to the userlist of that name.
   */
  definitionsOf(kind: SymbolKind, name: string, scopeName?: string): ExternalDefinition[];
  /** A backend or listen section of that name in the other files. */
  findBackend(name: string): Proxy | undefined;
  /**
   * The defaults sections of the files loaded before this one: the last one (inherited by proxies that name
   * none) and the named ones (for `from NAME`).
   */
  precedingDefaults?(): { last?: Proxy; named: ReadonlyMap<string, Proxy> };
}

/** Options of `buildModel`. */
export interface ModelOptions {
  external?: ExternalSymbols;
  /**
   * The model of the previous version of the same document: its lists and indexes are brought up to date rather than
   * built again (the parts of the sections an edit did not touch are the same objects).
   */
  previous?: ConfigModel;
}
