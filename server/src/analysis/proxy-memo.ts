import type { Proxy } from '../model/config-model';

/** Marks a value not computed yet (`undefined` is a value like any other). */
const UNSET: unique symbol = Symbol('unset');

// One entry per proxy for every memo: a proxy costs one table entry and one small array, however many rules keep
// something about it (a table per memo would hold as many entries as proxies, each).
const values = new WeakMap<Proxy, unknown[]>();
let slots = 0;

/**
 * What is derived from a proxy alone, kept with the proxy object. The model makes a new proxy object whenever its
 * section or defaults change, so the value stays right for as long as the object lives.
 */
export class ProxyMemo<T> {
  private readonly slot = slots++;

  constructor(private readonly compute: (proxy: Proxy) => T) {}

  /** The value for `proxy`, computed on first use. */
  of(proxy: Proxy): T {
    let kept = values.get(proxy);
    if (!kept) values.set(proxy, (kept = new Array<unknown>(slots).fill(UNSET)));
    else while (kept.length <= this.slot) kept.push(UNSET);
    const value = kept[this.slot];
    if (value !== UNSET) return value as T;
    const computed = this.compute(proxy);
    kept[this.slot] = computed;
    return computed;
  }
}
