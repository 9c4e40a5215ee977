import type { Proxy } from '../model/config-model';
import type { Directive } from '../syntax/ast';
import { effectiveDirective } from './proxy-settings';
import { serverLines, serverOptionValue } from './servers';

const HASHING_BALANCE = /^(?:source|uri|url_param|hdr\(.*\)|hdr|rdp-cookie(?:\(.*\))?|hash)$/;

/** True when `balance` (own or from defaults) picks the server from the client or request, not in turn. */
export function hasHashBalance(proxy: Proxy): boolean {
  const balance = effectiveDirective(proxy, 'balance');
  return balance !== undefined && !balance.prefix && HASHING_BALANCE.test(balance.args[0]?.value ?? '');
}

/** The `cookie NAME ...` line in effect for a backend, if any. */
export function persistenceCookie(proxy: Proxy): Directive | undefined {
  const cookie = effectiveDirective(proxy, 'cookie');
  return cookie && !cookie.prefix && cookie.args[0] ? cookie : undefined;
}

/**
 * True when a client keeps reaching the same server: cookie persistence (a `cookie` line plus server cookie
 * values or a dynamic cookie key), a hash-based `balance`, or a `stick` rule.
 */
export function hasPersistence(proxy: Proxy): boolean {
  if (hasHashBalance(proxy)) return true;
  if (proxy.directives.some((d) => d.keyword.value === 'stick' && !d.prefix)) return true;
  if (!persistenceCookie(proxy)) return false;
  return serverLines(proxy).some((s) => serverOptionValue(s, 'cookie') !== undefined) || effectiveDirective(proxy, 'dynamic-cookie-key') !== undefined;
}
