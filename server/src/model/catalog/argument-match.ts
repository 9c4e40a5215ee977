import type { ArgShape } from './syntax-shape';

/** Which element of a shape a word filled. */
export interface ArgBinding {
  /** Index of the top-level element of the shape (the signature-help parameter). */
  readonly arg: number;
  /** The literal, placeholder or pattern element the word matched. */
  readonly element: ArgShape;
}

/** The best alignment of words to an argument shape. */
export interface ShapeMatch {
  /** Every word matched and no required element is missing. */
  readonly complete: boolean;
  /** How many leading words matched. */
  readonly matched: number;
  /** One binding per matched word. */
  readonly bindings: readonly ArgBinding[];
  /** The first required element the words did not reach. */
  readonly missing?: ArgShape;
  /** The top-level element the next word would fill (for signature help after the last word). */
  readonly next?: number;
}

interface State {
  pos: number;
  bindings: ArgBinding[];
  missing?: ArgShape;
  next?: number;
}

const MAX_STATES = 48;

function prune(states: State[]): State[] {
  const best = new Map<string, State>();
  for (const s of states) {
    const key = `${s.pos}:${s.missing ? 1 : 0}`;
    if (!best.has(key)) best.set(key, s);
  }
  return [...best.values()].slice(0, MAX_STATES);
}

function isConditionWord(word: string | undefined): boolean {
  return word === 'if' || word === 'unless';
}

class Matcher {
  constructor(private readonly words: readonly string[]) {}

  sequence(items: readonly ArgShape[], start: State, top: number | undefined): State[] {
    let states = [start];
    items.forEach((item, i) => {
      const arg = top ?? i;
      states = prune(states.flatMap((s) => this.element(item, s, arg)));
    });
    return states;
  }

  private element(item: ArgShape, s: State, arg: number): State[] {
    const once = this.once(item, s, arg);
    if (!('repeat' in item) || !item.repeat) return once;
    const out = [...once];
    let frontier = once.filter((x) => x.pos > s.pos && !x.missing);
    while (frontier.length) {
      const more = prune(frontier.flatMap((x) => this.once(item, x, arg)).filter((x) => !x.missing && x.pos > s.pos));
      const progressed = more.filter((m) => !frontier.some((f) => f.pos === m.pos));
      out.push(...progressed);
      frontier = progressed;
    }
    return out;
  }

  private once(item: ArgShape, s: State, arg: number): State[] {
    const word = this.words[s.pos];
    const reached = word === undefined;
    const missingHere = (): State[] => [{ ...s, missing: s.missing ?? item, next: s.next ?? arg }];
    switch (item.kind) {
      case 'literal':
        if (reached) return missingHere();
        return word === item.text ? [this.bind(s, arg, item)] : [];
      case 'placeholder':
      case 'pattern':
        if (reached) return missingHere();
        if (item.kind === 'placeholder' && item.values && !item.values.includes(word)) return [];
        return [this.bind(s, arg, item)];
      case 'condition':
        if (isConditionWord(word)) {
          let state = s;
          while (state.pos < this.words.length) state = this.bind(state, arg, item);
          return [state];
        }
        if (item.optional) return [this.skip(s, arg)];
        return reached ? missingHere() : [];
      case 'optional':
        return [this.skip(s, arg), ...item.options.flatMap((o) => this.sequence(o, s, arg).filter((x) => x.pos > s.pos))];
      case 'choice': {
        const taken = item.options.flatMap((o) => this.sequence(o, s, arg));
        if (taken.length) return taken;
        return reached ? missingHere() : [];
      }
    }
  }

  private skip(s: State, arg: number): State {
    return s.pos >= this.words.length && s.next === undefined ? { ...s, next: arg } : s;
  }

  private bind(s: State, arg: number, element: ArgShape): State {
    return { ...s, pos: s.pos + 1, bindings: [...s.bindings, { arg, element }] };
  }
}

/**
 * Aligns argument words with a shape. Prefers the alignment that consumes the most words, then one
 * with nothing missing. Words beyond what the shape accepts are left unmatched.
 */
export function matchShape(args: readonly ArgShape[], words: readonly string[]): ShapeMatch {
  const matcher = new Matcher(words);
  const ends = matcher.sequence(args, { pos: 0, bindings: [] }, undefined);
  let best: State | undefined;
  for (const s of ends) {
    if (!best || s.pos > best.pos || (s.pos === best.pos && !s.missing && best.missing)) best = s;
  }
  const chosen = best ?? { pos: 0, bindings: [] };
  const result: { -readonly [K in keyof ShapeMatch]: ShapeMatch[K] } = {
    complete: chosen.pos === words.length && !chosen.missing,
    matched: chosen.pos,
    bindings: chosen.bindings,
  };
  if (chosen.missing) result.missing = chosen.missing;
  if (chosen.next !== undefined) result.next = chosen.next;
  return result;
}
