import { ipBytes, type IpAddress } from '../ip';
import { avalanche, hashWith, keyBytes } from './hash-functions';
import type { BalanceSpec } from './balance-spec';

/** What the hashing algorithms read from a request. */
export interface HashSource {
  src?: IpAddress;
  /** The request target as HAProxy holds it (after rewrites). */
  uri: string;
  /** First value of a header (split on commas), or undefined. */
  firstHeaderValue(name: string): string | undefined;
  method: string;
  body?: string;
  /** Evaluates `balance hash <expr>`; undefined when the sample does not exist. */
  hashExpression?: () => string | undefined;
  rdpCookie?: () => string | undefined;
}

/** A computed hash and the key text it came from. */
export interface HashKey {
  hash: number;
  key: string;
}

function finish(spec: BalanceSpec, hash: number): number {
  return spec.avalanche ? avalanche(hash) : hash >>> 0;
}

function pathOf(uri: string): string {
  if (uri.startsWith('/')) return uri;
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*/.exec(uri);
  if (!m) return uri === '*' ? '' : uri;
  return uri.slice(m[0].length);
}

function uriKey(spec: BalanceSpec, source: HashSource): string {
  let uri = spec.uriPathOnly ? pathOf(source.uri) : source.uri;
  if (spec.uriLen) uri = uri.slice(0, spec.uriLen);
  let slashes = 0;
  let end = 0;
  for (; end < uri.length; end++) {
    const c = uri[end];
    if (c === '/') {
      slashes++;
      if (spec.uriDepth && slashes === spec.uriDepth + 1) break;
    } else if (c === '?' && !spec.uriWhole) break;
  }
  return uri.slice(0, end);
}

/** Finds `name=value` in an `a=1&b=2` string the way HAProxy scans it. */
export function findParam(params: string, name: string): string | undefined {
  let rest = params;
  const plen = name.length;
  while (rest.length > plen) {
    if (rest[plen] === '=' && rest.startsWith(name)) {
      const value = rest.slice(plen + 1);
      const amp = value.indexOf('&');
      return amp < 0 ? value : value.slice(0, amp);
    }
    const amp = rest.indexOf('&');
    if (amp < 0) return undefined;
    rest = rest.slice(amp + 1);
  }
  return undefined;
}

function domainOnly(value: string): string {
  let p = value.length;
  let end = p;
  let dohash = false;
  let len = value.length;
  while (len) {
    if (dohash) {
      if (value[p - 1] === '.') break;
    } else if (value[p] === '.') {
      end = p;
      dohash = true;
    }
    p--;
    len--;
  }
  return value.slice(p, end);
}

/**
 * Computes the hash a hashing algorithm uses for a request, or undefined when the key is absent
 * (HAProxy then falls back to round-robin). `singleServer` skips hashing as HAProxy does.
 */
export function computeHashKey(spec: BalanceSpec, source: HashSource, singleServer: boolean): HashKey | undefined {
  const gen = (key: string): HashKey => ({ key, hash: finish(spec, hashWith(spec.hashFunction, key)) });
  switch (spec.algorithm) {
    case 'source': {
      if (!source.src) return undefined;
      const text = source.src.family === 4 ? `${ipBytes(source.src).join('.')}` : 'ipv6';
      if (singleServer) return { key: text, hash: 0 };
      const bytes = ipBytes(source.src);
      let h = 0;
      for (let i = 0; i + 4 <= bytes.length; i += 4) {
        h = (h ^ ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3])) >>> 0;
      }
      return { key: text, hash: finish(spec, h) };
    }
    case 'uri': {
      const key = uriKey(spec, source);
      return singleServer ? { key, hash: 0 } : gen(key);
    }
    case 'url_param': {
      const q = source.uri.indexOf('?');
      let value = q >= 0 ? findParam(source.uri.slice(q + 1), spec.paramName) : undefined;
      if (value === undefined && spec.checkPost && source.method === 'POST' && source.body) {
        value = findParam(source.body, spec.paramName);
      }
      return value === undefined ? undefined : gen(value);
    }
    case 'hdr': {
      if (singleServer) return { key: '', hash: 0 };
      const value = source.firstHeaderValue(spec.hdrName);
      if (!value) return undefined;
      return gen(spec.useDomainOnly ? domainOnly(value) : value);
    }
    case 'rdp-cookie': {
      const value = source.rdpCookie?.();
      if (!value) return undefined;
      return singleServer ? { key: value, hash: 0 } : gen(value);
    }
    case 'hash': {
      const value = source.hashExpression?.();
      if (value === undefined) return undefined;
      return singleServer ? { key: value, hash: 0 } : { key: value, hash: finish(spec, hashWith(spec.hashFunction, keyBytes(value))) };
    }
    default:
      return undefined;
  }
}
