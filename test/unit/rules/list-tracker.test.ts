import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ListFilter, ListGroups, listChange } from '../../../server/src/analysis/list-tracker';

interface Item {
  key: string;
  keep: boolean;
}

/** A change of a list as an edit makes it: some items in the middle replaced by new ones (or by items seen before). */
interface Splice {
  at: number;
  remove: number;
  insert: { key: string; keep: boolean; reuse: number | undefined }[];
}

const spliceArbitrary: fc.Arbitrary<Splice> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 4 }),
  insert: fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), keep: fc.boolean(), reuse: fc.option(fc.nat(50), { nil: undefined }) }), { maxLength: 4 }),
});

function apply(list: readonly Item[], splice: Splice, seen: Item[]): Item[] {
  const at = Math.floor(splice.at * list.length);
  const kept = [...list.slice(0, at), ...list.slice(at + splice.remove)];
  const inserted: Item[] = [];
  for (const item of splice.insert) {
    // Reusing an item of an earlier version mimics a model that keeps an object (a restored section); a list never
    // holds one object twice.
    const old = item.reuse === undefined ? undefined : seen[item.reuse % Math.max(1, seen.length)];
    const next = old && !kept.includes(old) && !inserted.includes(old) ? old : { key: item.key, keep: item.keep };
    if (!seen.includes(next)) seen.push(next);
    inserted.push(next);
  }
  return [...kept.slice(0, at), ...inserted, ...kept.slice(at)];
}

const sharedGroups = (list: readonly Item[]): string[] => {
  const counts = new Map<string, Item[]>();
  for (const item of list) if (item.keep) counts.set(item.key, [...(counts.get(item.key) ?? []), item]);
  return [...counts.values()].filter((group) => group.length > 1).map((group) => group.map((item) => list.indexOf(item)).sort((a, b) => a - b).join(','));
};

describe('list tracker', () => {
  it('finds the common head and tail of two versions of a list, by identity', () => {
    const [a, b, c, d] = [{}, {}, {}, {}];
    assert.deepEqual(listChange([a, b, c], [a, d, c]), { head: 1, tail: 1 });
    assert.deepEqual(listChange([a, b], [a, b, c]), { head: 2, tail: 0 });
    assert.deepEqual(listChange([a, a], [a]), { head: 1, tail: 0 });
    assert.deepEqual(listChange([], [a]), { head: 0, tail: 0 });
  });

  it('filters each version of a list like a plain filter, whatever the edits (several lists at once)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), spliceArbitrary), { minLength: 1, maxLength: 25 }), (steps) => {
        const filter = new ListFilter<Item>((item) => item.keep);
        const lists: Item[][] = [[], [], []];
        const seen: Item[] = [];
        for (const [which, splice] of steps) {
          lists[which] = apply(lists[which], splice, seen);
          assert.deepEqual(filter.of(lists[which]), lists[which].filter((item) => item.keep));
        }
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  it('tests only the items an edit replaced', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ key: String(i), keep: i % 3 === 0 }));
    const tested: Item[] = [];
    const filter = new ListFilter<Item>((item) => (tested.push(item), item.keep));
    filter.of(items);
    tested.length = 0;
    const next = [...items.slice(0, 40), { key: 'new', keep: true }, ...items.slice(41)];
    assert.deepEqual(filter.of(next), next.filter((item) => item.keep));
    assert.deepEqual(tested.map((item) => item.key), ['new']);
  });

  it('groups each version of a list by key like a full grouping, whatever the edits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1), spliceArbitrary), { minLength: 1, maxLength: 25 }), (steps) => {
        const groups = new ListGroups<Item>((item) => (item.keep ? item.key : undefined));
        const lists: Item[][] = [[], []];
        const seen: Item[] = [];
        for (const [which, splice] of steps) {
          const list = (lists[which] = apply(lists[which], splice, seen));
          const shared = [...groups.shared(list)].map(([key, group]) => {
            assert.deepEqual(groups.group(list, key), group);
            return group.map((item) => list.indexOf(item)).sort((a, b) => a - b).join(',');
          });
          assert.deepEqual(shared.sort(), sharedGroups(list).sort());
          for (const key of ['a', 'b', 'c', 'd']) assert.deepEqual(new Set(groups.group(list, key)), new Set(list.filter((item) => item.keep && item.key === key)));
        }
      }),
      { seed: 12, numRuns: 400 },
    );
  });
});
