import { parseAddress } from '../../syntax/address';
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
  for (const raw of list.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const parsed = parseAddress(item);
    if ('error' in parsed || parsed.portFrom === undefined || parsed.portTo === undefined) {
      if (!('error' in parsed) && parsed.path !== undefined) continue;
      problems.push(`cannot read bind address '${item}'`);
      continue;
    }
    const host = parsed.host;
    let address: IpAddress | undefined;
    if (host !== '' && host !== '*' && host !== '0.0.0.0' && host !== '::') {
      address = parseIp(host);
      if (!address) problems.push(`bind address '${host}' is a name; it is taken as any address`);
    }
    binds.push({ address, portMin: parsed.portFrom, portMax: parsed.portTo, ssl, line, text: item });
  }
  return { binds, problems };
}
