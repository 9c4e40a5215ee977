import type { LbServer } from '../balance/lb-server';

/** A `server` line read into what routing needs. */
export interface ServerDef extends LbServer {
  line: number;
  address: string;
  cookie?: string;
  /** `disabled` on the line: starts in maintenance. */
  disabledAtStart: boolean;
  nonStick: boolean;
  /** `redir <prefix>`: HAProxy answers 302 to <prefix><uri> instead of forwarding. */
  redir?: string;
  trackRef?: string;
  explicitId?: boolean;
}

const VALUE_OPTIONS = new Set([
  'weight', 'cookie', 'id', 'maxconn', 'minconn', 'maxqueue', 'inter', 'fastinter', 'downinter', 'rise', 'fall', 'port', 'addr',
  'slowstart', 'observe', 'on-error', 'on-marked-down', 'on-marked-up', 'error-limit', 'agent-port', 'agent-inter', 'agent-addr',
  'agent-send', 'check-sni', 'sni', 'ca-file', 'crt', 'crl-file', 'alpn', 'npn', 'ciphers', 'ciphersuites', 'source', 'usesrc',
  'proto', 'resolvers', 'resolve-prefer', 'resolve-net', 'init-addr', 'namespace', 'track', 'redir', 'pool-max-conn',
  'pool-purge-delay', 'pool-low-conn', 'max-reuse', 'proxy-v2-options', 'send-proxy-v2-ssl', 'tcp-ut', 'check-proto', 'ws',
  'hash-key', 'log-proto', 'verifyhost', 'verify', 'ssl-min-ver', 'ssl-max-ver', 'set-proxy-v2-tlv-fmt', 'check-alpn',
  'check-via-socks4', 'socks4', 'curves', 'sigalgs', 'client-sigalgs', 'health-check-port', 'shard', 'tfo', 'guid',
]);

/** Server options `default-server` may set, kept as words so a server line can override them. */
export function parseServerWords(
  name: string,
  address: string,
  words: string[],
  defaults: string[],
  line: number,
  index: number,
): ServerDef {
  const all = [...defaults, ...words];
  const s: ServerDef = {
    name,
    puid: index + 1,
    index,
    uweight: 1,
    backup: false,
    maxconn: 0,
    served: 0,
    running: true,
    draining: false,
    line,
    address,
    disabledAtStart: false,
    nonStick: false,
  };
  for (let i = 0; i < all.length; i++) {
    const w = all[i];
    const v = all[i + 1];
    switch (w) {
      case 'weight':
        s.uweight = Math.max(0, Math.min(256, Number(v) || 0));
        i++;
        break;
      case 'cookie':
        s.cookie = v;
        i++;
        break;
      case 'id':
        if (/^\d+$/.test(v ?? '')) s.puid = Number(v);
        i++;
        break;
      case 'maxconn':
        s.maxconn = Number(v) || 0;
        i++;
        break;
      case 'backup':
        s.backup = true;
        break;
      case 'no-backup':
        s.backup = false;
        break;
      case 'disabled':
        s.disabledAtStart = true;
        break;
      case 'enabled':
        s.disabledAtStart = false;
        break;
      case 'non-stick':
        s.nonStick = true;
        break;
      case 'redir':
        s.redir = v;
        i++;
        break;
      case 'track':
        s.trackRef = v;
        i++;
        break;
      default:
        if (VALUE_OPTIONS.has(w)) i++;
    }
  }
  return s;
}
