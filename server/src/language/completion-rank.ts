/**
 * Names people write most, per kind of completion, most common first. They are offered ahead of the rest
 * (the order of the lists is our judgement of typical configurations, not a statistic).
 */
const COMMON: Readonly<Record<string, readonly string[]>> = {
  section: ['global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'resolvers', 'peers', 'cache', 'http-errors', 'ring'],
  proxy: [
    'bind', 'mode', 'server', 'balance', 'option', 'timeout', 'acl', 'use_backend', 'default_backend', 'http-request',
    'http-response', 'log', 'default-server', 'maxconn', 'cookie', 'stick-table', 'tcp-request', 'retries', 'http-check',
    'errorfile', 'stats', 'compression', 'redirect', 'hash-type', 'capture', 'stick', 'tcp-check', 'log-format',
  ],
  global: [
    'log', 'maxconn', 'daemon', 'nbthread', 'user', 'group', 'chroot', 'stats', 'pidfile', 'master-worker',
    'ssl-default-bind-options', 'ssl-default-bind-ciphers', 'ssl-default-bind-ciphersuites', 'ssl-default-server-options',
    'ssl-default-server-ciphers', 'ca-base', 'crt-base', 'lua-load', 'hard-stop-after', 'tune.ssl.default-dh-param', 'tune.bufsize',
  ],
  action: [
    'set-header', 'add-header', 'del-header', 'redirect', 'deny', 'allow', 'return', 'set-var', 'track-sc0', 'replace-header',
    'replace-path', 'set-path', 'auth', 'use-service', 'capture', 'reject', 'accept', 'set-log-level', 'tarpit', 'lua',
  ],
  bind: ['ssl', 'crt', 'alpn', 'accept-proxy', 'ssl-min-ver', 'ciphers', 'ciphersuites', 'verify', 'ca-file', 'name', 'transparent', 'v4v6', 'crt-list', 'strict-sni'],
  server: [
    'check', 'inter', 'fall', 'rise', 'weight', 'backup', 'maxconn', 'ssl', 'verify', 'sni', 'cookie', 'resolvers',
    'init-addr', 'send-proxy', 'send-proxy-v2', 'check-ssl', 'ca-file', 'slowstart', 'on-marked-down', 'agent-check', 'alpn',
  ],
  fetch: [
    'src', 'path', 'hdr', 'req.hdr', 'path_beg', 'url', 'method', 'base', 'query', 'url_param', 'req.cook', 'ssl_fc', 'ssl_fc_sni',
    'req.ssl_sni', 'dst_port', 'sc_http_req_rate', 'var', 'hdr_beg', 'hdr_dom', 'path_end', 'path_reg', 'http_auth', 'res.hdr',
    'status', 'nbsrv', 'src_conn_cur', 'req.len', 'req.payload', 'capture.req.hdr',
  ],
  converter: ['lower', 'upper', 'map', 'map_str', 'map_beg', 'regsub', 'field', 'word', 'base64', 'json', 'bytes', 'ipmask', 'concat', 'table_http_req_rate', 'url_dec', 'sha2'],
};

const indexes = new Map<string, ReadonlyMap<string, number>>();

function rankOf(group: string, name: string): number | undefined {
  let index = indexes.get(group);
  if (!index) {
    index = new Map((COMMON[group] ?? []).map((n, i) => [n, i]));
    indexes.set(group, index);
  }
  return index.get(name);
}

/** How likely an item is, best first: a common name, an ordinary one, one that fits the context badly, a deprecated one. */
export type Tier = 0 | 1 | 2 | 3;

/**
 * A sort key: the tier first, then the place of a common name in its list, then the label, so that the
 * editor keeps our order where labels tie.
 */
export function sortKey(group: string, name: string, demoted = false, deprecated = false): string {
  const rank = rankOf(group, name.split(' ')[0]);
  const tier: Tier = deprecated ? 3 : demoted ? 2 : rank !== undefined ? 0 : 1;
  const position = String(rank ?? 999).padStart(3, '0');
  return `${tier}${position}${name}`;
}
