import type { ConfigModel, Proxy, SymbolKind } from '../model/config-model';
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

const cache = new WeakMap<ConfigModel, SymbolSite[]>();

/** Every definition and reference of the model sorted by position, built once per model. */
function sites(model: ConfigModel): SymbolSite[] {
  let list = cache.get(model);
  if (!list) {
    list = [
      ...model.definitions.map((d): SymbolSite => ({ kind: d.kind, name: d.name, range: d.range, role: 'definition', scope: d.scope, scopeName: d.scopeName, dynamic: false })),
      ...model.references.map((r): SymbolSite => ({ kind: r.kind, name: r.name, range: r.range, role: 'reference', scope: r.scope, scopeName: r.scopeName, dynamic: r.dynamic })),
    ].sort((a, b) => a.range.start.offset - b.range.start.offset);
    cache.set(model, list);
  }
  return list;
}

/** The definition or reference whose range holds `offset` (binary search; ranges do not overlap much). */
export function symbolAt(model: ConfigModel, offset: number): SymbolSite | undefined {
  const list = sites(model);
  let low = 0;
  let high = list.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].range.start.offset <= offset) {
      last = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  for (let i = last; i >= 0 && i > last - 4; i--) {
    const site = list[i];
    if (site.range.start.offset <= offset && offset <= site.range.end.offset && !site.dynamic) return site;
  }
  return undefined;
}
