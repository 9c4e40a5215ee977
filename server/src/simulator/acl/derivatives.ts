import type { MatchMethod } from './pattern-match';

/** ACL keywords that stand for a fetch plus a match method (the 2.6 list of registered ACL keywords). */
export const ACL_DERIVATIVES: ReadonlyMap<string, { fetch: string; method: MatchMethod }> = (() => {
  const out = new Map<string, { fetch: string; method: MatchMethod }>();
  const families: [string, string][] = [
    ['base', 'base'],
    ['cook', 'req.cook'],
    ['hdr', 'req.hdr'],
    ['path', 'path'],
    ['url', 'url'],
    ['urlp', 'url_param'],
  ];
  const suffixes: MatchMethod[] = ['beg', 'dir', 'dom', 'end', 'len', 'reg', 'sub'];
  for (const [acl, fetch] of families) {
    out.set(acl, { fetch, method: 'str' });
    for (const s of suffixes) out.set(`${acl}_${s}`, { fetch, method: s });
  }
  out.set('method', { fetch: 'method', method: 'str' });
  out.set('req_ssl_sni', { fetch: 'req.ssl_sni', method: 'str' });
  out.set('req_ver', { fetch: 'req.ver', method: 'str' });
  out.set('ssl_fc_sni_end', { fetch: 'ssl_fc_sni', method: 'end' });
  out.set('ssl_fc_sni_reg', { fetch: 'ssl_fc_sni', method: 'reg' });
  return out;
})();

/** HAProxy's predefined ACLs, as the words of an equivalent ACL line. */
export const PREDEFINED_ACLS: ReadonlyMap<string, string[]> = new Map([
  ['FALSE', ['always_false']],
  ['TRUE', ['always_true']],
  ['HTTP', ['req.proto_http']],
  ['HTTP_1.0', ['req.ver', '1.0']],
  ['HTTP_1.1', ['req.ver', '1.1']],
  ['HTTP_2.0', ['req.ver', '2.0']],
  ['HTTP_CONTENT', ['req.hdr_val(content-length)', 'gt', '0']],
  ['HTTP_URL_ABS', ['url_reg', '^[^/:]*://']],
  ['HTTP_URL_SLASH', ['url_beg', '/']],
  ['HTTP_URL_STAR', ['url', '*']],
  ['LOCALHOST', ['src', '127.0.0.1/8', '::1']],
  ['METH_CONNECT', ['method', 'CONNECT']],
  ['METH_DELETE', ['method', 'DELETE']],
  ['METH_GET', ['method', 'GET', 'HEAD']],
  ['METH_HEAD', ['method', 'HEAD']],
  ['METH_OPTIONS', ['method', 'OPTIONS']],
  ['METH_POST', ['method', 'POST']],
  ['METH_PUT', ['method', 'PUT']],
  ['METH_TRACE', ['method', 'TRACE']],
  ['RDP_COOKIE', ['req.rdp_cookie_cnt', 'gt', '0']],
  ['REQ_CONTENT', ['req.len', 'gt', '0']],
  ['WAIT_END', ['wait_end']],
]);
