/** An IPv4 or IPv6 address. IPv4 is kept as an unsigned 32-bit number, IPv6 as a 128-bit bigint. */
export type IpAddress = { family: 4; value: number } | { family: 6; value: bigint };

/** A network: an address and a prefix length. */
export interface IpNetwork {
  address: IpAddress;
  prefix: number;
}

/** Parses a dotted IPv4 address, or undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  let value = 0;
  let octet = -1;
  let parts = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return undefined;
      octet = (octet < 0 ? 0 : octet * 10) + (c - 48);
    } else if (c === 46) {
      if (octet < 0 || octet > 255 || ++parts > 4) return undefined;
      value = value * 256 + octet;
      octet = -1;
      digits = 0;
    } else return undefined;
  }
  return parts === 4 ? value : undefined;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text;
  if (body.startsWith('[') && body.endsWith(']')) body = body.slice(1, -1);
  if (!body.includes(':')) return undefined;
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        groups.push(v4 >>> 16, v4 & 0xffff);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
      groups.push(parseInt(piece, 16));
    }
    return groups;
  };
  const head = toGroups(halves[0]);
  const tail = halves.length === 2 ? toGroups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

/** Parses an IPv4 or IPv6 address. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 !== undefined) return { family: 6, value: v6 };
  return undefined;
}

/** Parses `addr`, `addr/len` or `addr/dotted-mask`. */
export function parseNetwork(text: string): IpNetwork | undefined {
  const slash = text.indexOf('/');
  const address = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const max = address.family === 4 ? 32 : 128;
  if (slash < 0) return { address, prefix: max };
  const maskText = text.slice(slash + 1);
  if (/^\d+$/.test(maskText)) {
    const prefix = Number(maskText);
    return prefix <= max ? { address, prefix } : undefined;
  }
  const mask = address.family === 4 ? parseIpv4(maskText) : undefined;
  if (mask === undefined) return undefined;
  let prefix = 0;
  while (prefix < 32 && mask & (0x80000000 >>> prefix)) prefix++;
  return { address, prefix };
}

function v4MappedToV4(ip: IpAddress): IpAddress {
  if (ip.family === 6 && ip.value >> 32n === 0xffffn) return { family: 4, value: Number(ip.value & 0xffffffffn) };
  return ip;
}

/** True when `ip` belongs to `net`; IPv4-mapped IPv6 addresses match IPv4 networks. */
export function networkContains(net: IpNetwork, ip: IpAddress): boolean {
  const candidate = net.address.family === 4 ? v4MappedToV4(ip) : ip;
  if (candidate.family !== net.address.family) {
    if (net.address.family === 6 && candidate.family === 4) {
      const mapped = (0xffffn << 32n) | BigInt(candidate.value);
      return networkContains(net, { family: 6, value: mapped });
    }
    return false;
  }
  if (candidate.family === 4 && net.address.family === 4) {
    if (net.prefix === 0) return true;
    const shift = 32 - net.prefix;
    return Math.floor(candidate.value / 2 ** shift) === Math.floor(net.address.value / 2 ** shift);
  }
  const shift = BigInt(128 - net.prefix);
  return (candidate.value as bigint) >> shift === (net.address.value as bigint) >> shift;
}

/** Formats an address the usual way (IPv6 in full lowercase groups, zeros compressed). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) {
    const v = ip.value;
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((ip.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLen).join(':')}`;
}

/** The address bytes in network order (4 or 16 bytes). */
export function ipBytes(ip: IpAddress): number[] {
  if (ip.family === 4) return [ip.value >>> 24, (ip.value >>> 16) & 255, (ip.value >>> 8) & 255, ip.value & 255];
  const out: number[] = [];
  for (let i = 15; i >= 0; i--) out.push(Number((ip.value >> BigInt(i * 8)) & 0xffn));
  return out;
}

/** Applies a netmask (prefix length) to an address. */
export function maskIp(ip: IpAddress, prefix: number): IpAddress {
  if (ip.family === 4) {
    if (prefix <= 0) return { family: 4, value: 0 };
    const shift = 32 - Math.min(prefix, 32);
    return { family: 4, value: Math.floor(ip.value / 2 ** shift) * 2 ** shift };
  }
  const shift = BigInt(128 - Math.min(Math.max(prefix, 0), 128));
  return { family: 6, value: (ip.value >> shift) << shift };
}
