import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { SymbolKind as ConfigSymbolKind } from '../model/config-model';
import type { ConfigSetMember } from '../navigation/config-set';
import { workspaceSymbols } from '../navigation/workspace-symbols';
import { toLspRange } from './convert';

const KIND: Partial<Record<ConfigSymbolKind, SymbolKind>> = {
  frontend: SymbolKind.Interface,
  backend: SymbolKind.Class,
  listen: SymbolKind.Class,
  defaults: SymbolKind.Namespace,
};

/** workspace/symbol: the named sections of every open config and of the configured multi-file config. */
export function workspaceSymbolList(files: readonly ConfigSetMember[], query: string): SymbolInformation[] {
  return workspaceSymbols(files, query).map((symbol) => ({
    name: symbol.name,
    kind: KIND[symbol.kind] ?? SymbolKind.Struct,
    location: { uri: symbol.uri, range: toLspRange(symbol.range) },
    containerName: symbol.kind,
  }));
}
