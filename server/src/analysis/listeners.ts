import type { BindDefinition } from '../model/config-model';
import { parseAddress } from '../syntax/address';
import { detached } from '../syntax/detached';

/** Who can reach a listening address: only this machine, a private network, anyone, or unknown. */
export type BindScope = 'local' | 'private' | 'public' | 'unknown';

const QUIC = /^quic[46]?@/;

/** True when the bind terminates TLS (`ssl`, or QUIC which always does). */
export function isTlsBind(bind: BindDefinition): boolean {
  const options = bind.options;
  for (let i = 0; i < options.length; i++) if (options[i].value === 'ssl') return true;
  return QUIC.test(bind.address?.value ?? '');
}

const LOOPBACK_V4 = /^127\./;
const PRIVATE_V6 = /^f[cd]|^fe80:/i;
const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

function scopeOfAddress(text: string): BindScope {
  const address = parseAddress(text);
  if ('error' in address) return 'unknown';
  switch (address.family) {
    case 'unix':
    case 'abns':
    case 'fd':
    case 'sockpair':
      return 'local';
    case 'any':
      return 'public';
    case 'env':
    case 'name':
      return address.host === 'localhost' ? 'local' : 'unknown';
    default:
  }
  const host = address.host;
  if (host === '0.0.0.0' || host === '::' || host === '*') return 'public';
  if (LOOPBACK_V4.test(host) || host === '::1') return 'local';
  if (PRIVATE_V4.some((re) => re.test(host)) || PRIVATE_V6.test(host)) return 'private';
  return 'public';
}

const SCOPE_ORDER: readonly BindScope[] = ['local', 'private', 'unknown', 'public'];

// Most configs listen on a few addresses many times (`:80`, `:443`).
const scopes = new Map<string, BindScope>();

function cachedScope(text: string): BindScope {
  let scope = scopes.get(text);
  if (scope === undefined) {
    if (scopes.size >= 10_000) scopes.clear();
    scopes.set(detached(text), (scope = scopeOfAddress(text)));
  }
  return scope;
}

/** The widest scope among the addresses of a bind line (`bind a:80,b:80`). */
export function bindScope(bind: BindDefinition): BindScope {
  const text = bind.address?.value ?? '';
  if (!text.includes(',')) return text === '' ? 'unknown' : cachedScope(text);
  const addresses = text.split(',').filter(Boolean);
  if (addresses.length === 0) return 'unknown';
  return addresses.map(cachedScope).reduce((a, b) => (SCOPE_ORDER.indexOf(b) > SCOPE_ORDER.indexOf(a) ? b : a));
}
