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

const cache = new WeakMap<ConfigModel, Occurrence[]>();

/** Every definition and static reference of a model as occurrences, in text order. `uri` scopes ACL identities. */
export function occurrencesOf(model: ConfigModel, uri: string): Occurrence[] {
  let found = cache.get(model);
  if (!found) {
    found = [
      ...model.definitions.flatMap((definition) => definitionOccurrences(model, definition, uri)),
      ...model.references.flatMap((reference) => referenceOccurrences(reference, uri)),
    ].sort((a, b) => a.range.start.offset - b.range.start.offset);
    cache.set(model, found);
  }
  return found;
}

/** The identity keys of an occurrence, or of the same place renamed to `name`. */
export function keysOf(occurrence: Occurrence, name = occurrence.name): string[] {
  return occurrence.namespaces.map((namespace) => namespace + name);
}

function definitionOccurrences(model: ConfigModel, definition: SymbolDefinition, uri: string): Occurrence[] {
  const base = { kind: definition.kind, name: definition.name, qualifiedName: definition.name, range: definition.range, role: 'definition' as const, fullRange: definition.fullRange };
  switch (definition.kind) {
    case 'table':
      // A proxy's stick-table is named after the proxy: the proxy's own occurrence carries the table namespace.
      if (definition.scope) return [];
      return [{ ...base, name: definition.name.slice(definition.name.indexOf('/') + 1), namespaces: [`table:${definition.scopeName}/`] }];
    case 'acl':
      return [{ ...base, namespaces: [aclNamespace(definition.scope, uri)] }];
    case 'server':
      return [{ ...base, namespaces: [`server:${definition.scopeName}/`] }];
    case 'user':
    case 'group':
      return [{ ...base, namespaces: [`${definition.kind}:${definition.scopeName}/`] }];
    case 'backend':
    case 'frontend':
    case 'listen': {
      const proxy = model.proxies.find((p) => p.nameWord?.range === definition.range);
      const namespaces = definition.kind === 'listen' ? ['backend:', 'frontend:'] : [`${definition.kind}:`];
      if (proxy?.directives.some((d) => d.keyword.value === 'stick-table' && !d.prefix)) namespaces.push('table:');
      return [{ ...base, namespaces }];
    }
    default:
      return [{ ...base, namespaces: [`${definition.kind}:`] }];
  }
}

function referenceOccurrences(reference: SymbolReference, uri: string): Occurrence[] {
  if (reference.dynamic || !reference.name) return [];
  const base = { kind: reference.kind, name: reference.name, qualifiedName: reference.name, range: reference.range, role: 'reference' as const };
  switch (reference.kind) {
    case 'table': {
      const slash = reference.name.indexOf('/');
      if (slash < 0) return [{ ...base, namespaces: ['table:'] }];
      const peers = reference.name.slice(0, slash);
      const table = reference.name.slice(slash + 1);
      return [
        { ...base, kind: 'peers', name: peers, qualifiedName: peers, range: subRange(reference.range, 0, slash), namespaces: ['peers:'] },
        { ...base, name: table, range: subRange(reference.range, slash + 1, reference.name.length), namespaces: [`table:${peers}/`] },
      ];
    }
    case 'acl':
      return [{ ...base, namespaces: [aclNamespace(reference.scope, uri)] }];
    case 'server':
      return [{ ...base, namespaces: [`server:${reference.scopeName ?? reference.scope?.name}/`] }];
    case 'user':
    case 'group':
      return [{ ...base, namespaces: [`${reference.kind}:${reference.scopeName}/`] }];
    case 'listen':
      return [{ ...base, namespaces: ['backend:', 'frontend:'] }];
    default:
      return [{ ...base, namespaces: [`${reference.kind}:`] }];
  }
}

/** ACLs are local to their proxy, which is identified by its file and position (defaults may have no name). */
function aclNamespace(scope: Proxy | undefined, uri: string): string {
  return `acl:${uri}#${scope?.section.range.start.offset ?? -1}/`;
}
