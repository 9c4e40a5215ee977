import { parseIp } from '../ip';
import { bool, int, ipSample, str, type Sample } from '../sample';
import type { StreamContext } from '../context';
import { registerFetches, type FetchDef } from './registry';

function unknown(ctx: StreamContext, what: string): Sample[] {
  ctx.unsupported.add(what);
  return [];
}

const defs: FetchDef[] = [
  { name: 'src', type: 'ip', run: (ctx) => [ipSample(ctx.src)] },
  { name: 'src_port', type: 'int', run: (ctx) => [int(ctx.srcPort)] },
  { name: 'dst', type: 'ip', run: (ctx) => (ctx.dst ? [ipSample(ctx.dst)] : unknown(ctx, 'dst (the request named no destination address)')) },
  { name: 'dst_port', type: 'int', run: (ctx) => [int(ctx.dstPort)] },
  { name: 'fe_id', type: 'int', run: (ctx) => [int(ctx.frontendId)] },
  { name: 'fe_name', type: 'str', run: (ctx) => [str(ctx.frontendName)] },
  { name: 'be_id', type: 'int', run: (ctx) => (ctx.backendId !== undefined ? [int(ctx.backendId)] : []) },
  { name: 'be_name', type: 'str', run: (ctx) => (ctx.backendName !== undefined ? [str(ctx.backendName)] : []) },
  { name: 'ssl_fc', type: 'bool', run: (ctx) => [bool(ctx.ssl)] },
  { name: 'ssl_fc_has_sni', type: 'bool', run: (ctx) => [bool(ctx.ssl && !!ctx.sni)] },
  { name: 'ssl_fc_sni', type: 'str', run: (ctx) => (ctx.ssl && ctx.sni ? [str(ctx.sni)] : []) },
  { name: 'req.ssl_sni', type: 'str', run: (ctx) => (ctx.clientHello && ctx.sni ? [str(ctx.sni)] : []) },
  { name: 'req.ssl_hello_type', type: 'int', run: (ctx) => (ctx.clientHello ? [int(1)] : []) },
  { name: 'ssl_c_used', type: 'bool', run: () => [bool(false)] },
  { name: 'ssl_fc_alpn', type: 'str', run: (ctx) => unknown(ctx, 'ssl_fc_alpn (the client ALPN is not part of a request)') },
  { name: 'ssl_fc_protocol', type: 'str', run: (ctx) => unknown(ctx, 'ssl_fc_protocol (the TLS version is not part of a request)') },
  { name: 'always_true', type: 'bool', run: () => [bool(true)] },
  { name: 'always_false', type: 'bool', run: () => [bool(false)] },
  { name: 'wait_end', type: 'bool', run: () => [bool(true)] },
  { name: 'stopping', type: 'bool', run: () => [bool(false)] },
  { name: 'int', type: 'int', run: (_ctx, [v = '']) => (/^-?\d+$/.test(v) ? [int(Number(v))] : []) },
  { name: 'str', type: 'str', run: (_ctx, [v = '']) => [str(v)] },
  { name: 'bool', type: 'bool', run: (_ctx, [v = '']) => [bool(v === 'true' || v === '1')] },
  {
    name: 'ipv4',
    type: 'ip',
    run: (_ctx, [v = '']) => {
      const ip = parseIp(v);
      return ip ? [ipSample(ip)] : [];
    },
  },
  {
    name: 'ipv6',
    type: 'ip',
    run: (_ctx, [v = '']) => {
      const ip = parseIp(v);
      return ip ? [ipSample(ip)] : [];
    },
  },
  {
    name: 'var',
    type: 'str',
    run: (ctx, [name = '', def]) => {
      const v = ctx.vars.get(name);
      if (v) return [v];
      return def !== undefined ? [str(def)] : [];
    },
  },
  { name: 'env', type: 'str', run: (ctx, [name = '']) => unknown(ctx, `env(${name}) (environment variables are not known)`) },
  { name: 'nbsrv', type: 'int', run: (ctx, [be]) => [int(ctx.env.serverUp(be ?? ctx.backendName ?? ctx.currentProxy))] },
  {
    name: 'srv_is_up',
    type: 'bool',
    run: (ctx, [ref = '']) => {
      const [be, srv] = ref.includes('/') ? ref.split('/') : [ctx.backendName ?? ctx.currentProxy, ref];
      return [bool(ctx.env.serverUp(be, srv) > 0)];
    },
  },
  { name: 'date', type: 'int', run: (ctx) => [int(Math.floor(ctx.now / 1000))] },
  { name: 'rand', type: 'int', run: (ctx) => unknown(ctx, 'rand() (random values differ on every request)') },
  { name: 'req.len', type: 'int', run: (ctx) => unknown(ctx, 'req.len (buffer contents are not simulated)') },
  { name: 'req.payload', type: 'bin', run: (ctx) => unknown(ctx, 'req.payload (buffer contents are not simulated)') },
  { name: 'req.payload_lv', type: 'bin', run: (ctx) => unknown(ctx, 'req.payload_lv (buffer contents are not simulated)') },
];

registerFetches(defs, {
  req_ssl_sni: 'req.ssl_sni',
  req_ssl_hello_type: 'req.ssl_hello_type',
  req_len: 'req.len',
  payload: 'req.payload',
  payload_lv: 'req.payload_lv',
});
