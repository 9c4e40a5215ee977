import type { StreamContext } from '../context';
import { NamedRegistry } from '../named-registry';
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

const registry = new NamedRegistry<FetchDef>();

export function registerFetches(defs: FetchDef[], aliases: Record<string, string> = {}): void {
  for (const d of defs) registry.set(d.name, d);
  for (const [alias, target] of Object.entries(aliases)) {
    const d = registry.find(target);
    if (d) registry.set(alias, { ...d, name: alias });
  }
}

/** Registers a fetch family computed on demand (sc0_*, src_* ...). */
export function registerFetchResolver(resolver: (name: string) => FetchDef | undefined): void {
  registry.addResolver(resolver);
}

export function findFetch(name: string): FetchDef | undefined {
  return registry.find(name);
}
