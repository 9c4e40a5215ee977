import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { ConfigModel } from '../model/config-model';
import type { Section } from '../syntax/ast';
import { toLspRange } from './convert';

const SECTION_SYMBOL: Record<string, SymbolKind> = {
  global: SymbolKind.Module,
  defaults: SymbolKind.Namespace,
  frontend: SymbolKind.Interface,
  backend: SymbolKind.Class,
  listen: SymbolKind.Class,
};

/** The outline: one symbol per section, with its binds, servers and ACLs as children. */
export function documentSymbols(model: ConfigModel): DocumentSymbol[] {
  const proxyOf = new Map(model.proxies.map((p) => [p.section, p]));
  return model.file.sections.map((section) => {
    const proxy = proxyOf.get(section);
    const children: DocumentSymbol[] = [];
    for (const bind of proxy?.binds ?? []) {
      if (bind.address) children.push(symbol(bind.address.value, 'bind', SymbolKind.Event, bind.directive.range, bind.address.range));
    }
    for (const server of proxy?.servers ?? []) {
      if (!server.isDefault) children.push(symbol(server.name, server.address?.value ?? 'server', SymbolKind.Object, server.directive.range, server.nameWord.range));
    }
    for (const [name, acls] of proxy?.acls ?? []) {
      children.push(symbol(name, 'acl', SymbolKind.Boolean, acls[0].directive.range, acls[0].nameWord.range));
    }
    return { ...sectionSymbol(section), children };
  });
}

function sectionSymbol(section: Section): DocumentSymbol {
  const name = section.name?.value ?? section.type;
  return symbol(name || section.type, section.name ? section.type : '', SECTION_SYMBOL[section.type] ?? SymbolKind.Struct, section.range, (section.name ?? section.keyword).range);
}

function symbol(name: string, detail: string, kind: SymbolKind, range: Section['range'], selection: Section['range']): DocumentSymbol {
  return { name: name || '(unnamed)', detail, kind, range: toLspRange(range), selectionRange: toLspRange(selection) };
}
