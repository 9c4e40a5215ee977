/** Reader for the addresses HAProxy accepts in `bind` and `server` lines (times and sizes: model/catalog/units). */

export type AddressFamily = 'ipv4' | 'ipv6' | 'unix' | 'abns' | 'fd' | 'sockpair' | 'udp' | 'quic' | 'any' | 'name' | 'env';

/** A listening or server address: `[prefix@]host[:port[-port]]`. */
export interface Address {
  family: AddressFamily;
  /** The prefix as written (`ipv4@`, `unix@`, `quic4@`...), if any. */
  prefix?: string;
  host: string;
  portFrom?: number;
  portTo?: number;
  /** A `+N` or `-N` port offset (servers), when written. */
  portOffset?: string;
  /** Path for unix/abns sockets, number for fd@. */
  path?: string;
}

const PATH_PREFIXES = new Set(['unix', 'abns', 'abnsz', 'fd', 'sockpair']);

/**
 * Reads an address as `bind` and `server` lines take it. Returns an error message instead of an Address when it
 * cannot be valid (bad port, bad range, empty host with a prefix that needs one).
 */
export function parseAddress(text: string): Address | { error: string } {
  let rest = text;
  let prefix: string | undefined;
  const at = /^([a-z0-9+-]+)@/.exec(rest);
  if (at) {
    prefix = at[1];
    rest = rest.slice(at[0].length);
    if (PATH_PREFIXES.has(prefix)) {
      if (!rest) return { error: `'${prefix}@' must be followed by a ${prefix === 'fd' ? 'file descriptor' : 'socket name'}` };
      return { family: prefix === 'abnsz' ? 'abns' : (prefix as AddressFamily), prefix: `${prefix}@`, host: '', path: rest };
    }
  }
  if (rest.startsWith('/')) return { family: 'unix', prefix, host: '', path: rest };
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1];
    portText = bracketed[2];
  } else {
    const lastColon = rest.lastIndexOf(':');
    host = lastColon < 0 ? rest : rest.slice(0, lastColon);
    portText = lastColon < 0 ? undefined : rest.slice(lastColon + 1);
  }
  const family = familyOf(host, prefix);
  const address: Address = { family, prefix: prefix ? `${prefix}@` : undefined, host };
  if (portText !== undefined && portText !== '') {
    const offset = /^[+-]\d+$/.exec(portText);
    if (offset) {
      address.portOffset = portText;
      return address;
    }
    const range = /^(\d+)(?:-(\d+))?$/.exec(portText);
    if (!range) {
      if (portText.includes('$')) return address;
      return { error: `invalid port '${portText}'` };
    }
    address.portFrom = Number(range[1]);
    address.portTo = range[2] ? Number(range[2]) : address.portFrom;
    if (address.portFrom > 65535 || address.portTo > 65535) return { error: `port ${Math.max(address.portFrom, address.portTo)} is out of range (0-65535)` };
    if (address.portTo < address.portFrom) return { error: `port range ${portText} ends before it starts` };
  }
  return address;
}

function familyOf(host: string, prefix: string | undefined): AddressFamily {
  if (prefix?.startsWith('ipv4') || prefix === 'udp4' || prefix === 'tcp4' || prefix === 'quic4') return 'ipv4';
  if (prefix?.startsWith('ipv6') || prefix === 'udp6' || prefix === 'tcp6' || prefix === 'quic6') return 'ipv6';
  if (host === '' || host === '*' || host === '0.0.0.0' || host === '::') return host.includes(':') ? 'ipv6' : host === '' || host === '*' ? 'any' : 'ipv4';
  if (host.includes('$')) return 'env';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 'ipv4';
  if (host.includes(':')) return 'ipv6';
  return 'name';
}
