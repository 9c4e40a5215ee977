import type { HashFunctionName } from './hash-functions';

export type BalanceAlgorithm =
  | 'roundrobin'
  | 'static-rr'
  | 'leastconn'
  | 'first'
  | 'source'
  | 'uri'
  | 'url_param'
  | 'hdr'
  | 'random'
  | 'rdp-cookie'
  | 'hash';

/** A backend's `balance` and `hash-type` lines, read into fields. */
export interface BalanceSpec {
  algorithm: BalanceAlgorithm;
  /** Lookup structure for hashing algorithms: `map-based` (default) or `consistent`. */
  hashType: 'map-based' | 'consistent';
  hashFunction: HashFunctionName;
  avalanche: boolean;
  uriWhole: boolean;
  uriLen: number;
  uriDepth: number;
  uriPathOnly: boolean;
  paramName: string;
  checkPost: boolean;
  hdrName: string;
  useDomainOnly: boolean;
  rdpCookieName: string;
  randomDraws: number;
  /** Sample expression text of `balance hash <expr>`. */
  hashExpression: string;
  /** Words we could not read, for the trace. */
  problems: string[];
}

/** The default when a backend says nothing: roundrobin, map-based sdbm. */
export function defaultBalanceSpec(): BalanceSpec {
  return {
    algorithm: 'roundrobin',
    hashType: 'map-based',
    hashFunction: 'sdbm',
    avalanche: false,
    uriWhole: false,
    uriLen: 0,
    uriDepth: 0,
    uriPathOnly: false,
    paramName: '',
    checkPost: false,
    hdrName: '',
    useDomainOnly: false,
    rdpCookieName: 'mstshash',
    randomDraws: 2,
    hashExpression: '',
    problems: [],
  };
}

/** Applies the words after `balance` to a spec. */
export function applyBalanceWords(spec: BalanceSpec, words: string[]): void {
  const [first, ...rest] = words;
  if (!first) return;
  const call = /^([a-z_-]+)(?:\((.*)\))?$/i.exec(first);
  const name = (call?.[1] ?? first).toLowerCase();
  const inner = call?.[2];
  switch (name) {
    case 'roundrobin':
    case 'static-rr':
    case 'leastconn':
    case 'first':
    case 'source':
      spec.algorithm = name;
      return;
    case 'uri':
      spec.algorithm = 'uri';
      for (let i = 0; i < rest.length; i++) {
        const w = rest[i];
        if (w === 'whole') spec.uriWhole = true;
        else if (w === 'path-only') spec.uriPathOnly = true;
        else if (w === 'len') spec.uriLen = Number(rest[++i]) || 0;
        else if (w === 'depth') spec.uriDepth = Number(rest[++i]) || 0;
        else spec.problems.push(`unknown uri option '${w}'`);
      }
      return;
    case 'url_param':
      spec.algorithm = 'url_param';
      spec.paramName = rest[0] ?? '';
      spec.checkPost = rest.includes('check_post');
      return;
    case 'hdr':
      spec.algorithm = 'hdr';
      spec.hdrName = inner ?? '';
      spec.useDomainOnly = rest.includes('use_domain_only');
      return;
    case 'random':
      spec.algorithm = 'random';
      spec.randomDraws = inner ? Number(inner) || 2 : 2;
      return;
    case 'rdp-cookie':
      spec.algorithm = 'rdp-cookie';
      spec.rdpCookieName = inner || 'mstshash';
      return;
    case 'hash':
      spec.algorithm = 'hash';
      spec.hashExpression = rest.join(' ');
      return;
    default:
      spec.problems.push(`unknown balance algorithm '${first}'`);
  }
}

/** Applies the words after `hash-type` to a spec. */
export function applyHashTypeWords(spec: BalanceSpec, words: string[]): void {
  const [method, fn, modifier] = words;
  if (method === 'consistent' || method === 'map-based') spec.hashType = method;
  if (fn === 'sdbm' || fn === 'djb2' || fn === 'wt6' || fn === 'crc32') spec.hashFunction = fn;
  // HAProxy adds the avalanche modifier itself to `consistent` when no function is named.
  spec.avalanche = modifier === 'avalanche' || (method === 'consistent' && fn === undefined);
}
