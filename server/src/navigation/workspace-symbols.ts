import type { SymbolKind } from '../model/config-model';
import type { Range } from '../syntax/ast';
import type { ConfigSetMember } from './config-set';

/** A named section found by a workspace symbol search. */
export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  uri: string;
  range: Range;
}

/** Kinds that name whole sections: what a workspace search lists. ACLs, servers and users stay in the outline. */
const SECTION_KINDS = new Set<SymbolKind>([
  'frontend',
  'backend',
  'listen',
  'defaults',
  'userlist',
  'resolvers',
  'peers',
  'ring',
  'cache',
  'http-errors',
  'mailers',
  'log-forward',
  'crt-store',
  'fcgi-app',
  'log-profile',
]);

/**
 * The sections of every given file whose name matches `query`: the query's characters must appear in the
 * name in order, ignoring case (an empty query matches everything), as editors filter symbol lists.
 */
export function workspaceSymbols(files: readonly ConfigSetMember[], query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase();
  const symbols: WorkspaceSymbol[] = [];
  const seen = new Set<string>();
  for (const { uri, model } of files) {
    if (seen.has(uri)) continue;
    seen.add(uri);
    for (const definition of model.definitions) {
      if (SECTION_KINDS.has(definition.kind) && matchesInOrder(definition.name.toLowerCase(), wanted)) {
        symbols.push({ name: definition.name, kind: definition.kind, uri, range: definition.range });
      }
    }
  }
  return symbols;
}

function matchesInOrder(name: string, query: string): boolean {
  let at = 0;
  for (const c of query) {
    at = name.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
