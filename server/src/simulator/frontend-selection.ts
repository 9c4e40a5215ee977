import type { CompiledProxy } from './compiled-proxy';
import type { BindAddress } from './config/binds';
import { formatIp } from './ip';
import type { ParsedRequest } from './request';

export type FrontendChoice = { proxy: CompiledProxy; bind: BindAddress; note?: string } | { error: string };

function sameIp(a: BindAddress, req: ParsedRequest): boolean {
  if (!a.address || !req.dst) return false;
  return a.address.family === req.dst.family && a.address.value === req.dst.value;
}

/**
 * Finds the listener that accepts the connection: the port must fall in the bind's range; an exact
 * address wins over a wildcard one (as the kernel does); a host name matches any address.
 * `https` needs an `ssl` bind and `http` a plain one, except on tcp-mode proxies, where TLS on a plain
 * bind passes through (its ClientHello is readable with `req.ssl_sni`).
 */
export function selectFrontend(frontends: CompiledProxy[], req: ParsedRequest): FrontendChoice {
  const candidates: { proxy: CompiledProxy; bind: BindAddress; exact: boolean }[] = [];
  for (const proxy of frontends) {
    if (proxy.disabled) continue;
    for (const bind of proxy.binds) {
      if (req.port < bind.portMin || req.port > bind.portMax) continue;
      if (bind.address && req.dst && !sameIp(bind, req)) continue;
      candidates.push({ proxy, bind, exact: !!bind.address && sameIp(bind, req) });
    }
  }
  const where = `${req.dst ? formatIp(req.dst) : req.host || '*'}:${req.port}`;
  if (!candidates.length) return { error: `no frontend listens on ${where}` };
  const exact = candidates.filter((c) => c.exact);
  const pool = exact.length ? exact : candidates;
  const wantTls = req.scheme === 'https';
  const fitting =
    req.scheme === 'tcp' ? pool : pool.filter((c) => c.bind.ssl === wantTls || (wantTls && !c.bind.ssl && c.proxy.mode === 'tcp'));
  if (!fitting.length) {
    const c = pool[0];
    return {
      error: wantTls
        ? `${c.proxy.name} listens on ${where} without TLS (line ${c.bind.line}); an https request fails its handshake`
        : `${c.proxy.name} expects TLS on ${where} (line ${c.bind.line}); a plain http request is refused`,
    };
  }
  const chosen = fitting[0];
  if (req.scheme === 'tcp' && chosen.proxy.mode === 'http') {
    return { error: `${chosen.proxy.name} is an http frontend; a tcp:// connection sends it no HTTP request` };
  }
  const others = new Set(fitting.map((c) => c.proxy.name));
  const note = others.size > 1 ? `several frontends listen on ${where} (${[...others].join(', ')}); the first one is taken` : undefined;
  return { proxy: chosen.proxy, bind: chosen.bind, note };
}
