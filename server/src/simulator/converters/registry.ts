import type { CompileEnv } from '../compile-env';
import type { StreamContext } from '../context';
import { NamedRegistry } from '../named-registry';
import type { Sample } from '../sample';

/** A compiled converter: turns a sample into another, or undefined when the result does not exist. */
export type ConverterFn = (input: Sample, ctx: StreamContext) => Sample | undefined;

export interface ConverterDef {
  name: string;
  /** Builds the converter once per config; returns an error text when the arguments are unusable. */
  compile(args: string[], env: CompileEnv): ConverterFn | string;
}

const registry = new NamedRegistry<ConverterDef>();

export function registerConverters(defs: ConverterDef[]): void {
  for (const d of defs) registry.set(d.name, d);
}

export function registerConverterResolver(r: (name: string) => ConverterDef | undefined): void {
  registry.addResolver(r);
}

export function findConverter(name: string): ConverterDef | undefined {
  return registry.find(name);
}

/** A converter that needs no compile-time work. */
export function simple(name: string, fn: (input: Sample, args: string[], ctx: StreamContext) => Sample | undefined): ConverterDef {
  return { name, compile: (args) => (input, ctx) => fn(input, args, ctx) };
}
