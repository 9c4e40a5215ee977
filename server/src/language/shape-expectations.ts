import type { ArgShape } from '../model/catalog';

/** An element a word at the cursor may fill: a literal word, a placeholder or pattern, or the condition. */
export type ExpectedElement = Extract<ArgShape, { kind: 'literal' | 'placeholder' | 'pattern' | 'condition' }>;

const MAX_ROUNDS = 64;

/**
 * Which shape elements the word after `words` may be, over every way the typed words can align with the
 * shape. Unlike a single best alignment this keeps all of them, so `cookie NAME ` offers every option the
 * syntax allows there, and `balance ` both the placeholder and `url_param`.
 */
export function expectedElements(args: readonly ArgShape[], words: readonly string[]): ExpectedElement[] {
  const target = words.length;
  const found: ExpectedElement[] = [];
  const record = (element: ExpectedElement) => {
    if (!found.includes(element)) found.push(element);
  };

  const sequence = (items: readonly ArgShape[], starts: ReadonlySet<number>): Set<number> => {
    let positions = new Set(starts);
    for (const item of items) {
      if (positions.size === 0) break;
      positions = element(item, positions);
    }
    return positions;
  };

  const element = (item: ArgShape, starts: ReadonlySet<number>): Set<number> => {
    const out = once(item, starts);
    if (!('repeat' in item) || !item.repeat) return out;
    let frontier = new Set([...out].filter((p) => !starts.has(p)));
    for (let round = 0; frontier.size && round < MAX_ROUNDS; round++) {
      const more = once(item, frontier);
      frontier = new Set([...more].filter((p) => !out.has(p)));
      for (const p of frontier) out.add(p);
    }
    return out;
  };

  const once = (item: ArgShape, starts: ReadonlySet<number>): Set<number> => {
    const out = new Set<number>();
    for (const pos of starts) {
      switch (item.kind) {
        case 'literal':
          if (pos === target) record(item);
          else if (words[pos] === item.text) out.add(pos + 1);
          break;
        case 'placeholder':
        case 'pattern':
          if (pos === target) record(item);
          else if (item.kind !== 'placeholder' || !item.values || item.values.includes(words[pos])) out.add(pos + 1);
          break;
        case 'condition':
          if (pos === target) record(item);
          if (item.optional) out.add(pos);
          break;
        case 'optional':
          out.add(pos);
          for (const option of item.options) for (const end of sequence(option, new Set([pos]))) out.add(end);
          break;
        case 'choice':
          for (const option of item.options) for (const end of sequence(option, new Set([pos]))) out.add(end);
          break;
      }
    }
    return out;
  };

  sequence(args, new Set([0]));
  return found;
}
