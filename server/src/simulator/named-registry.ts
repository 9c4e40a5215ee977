/** Definitions by name, plus resolvers for families of names (`sc0_*`, `map_*`); resolved names are cached. */
export class NamedRegistry<T> {
  private readonly byName = new Map<string, T>();
  private readonly resolvers: ((name: string) => T | undefined)[] = [];

  set(name: string, def: T): void {
    this.byName.set(name, def);
  }

  addResolver(resolver: (name: string) => T | undefined): void {
    this.resolvers.push(resolver);
  }

  find(name: string): T | undefined {
    const direct = this.byName.get(name);
    if (direct) return direct;
    for (const resolve of this.resolvers) {
      const found = resolve(name);
      if (found) {
        this.byName.set(name, found);
        return found;
      }
    }
    return undefined;
  }
}
