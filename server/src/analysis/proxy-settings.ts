import type { Proxy } from '../model/config-model';
import type { ConditionTerm, Directive } from '../syntax/ast';
import { parseTime } from '../model/catalog';
import { detached } from '../syntax/detached';
import { ProxyMemo } from './proxy-memo';

const chains = new ProxyMemo<readonly Proxy[]>((proxy) => {
  const list: Proxy[] = [];
  for (let current: Proxy | undefined = proxy; current && !list.includes(current); current = current.defaults) list.push(current);
  return list;
});

/** The sections a proxy takes its settings from: itself first, then its defaults, then theirs. */
export function settingChain(proxy: Proxy): readonly Proxy[] {
  return chains.of(proxy);
}

function matches(directive: Directive, keyword: string, first: string | undefined): boolean {
  return directive.keyword.value === keyword && (first === undefined || directive.args[0]?.value === first);
}

/** The last line of the proxy itself with this keyword (and first argument, when given: `timeout`, `tunnel`). */
export function ownDirective(proxy: Proxy, keyword: string, first?: string): Directive | undefined {
  const directives = proxy.directives;
  for (let i = directives.length - 1; i >= 0; i--) {
    const directive = directives[i];
    if (matches(directive, keyword, first) && directive.prefix?.value !== 'default') return directive;
  }
  return undefined;
}

/** Every line of the proxy itself with this keyword (and first argument, when given). */
export function ownDirectives(proxy: Proxy, keyword: string, first?: string): Directive[] {
  return proxy.directives.filter((d) => matches(d, keyword, first));
}

/**
 * The line that decides a setting for a proxy: its own last matching line, else the one of its defaults
 * section (and so on up the `from` chain). A `no` line is returned too; callers decide what it means.
 */
export function effectiveDirective(proxy: Proxy, keyword: string, first?: string): Directive | undefined {
  const own = ownDirective(proxy, keyword, first);
  const defaults = proxy.defaults;
  if (own || !defaults || defaults === proxy) return own;
  // Most proxies take their settings from one defaults section that has none itself: no chain to look up.
  if (!defaults.defaults) return ownDirective(defaults, keyword, first);
  const chain = settingChain(proxy);
  for (let i = 1; i < chain.length; i++) {
    const found = ownDirective(chain[i], keyword, first);
    if (found) return found;
  }
  return undefined;
}

/** True when `option NAME` is in effect: set by the proxy or its defaults and not cancelled by `no option NAME`. */
export function hasOption(proxy: Proxy, name: string): boolean {
  const directive = effectiveDirective(proxy, 'option', name);
  return directive !== undefined && directive.prefix?.value !== 'no';
}

// Timeouts are written with a few values many times (`30s`, `5s`).
const durations = new Map<string, number | undefined>();

/** The value in milliseconds of a timeout line (infinite when it names a variable); undefined for a `no` line or an unreadable value. */
function timeoutValue(directive: Directive): number | undefined {
  const value = directive.args[1]?.value;
  if (directive.prefix || value === undefined) return undefined;
  if (value.includes('$')) return Number.POSITIVE_INFINITY;
  if (durations.has(value)) return durations.get(value);
  const parsed = parseTime(value);
  const ms = parsed.ok ? parsed.value : undefined;
  if (durations.size >= 1000) durations.clear();
  durations.set(detached(value), ms);
  return ms;
}

/** True when the proxy or its defaults set the timeout to a non-zero value. */
export function hasTimeout(proxy: Proxy, name: string): boolean {
  const directive = effectiveDirective(proxy, 'timeout', name);
  const ms = directive && timeoutValue(directive);
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
  const groups = condition.groups;
  if (condition.polarity === 'if') {
    for (let g = 0; g < groups.length; g++) if (groupIs(groups[g], 'true')) return true;
    return false;
  }
  for (let g = 0; g < groups.length; g++) if (!groupHas(groups[g], 'false')) return false;
  return true;
}

/** True when every term of a (non-empty) group has this truth. */
function groupIs(group: readonly ConditionTerm[], truth: TermTruth): boolean {
  for (let t = 0; t < group.length; t++) if (truthOf(group[t]) !== truth) return false;
  return group.length > 0;
}

function groupHas(group: readonly ConditionTerm[], truth: TermTruth): boolean {
  for (let t = 0; t < group.length; t++) if (truthOf(group[t]) === truth) return true;
  return false;
}
