import type { SimRequest, SimResult } from './types';

/** The answers of a request and of each redirect it led to, and why following stopped. */
export interface RedirectChain {
  results: SimResult[];
  /** The URLs requested in turn, the first one included. */
  urls: string[];
  /** Set when the redirects come back to a URL already requested: the cycle, written `a -> b -> a`. */
  loop?: string;
  /** Set when following stopped after `maxHops` redirects without a loop. */
  tooMany?: string;
}

function absoluteUrl(request: SimRequest): URL | undefined {
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(request.url)) return new URL(request.url);
    const host = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === 'host')?.[1];
    return new URL(request.url, `http://${(Array.isArray(host) ? host[0] : host) || '127.0.0.1'}`);
  } catch {
    return undefined;
  }
}

/** The request a client sends after a redirect: 307 and 308 keep the method and body, the others become GET. */
function nextRequest(previous: SimRequest, from: URL, status: number, location: string): SimRequest | undefined {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return undefined;
  }
  const keepMethod = status === 307 || status === 308;
  const headers = Object.fromEntries(Object.entries(previous.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'host'));
  return {
    ...previous,
    method: keepMethod ? previous.method : 'GET',
    body: keepMethod ? previous.body : undefined,
    url: target.href,
    headers: { ...headers, Host: target.host },
  };
}

/**
 * Routes a request and follows the redirects HAProxy answers, as a browser would, up to `maxHops`. A redirect
 * back to a URL already requested is reported as a loop instead of being followed again.
 */
export function followRedirects(simulator: { route(request: SimRequest): SimResult }, request: SimRequest, maxHops = 10): RedirectChain {
  const chain: RedirectChain = { results: [], urls: [] };
  const seen = new Map<string, number>();
  let current: SimRequest | undefined = request;
  while (current) {
    const url = absoluteUrl(current);
    const key = `${current.method} ${url?.href ?? current.url}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      chain.loop = [...chain.urls.slice(earlier), url?.href ?? current.url].join(' -> ');
      return chain;
    }
    if (chain.results.length > maxHops) {
      chain.tooMany = `more than ${maxHops} redirects`;
      return chain;
    }
    seen.set(key, chain.urls.length);
    chain.urls.push(url?.href ?? current.url);
    const result = simulator.route(current);
    chain.results.push(result);
    const status = result.status ?? 0;
    current = status >= 300 && status < 400 && result.location && url ? nextRequest(current, url, status, result.location) : undefined;
  }
  return chain;
}
