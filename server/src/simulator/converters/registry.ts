import type { CompileEnv } from '../compile-env';
import type { StreamContext } from '../context';
import type { Sample } from '../sample';

/** A compiled converter: turns a sample into another, or undefined when the result does not exist. */
export type ConverterFn = (input: Sample, ctx: StreamContext) => Sample | undefined;

export interface ConverterDef {
  name: string;
  /** Builds the converter once per config; returns an error text when the arguments are unusable. */
  compile(args: string[], env: CompileEnv): ConverterFn | string;
}

const registry = new Map<string, ConverterDef>();
const resolvers: ((name: string) => ConverterDef | undefined)[] = [];

export function registerConverters(defs: ConverterDef[]): void {
  for (const d of defs) registry.set(d.name, d);
}

export function registerConverterResolver(r: (name: string) => ConverterDef | undefined): void {
  resolvers.push(r);
}

export function findConverter(name: string): ConverterDef | undefined {
  const d = registry.get(name);
  if (d) return d;
  for (const r of resolvers) {
    const found = r(name);
    if (found) {
      registry.set(name, found);
      return found;
    }
  }
  return undefined;
}

/** A converter that needs no compile-time work. */
export function simple(name: string, fn: (input: Sample, args: string[], ctx: StreamContext) => Sample | undefined): ConverterDef {
  return { name, compile: (args) => (input, ctx) => fn(input, args, ctx) };
}
