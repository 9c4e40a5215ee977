/**
 * Between two versions of a config, the parser keeps the sections an edit did not touch and the model keeps their
 * proxies (the same objects, in the same order). What a rule derives from a whole list of them can then be brought
 * up to date by looking at the items that changed only, instead of at every item of a large config on every edit.
 */

import { identicalEnds, type ListChange } from '../model/list-ends';

export type { ListChange } from '../model/list-ends';

// Several trackers follow the same lists (the proxies of each model, say): the last comparison of each list is kept.
const lastChanges = new WeakMap<readonly unknown[], { after: readonly unknown[]; change: ListChange }>();

/** The common head and tail of two lists, compared by identity (they never overlap). */
export function listChange<T>(before: readonly T[], after: readonly T[]): ListChange {
  const last = lastChanges.get(before);
  if (last?.after === after) return last.change;
  const change = identicalEnds(before, after);
  lastChanges.set(before, { after, change });
  return change;
}


/** What a tracker keeps about one version of a list. */
export type ListState = object;

const KEPT_STATES = 4;

/**
 * Keeps a state derived from a list and updates it from version to version. States of a few unrelated lists are
 * kept (several open files); a list that shares its first or last item with one of them continues it.
 *
 * A state lives as long as its list, and the tracker holds lists weakly: it never keeps an old version of a
 * document alive. (A document keeps the previous version's model until its own analysis is done, so the previous
 * list is still there to be continued.)
 */
export abstract class ListTracker<T extends object, S extends ListState> {
  private readonly states = new WeakMap<readonly T[], S>();
  private recent: WeakRef<readonly T[]>[] = [];

  /** Derives the state of a list from all its items. */
  protected abstract create(list: readonly T[]): S;

  /** Turns the state of `before` into that of `list`; the items outside the change are the same objects. */
  protected abstract update(state: S, before: readonly T[], list: readonly T[], change: ListChange): void;

  /** The state of `list`, updated from the closest state kept (and kept in its place). */
  protected stateOf(list: readonly T[]): S {
    let state = this.states.get(list);
    if (state) return state;
    const first = list[0];
    const last = list[list.length - 1];
    this.recent = this.recent.filter((ref) => ref.deref() !== undefined);
    const at = list.length === 0 ? -1 : this.recent.findIndex((ref) => {
      const kept = ref.deref()!;
      return kept[0] === first || kept[kept.length - 1] === last;
    });
    const before = at < 0 ? undefined : this.recent[at].deref();
    const continued = before && this.states.get(before);
    if (before && continued) {
      this.states.delete(before);
      this.recent.splice(at, 1);
      this.update(continued, before, list, listChange(before, list));
      state = continued;
    } else {
      state = this.create(list);
    }
    this.states.set(list, state);
    this.recent.unshift(new WeakRef(list));
    if (this.recent.length > KEPT_STATES) this.recent.length = KEPT_STATES;
    return state;
  }
}

interface FilterState {
  /** Indices of the items that pass the test, in order. */
  members: number[];
}

/**
 * The items of a list that pass a test, for successive versions of the list: only the items an edit replaced are
 * tested again. The test must depend on the item alone (a proxy's own lines and defaults, say).
 */
export class ListFilter<T extends object> extends ListTracker<T, FilterState> {
  private readonly results = new WeakMap<readonly T[], readonly T[]>();

  constructor(private readonly test: (item: T) => boolean) {
    super();
  }

  /** The items of `list` that pass the test, in order. */
  of(list: readonly T[]): readonly T[] {
    let result = this.results.get(list);
    if (!result) {
      const members = this.stateOf(list).members;
      result = members.map((index) => list[index]);
      this.results.set(list, result);
    }
    return result;
  }

  protected create(list: readonly T[]): FilterState {
    const members: number[] = [];
    for (let i = 0; i < list.length; i++) if (this.test(list[i])) members.push(i);
    return { members };
  }

  protected update(state: FilterState, previous: readonly T[], list: readonly T[], { head, tail }: ListChange): void {
    const before = previous.length;
    const members: number[] = [];
    for (const index of state.members) {
      if (index >= head) break;
      members.push(index);
    }
    for (let i = head; i < list.length - tail; i++) if (this.test(list[i])) members.push(i);
    for (const index of state.members) if (index >= before - tail) members.push(index + list.length - before);
    state.members = members;
  }
}

interface GroupState<T> {
  groups: Map<string, T[]>;
  /** Keys of the groups with two items or more. */
  shared: Set<string>;
}

/**
 * The items of a list grouped by a key, for successive versions of the list: only the items an edit replaced are
 * regrouped. The key must depend on the item alone; items without one are left out.
 */
export class ListGroups<T extends object> extends ListTracker<T, GroupState<T>> {
  constructor(private readonly keyOf: (item: T) => string | undefined) {
    super();
  }

  /** The groups of two items or more, by key (items in no particular order). */
  shared(list: readonly T[]): Map<string, readonly T[]> {
    const state = this.stateOf(list);
    return new Map([...state.shared].map((key) => [key, state.groups.get(key)!]));
  }

  /** The items of a list that have the given key (in no particular order). */
  group(list: readonly T[], key: string): readonly T[] {
    return this.stateOf(list).groups.get(key) ?? [];
  }

  protected create(list: readonly T[]): GroupState<T> {
    const state: GroupState<T> = { groups: new Map(), shared: new Set() };
    for (let i = 0; i < list.length; i++) this.add(state, list[i]);
    return state;
  }

  protected update(state: GroupState<T>, before: readonly T[], list: readonly T[], { head, tail }: ListChange): void {
    for (let i = head; i < before.length - tail; i++) this.remove(state, before[i]);
    for (let i = head; i < list.length - tail; i++) this.add(state, list[i]);
  }

  private add(state: GroupState<T>, item: T): void {
    const key = this.keyOf(item);
    if (key === undefined) return;
    const group = state.groups.get(key);
    if (!group) {
      state.groups.set(key, [item]);
      return;
    }
    group.push(item);
    state.shared.add(key);
  }

  private remove(state: GroupState<T>, item: T): void {
    const key = this.keyOf(item);
    const group = key === undefined ? undefined : state.groups.get(key);
    const at = group ? group.indexOf(item) : -1;
    if (!group || at < 0) return;
    group.splice(at, 1);
    if (group.length < 2) state.shared.delete(key!);
    if (group.length === 0) state.groups.delete(key!);
  }
}
