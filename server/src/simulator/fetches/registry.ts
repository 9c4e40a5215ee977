import type { StreamContext } from '../context';
import type { Sample } from '../sample';

export type SampleType = 'str' | 'int' | 'bool' | 'ip' | 'meth' | 'bin';

/** A sample fetch: its output type and how it reads the stream. */
export interface FetchDef {
  name: string;
  type: SampleType;
  /** Occurrence returned outside ACLs when the fetch yields several values (HAProxy: last for headers). */
  pick?: 'first' | 'last';
  /** Returns every value (ACLs try each); an empty list means the sample does not exist. */
  run(ctx: StreamContext, args: string[]): Sample[];
}

const registry = new Map<string, FetchDef>();

export function registerFetches(defs: FetchDef[], aliases: Record<string, string> = {}): void {
  for (const d of defs) registry.set(d.name, d);
  for (const [alias, target] of Object.entries(aliases)) {
    const d = registry.get(target);
    if (d) registry.set(alias, { ...d, name: alias });
  }
}

/** Registers a fetch family computed on demand (sc0_*, src_* ...) by a resolver. */
const resolvers: ((name: string) => FetchDef | undefined)[] = [];
export function registerFetchResolver(resolver: (name: string) => FetchDef | undefined): void {
  resolvers.push(resolver);
}

export function findFetch(name: string): FetchDef | undefined {
  const direct = registry.get(name);
  if (direct) return direct;
  for (const r of resolvers) {
    const d = r(name);
    if (d) {
      registry.set(name, d);
      return d;
    }
  }
  return undefined;
}
