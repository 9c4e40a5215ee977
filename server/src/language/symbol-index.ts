import type { ConfigModel, Proxy, SymbolDefinition, SymbolKind, SymbolReference } from '../model/config-model';
import type { Range } from '../syntax/ast';

/** A name written in the config: where it is defined or used. */
export interface SymbolSite {
  kind: SymbolKind;
  name: string;
  range: Range;
  role: 'definition' | 'reference';
  scope?: Proxy;
  scopeName?: string;
  dynamic: boolean;
}

/** Room for the position of a definition or reference in a sort key (start offset * INDEX_SPAN + position). */
const INDEX_SPAN = 2 ** 21;

/**
 * The definitions and references of a model in text order, as sort keys: a typed array sorts natively, much
 * faster than objects with a comparator, and sites are made only for the names looked up. Built once per model.
 */
interface SiteIndex {
  keys: Float64Array;
  definitions: readonly SymbolDefinition[];
  references: readonly SymbolReference[];
}

const cache = new WeakMap<ConfigModel, SiteIndex>();

function siteIndex(model: ConfigModel): SiteIndex {
  let index = cache.get(model);
  if (!index) {
    const { definitions, references } = model;
    const keys = new Float64Array(definitions.length + references.length);
    definitions.forEach((d, i) => (keys[i] = d.range.start.offset * INDEX_SPAN + i));
    references.forEach((r, i) => (keys[definitions.length + i] = r.range.start.offset * INDEX_SPAN + definitions.length + i));
    keys.sort();
    index = { keys, definitions, references };
    cache.set(model, index);
  }
  return index;
}

function siteAt(index: SiteIndex, key: number): SymbolSite {
  const at = key % INDEX_SPAN;
  if (at < index.definitions.length) {
    const d = index.definitions[at];
    return { kind: d.kind, name: d.name, range: d.range, role: 'definition', scope: d.scope, scopeName: d.scopeName, dynamic: false };
  }
  const r = index.references[at - index.definitions.length];
  return { kind: r.kind, name: r.name, range: r.range, role: 'reference', scope: r.scope, scopeName: r.scopeName, dynamic: r.dynamic };
}

/** Builds the index of a model ahead of the first lookup (see the language server's warm-up). */
export function indexSymbols(model: ConfigModel): void {
  siteIndex(model);
}

/** The definition or reference whose range holds `offset` (binary search; ranges do not overlap much). */
export function symbolAt(model: ConfigModel, offset: number): SymbolSite | undefined {
  const index = siteIndex(model);
  const keys = index.keys;
  let low = 0;
  let high = keys.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (Math.floor(keys[mid] / INDEX_SPAN) <= offset) {
      last = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  for (let i = last; i >= 0 && i > last - 4; i--) {
    const site = siteAt(index, keys[i]);
    if (site.range.start.offset <= offset && offset <= site.range.end.offset && !site.dynamic) return site;
  }
  return undefined;
}
