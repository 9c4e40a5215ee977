/**
 * A list kept sorted by an unsigned key where equal keys keep their insertion order,
 * the way HAProxy's elastic binary trees order duplicates.
 */
export class OrderedTree<T> {
  private items: { key: number; value: T }[] = [];

  get size(): number {
    return this.items.length;
  }

  insert(key: number, value: T): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].key <= key) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { key, value });
  }

  delete(value: T): boolean {
    const i = this.items.findIndex((it) => it.value === value);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  first(): { key: number; value: T } | undefined {
    return this.items[0];
  }

  entries(): readonly { key: number; value: T }[] {
    return this.items;
  }

  clear(): void {
    this.items = [];
  }

  /** Index of the first entry whose key is >= `key`, or -1. */
  lowerBound(key: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.items.length ? lo : -1;
  }

  at(i: number): { key: number; value: T } | undefined {
    return this.items[i];
  }
}
