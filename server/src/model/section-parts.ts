import type { Proxy, SymbolDefinition, SymbolReference } from './config-model';
import type { FileReference } from './file-references';
import type { ListChange } from './list-ends';

/** What one section adds to the model; kept per section so an edit rebuilds only the sections it touched. */
export interface SectionPart {
  /** The defaults proxy the section's proxy inherits from when this was built. */
  inheritsFrom: Proxy | undefined;
  proxy?: Proxy;
  /** The proxy as a list (empty or one item), and its index key. */
  proxies: readonly Proxy[];
  proxyKeys: readonly string[];
  definitions: readonly SymbolDefinition[];
  /** Index keys of `definitions`, made once (a string kept from one model to the next hashes once). */
  definitionKeys: readonly string[];
  references: readonly SymbolReference[];
  crossReferences: readonly SymbolReference[];
  /** Server references written `backend/server`, whose scope is looked up in each model. */
  scoped: readonly SymbolReference[];
  files: readonly FileReference[];
}

/** The lists of a model, each the concatenation of the same list of every part, in order. */
export interface PartLists {
  proxies: Proxy[];
  definitions: SymbolDefinition[];
  references: SymbolReference[];
  /** Cross references of the parts with a proxy, then of the others (the order readers of `references` expect). */
  proxyCrossReferences: SymbolReference[];
  otherCrossReferences: SymbolReference[];
  files: FileReference[];
}

const EMPTY: readonly never[] = Object.freeze([]);

const ITEMS: { [K in keyof PartLists]: (part: SectionPart) => readonly PartLists[K][number][] } = {
  proxies: (part) => part.proxies,
  definitions: (part) => part.definitions,
  references: (part) => part.references,
  proxyCrossReferences: (part) => (part.proxy ? part.crossReferences : EMPTY),
  otherCrossReferences: (part) => (part.proxy ? EMPTY : part.crossReferences),
  files: (part) => part.files,
};

const LIST_NAMES = Object.keys(ITEMS) as (keyof PartLists)[];

/**
 * The lists of a model made of `parts`. Given the parts and lists of the previous version, the unchanged head and tail
 * of each list are copied as blocks and only the items of the parts in between are added one by one.
 */
export function assembleLists(parts: readonly SectionPart[], previous?: { parts: readonly SectionPart[]; lists: PartLists; change: ListChange }): PartLists {
  const lists = {} as Record<keyof PartLists, unknown[]>;
  for (const name of LIST_NAMES) {
    const itemsOf = ITEMS[name] as (part: SectionPart) => readonly unknown[];
    lists[name] = previous ? spliced(previous.lists[name], previous.parts, parts, previous.change, itemsOf) : concatenated(parts, 0, parts.length, itemsOf);
  }
  return lists as unknown as PartLists;
}

function concatenated<T>(parts: readonly SectionPart[], from: number, to: number, itemsOf: (part: SectionPart) => readonly T[]): T[] {
  const items: T[] = [];
  for (let i = from; i < to; i++) {
    const own = itemsOf(parts[i]);
    for (let j = 0; j < own.length; j++) items.push(own[j]);
  }
  return items;
}

function countItems(parts: readonly SectionPart[], from: number, to: number, itemsOf: (part: SectionPart) => readonly unknown[]): number {
  let count = 0;
  for (let i = from; i < to; i++) count += itemsOf(parts[i]).length;
  return count;
}

function spliced<T>(before: readonly T[], beforeParts: readonly SectionPart[], parts: readonly SectionPart[], { head, tail }: ListChange, itemsOf: (part: SectionPart) => readonly T[]): T[] {
  const headCount = countItems(beforeParts, 0, head, itemsOf);
  const tailCount = countItems(beforeParts, beforeParts.length - tail, beforeParts.length, itemsOf);
  const middle = concatenated(parts, head, parts.length - tail, itemsOf);
  return before.slice(0, headCount).concat(middle, before.slice(before.length - tailCount));
}

/**
 * Items of the parts of a model by key, each key's items in file order, built on first use. The index of the
 * previous version is taken over and patched with the parts an edit replaced, when that version had built it
 * (the previous model then builds its own again if it is ever asked).
 */
export class PartIndex<T> {
  private map: Map<string, T[]> | undefined;
  private from: { index: PartIndex<T>; removed: readonly SectionPart[]; added: readonly SectionPart[] } | undefined;

  constructor(
    private readonly parts: readonly SectionPart[],
    private readonly keysOf: (part: SectionPart) => readonly string[],
    private readonly itemsOf: (part: SectionPart) => readonly T[],
    private readonly offsetOf: (item: T) => number,
    previous?: { index: PartIndex<T>; parts: readonly SectionPart[]; change: ListChange },
  ) {
    // Only a built index is carried: a chain of unbuilt ones would keep every earlier version alive.
    if (previous?.index.map) {
      const { head, tail } = previous.change;
      this.from = {
        index: previous.index,
        removed: previous.parts.slice(head, previous.parts.length - tail),
        added: parts.slice(head, parts.length - tail),
      };
    }
  }

  /** The items of a key, in file order. */
  get(key: string): readonly T[] | undefined {
    return (this.map ??= this.build()).get(key);
  }

  private build(): Map<string, T[]> {
    const from = this.from;
    this.from = undefined;
    const carried = from?.index.map;
    if (from && carried) {
      from.index.map = undefined;
      for (const part of from.removed) this.remove(carried, part);
      for (const part of from.added) this.insert(carried, part);
      return carried;
    }
    const map = new Map<string, T[]>();
    for (const part of this.parts) {
      const keys = this.keysOf(part);
      const items = this.itemsOf(part);
      for (let i = 0; i < keys.length; i++) {
        const list = map.get(keys[i]);
        if (list) list.push(items[i]);
        else map.set(keys[i], [items[i]]);
      }
    }
    return map;
  }

  private remove(map: Map<string, T[]>, part: SectionPart): void {
    const keys = this.keysOf(part);
    const items = this.itemsOf(part);
    for (let i = 0; i < keys.length; i++) {
      const list = map.get(keys[i]);
      const at = list ? list.indexOf(items[i]) : -1;
      if (at < 0) continue;
      list!.splice(at, 1);
      if (list!.length === 0) map.delete(keys[i]);
    }
  }

  private insert(map: Map<string, T[]>, part: SectionPart): void {
    const keys = this.keysOf(part);
    const items = this.itemsOf(part);
    for (let i = 0; i < keys.length; i++) {
      const item = items[i];
      const list = map.get(keys[i]);
      if (!list) {
        map.set(keys[i], [item]);
        continue;
      }
      const offset = this.offsetOf(item);
      let at = list.length;
      while (at > 0 && this.offsetOf(list[at - 1]) > offset) at--;
      list.splice(at, 0, item);
    }
  }
}
