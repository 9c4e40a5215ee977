/** HAProxy's hash functions (names as in `hash-type ... <function>`), over the bytes of a key. */
export type HashFunctionName = 'sdbm' | 'djb2' | 'wt6' | 'crc32';

const encoder = new TextEncoder();

/** UTF-8 bytes of a string key. */
export function keyBytes(key: string | Uint8Array): Uint8Array {
  return typeof key === 'string' ? encoder.encode(key) : key;
}

/** sdbm: h = c + h * 65599, modulo 2^32. */
export function hashSdbm(key: string | Uint8Array): number {
  let h = 0;
  for (const c of keyBytes(key)) h = (Math.imul(h, 65599) + c) >>> 0;
  return h;
}

/** djb2: h = h * 33 + c starting from 5381, modulo 2^32. */
export function hashDjb2(key: string | Uint8Array): number {
  let h = 5381;
  for (const c of keyBytes(key)) h = (Math.imul(h, 33) + c) >>> 0;
  return h;
}

const rotl = (v: number, n: number): number => ((v << n) | (v >>> (32 - n))) >>> 0;

/** wt6: two 32-bit lanes mixed with data-dependent rotations. */
export function hashWt6(key: string | Uint8Array): number {
  let h0 = 0xa53c965a;
  let h1 = 0x5ca6953a;
  let step0 = 6;
  let step1 = 18;
  for (const c of keyBytes(key)) {
    h0 = ~(h0 ^ c) >>> 0;
    h1 = ~(h1 + c) >>> 0;
    const t = rotl(h1, step0);
    h1 = rotl(h0, step1);
    h0 = t;
    const mix = ((h0 >>> 16) ^ h1) & 0xffff;
    step0 = mix & 0x1f;
    step1 = mix >>> 11;
  }
  return (h0 ^ h1) >>> 0;
}

/** Bitwise CRC-32 (reflected polynomial 0xEDB88320). */
export function hashCrc32(key: string | Uint8Array): number {
  let h = 0xffffffff;
  for (const c of keyBytes(key)) {
    h ^= c;
    for (let bit = 0; bit < 8; bit++) h = (h >>> 1) ^ (h & 1 ? 0xedb88320 : 0);
  }
  return ~h >>> 0;
}

/** The `avalanche` modifier: Bob Jenkins' 32-bit integer mix, then a multiplication that spreads it over the ring. */
export function avalanche(value: number): number {
  let a = value >>> 0;
  a = (a + 0x7ed55d16 + (a << 12)) >>> 0;
  a = (a ^ 0xc761c23c ^ (a >>> 19)) >>> 0;
  a = (a + 0x165667b1 + (a << 5)) >>> 0;
  a = ((a + 0xd3a2646c) ^ (a << 9)) >>> 0;
  a = (a + 0xfd7046c5 + (a << 3)) >>> 0;
  a = (a ^ 0xb55a4f09 ^ (a >>> 16)) >>> 0;
  return Math.imul(a, 3221225473) >>> 0;
}

/** Hashes a key with the named function. */
export function hashWith(name: HashFunctionName, key: string | Uint8Array): number {
  switch (name) {
    case 'djb2':
      return hashDjb2(key);
    case 'wt6':
      return hashWt6(key);
    case 'crc32':
      return hashCrc32(key);
    default:
      return hashSdbm(key);
  }
}
