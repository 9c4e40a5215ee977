import { parseIp, type IpAddress } from '../ip';

/** One listening address of a `bind` line (or of an old-style `listen NAME ADDR` header). */
export interface BindAddress {
  /** Undefined for wildcard addresses (`*`, empty, `0.0.0.0`, `::`). */
  address?: IpAddress;
  portMin: number;
  portMax: number;
  ssl: boolean;
  line: number;
  text: string;
}

/** Reads `bind` words: comma-separated addresses, then options (`ssl`, `crt`...). Unix sockets are skipped. */
export function parseBind(words: string[], line: number): { binds: BindAddress[]; problems: string[] } {
  const problems: string[] = [];
  const [list = '', ...options] = words;
  const ssl = options.includes('ssl') || options.includes('quic');
  const binds: BindAddress[] = [];
  for (let item of list.split(',')) {
    item = item.trim();
    if (!item) continue;
    const family = /^([a-z0-9]+)@(.*)$/.exec(item);
    if (family) {
      const f = family[1];
      if (f === 'unix' || f === 'abns' || f === 'fd' || f === 'sockpair' || f === 'uxst' || f === 'uxdg') continue;
      item = family[2];
    }
    if (item.startsWith('/')) continue;
    const m = /^(.*):(\d+)(?:-(\d+))?$/.exec(item);
    if (!m) {
      problems.push(`cannot read bind address '${item}'`);
      continue;
    }
    const host = m[1].replace(/^\[|\]$/g, '');
    const portMin = Number(m[2]);
    const portMax = m[3] ? Number(m[3]) : portMin;
    let address: IpAddress | undefined;
    if (host !== '' && host !== '*' && host !== '0.0.0.0' && host !== '::' && host !== ':::') {
      address = parseIp(host);
      if (!address) {
        problems.push(`bind address '${host}' is a name; it is taken as any address`);
      }
    }
    binds.push({ address, portMin, portMax, ssl, line, text: item });
  }
  return { binds, problems };
}
