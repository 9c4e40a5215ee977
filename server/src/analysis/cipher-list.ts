/** Families of TLS cipher suites that must not be offered. */
export type WeakFamily = 'RC4' | '3DES' | 'DES' | 'MD5' | 'NULL' | 'EXPORT' | 'anonymous';

const FAMILY_PATTERNS: [WeakFamily, RegExp][] = [
  ['RC4', /RC4/i],
  ['3DES', /3DES|DES-CBC3/i],
  ['DES', /(?:^|[-_])DES(?!-CBC3)(?:-CBC)?(?:[-_]|$)/],
  ['MD5', /MD5/i],
  ['NULL', /(?:^|[-_])e?NULL(?:[-_]|$)/],
  ['EXPORT', /(?:^|[-_])EXP(?:ORT)?(?:\d*)(?:[-_]|$)/i],
  ['anonymous', /aNULL|^ADH|^AECDH|(?:^|[-_])anon(?:[-_]|$)/i],
];

/** OpenSSL group names and the weak families they bring in (OpenSSL 1.1 and newer). */
const GROUPS: Record<string, WeakFamily[]> = {
  ALL: ['anonymous', '3DES'],
  COMPLEMENTOFALL: ['NULL'],
  COMPLEMENTOFDEFAULT: ['anonymous'],
  LOW: ['DES'],
  MEDIUM: ['3DES'],
  EXP: ['EXPORT'],
  EXPORT: ['EXPORT'],
  NULL: ['NULL'],
  eNULL: ['NULL'],
  aNULL: ['anonymous'],
  DES: ['DES'],
};

/** Families an element selects; `A+B` keeps suites in both, so it is weak when either part is. */
function familiesOf(element: string): WeakFamily[] {
  return element.split('+').flatMap((part) => GROUPS[part] ?? FAMILY_PATTERNS.filter(([, pattern]) => pattern.test(part)).map(([family]) => family));
}

/**
 * The weak families an OpenSSL cipher string (`ciphers`, `ssl-default-bind-ciphers`...) lets through: the
 * ones added by some element and never removed with `!` or `-`. Exclusions count wherever they are
 * written, which matches `!` and is close enough for `-`.
 */
export function weakFamilies(cipherString: string): WeakFamily[] {
  const elements = cipherString.split(/[:,\s]+/).filter(Boolean);
  const excluded = new Set<WeakFamily>();
  const added = new Set<WeakFamily>();
  for (const element of elements) {
    if (element.startsWith('@')) continue;
    if (element.startsWith('!') || element.startsWith('-')) {
      for (const family of familiesOf(element.slice(1))) excluded.add(family);
      if (element.slice(1) === 'MEDIUM') excluded.add('RC4');
    } else if (!element.startsWith('+')) {
      for (const family of familiesOf(element)) added.add(family);
    }
  }
  return [...added].filter((family) => !excluded.has(family));
}

/** Forward-secret AEAD suites for TLS 1.2 (TLS 1.3 suites are set apart, by `ciphersuites`). */
export const MODERN_CIPHERS =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';
