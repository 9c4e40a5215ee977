import type { Proxy } from '../model/config-model';
import type { ConditionTerm, Directive } from '../syntax/ast';
import { parseTime } from '../model/catalog';

// A proxy object stands for one version of its section and of its defaults (the model builds a new one when
// either changes), so what is derived from them alone can be kept with it.
const chains = new WeakMap<Proxy, readonly Proxy[]>();

/** The sections a proxy takes its settings from: itself first, then its defaults, then theirs. */
export function settingChain(proxy: Proxy): readonly Proxy[] {
  let chain = chains.get(proxy);
  if (!chain) {
    const list: Proxy[] = [];
    for (let current: Proxy | undefined = proxy; current && !list.includes(current); current = current.defaults) list.push(current);
    chains.set(proxy, (chain = list));
  }
  return chain;
}

function startsWith(directive: Directive, keyword: string, leading: string[]): boolean {
  return directive.keyword.value === keyword && leading.every((word, i) => directive.args[i]?.value === word);
}

/** The last line of the proxy itself whose keyword and first arguments match (`timeout`, `tunnel`). */
export function ownDirective(proxy: Proxy, keyword: string, ...leading: string[]): Directive | undefined {
  for (let i = proxy.directives.length - 1; i >= 0; i--) {
    const directive = proxy.directives[i];
    if (startsWith(directive, keyword, leading) && directive.prefix?.value !== 'default') return directive;
  }
  return undefined;
}

/** Every line of the proxy itself whose keyword and first arguments match. */
export function ownDirectives(proxy: Proxy, keyword: string, ...leading: string[]): Directive[] {
  return proxy.directives.filter((d) => startsWith(d, keyword, leading));
}

/**
 * The line that decides a setting for a proxy: its own last matching line, else the one of its defaults
 * section (and so on up the `from` chain). A `no` line is returned too; callers decide what it means.
 */
export function effectiveDirective(proxy: Proxy, keyword: string, ...leading: string[]): Directive | undefined {
  for (const section of settingChain(proxy)) {
    const found = ownDirective(section, keyword, ...leading);
    if (found) return found;
  }
  return undefined;
}

/** True when `option NAME` is in effect: set by the proxy or its defaults and not cancelled by `no option NAME`. */
export function hasOption(proxy: Proxy, name: string): boolean {
  const directive = effectiveDirective(proxy, 'option', name);
  return directive !== undefined && directive.prefix?.value !== 'no';
}

/** An effective timeout with its value in milliseconds; 0 or an unreadable value count as unset. */
export function effectiveTimeout(proxy: Proxy, name: string): { directive?: Directive; ms?: number } {
  const directive = effectiveDirective(proxy, 'timeout', name);
  const value = directive?.args[1]?.value;
  if (!directive || directive.prefix || value === undefined) return { directive };
  if (value.includes('$')) return { directive, ms: Number.POSITIVE_INFINITY };
  const parsed = parseTime(value);
  return { directive, ms: parsed.ok ? parsed.value : undefined };
}

/** True when the proxy or its defaults set the timeout to a non-zero value. */
export function hasTimeout(proxy: Proxy, name: string): boolean {
  const { ms } = effectiveTimeout(proxy, name);
  return ms !== undefined && ms > 0;
}

/** True for a frontend or listen: a proxy that accepts client connections. */
export function isFrontendLike(proxy: Proxy): boolean {
  return proxy.kind === 'frontend' || proxy.kind === 'listen';
}

/** True for a backend or listen: a proxy that has servers. */
export function isBackendLike(proxy: Proxy): boolean {
  return proxy.kind === 'backend' || proxy.kind === 'listen';
}

type TermTruth = 'true' | 'false' | 'unknown';

function truthOf(term: ConditionTerm): TermTruth {
  if (term.kind !== 'acl-ref' || (term.name !== 'TRUE' && term.name !== 'FALSE')) return 'unknown';
  return (term.name === 'TRUE') !== term.negated ? 'true' : 'false';
}

/** True when a line has no condition, or one that can only be true (`if TRUE`, `unless FALSE`). */
export function isAlwaysTrue(directive: Directive): boolean {
  const condition = directive.condition;
  if (!condition) return true;
  const groupTrue = (group: ConditionTerm[]) => group.length > 0 && group.every((term) => truthOf(term) === 'true');
  const groupFalse = (group: ConditionTerm[]) => group.some((term) => truthOf(term) === 'false');
  return condition.polarity === 'if' ? condition.groups.some(groupTrue) : condition.groups.every(groupFalse);
}
