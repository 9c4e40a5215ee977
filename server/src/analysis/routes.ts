import type { ConfigModel, Proxy } from '../model/config-model';
import type { Directive } from '../syntax/ast';
import { effectiveDirective, isBackendLike, isFrontendLike } from './proxy-settings';

/** One way traffic leaves a frontend or listen for a backend. */
export interface Route {
  from: Proxy;
  /** The backend reached, when its name is static and defined. */
  to?: Proxy;
  name: string;
  kind: 'use_backend' | 'default_backend' | 'self';
  /** The `use_backend`/`default_backend` line; absent for a listen section's own servers. */
  directive?: Directive;
}

const fromCache = new WeakMap<Proxy, Route[]>();
const toCache = new WeakMap<ConfigModel, Map<Proxy, Route[]>>();

/** Every backend a frontend or listen can hand traffic to, in evaluation order. */
export function routesFrom(model: ConfigModel, proxy: Proxy): Route[] {
  if (!isFrontendLike(proxy)) return [];
  const cached = fromCache.get(proxy);
  if (cached) return cached;
  const routes: Route[] = [];
  for (const directive of proxy.directives) {
    if (directive.keyword.value !== 'use_backend' || !directive.args[0]) continue;
    const name = directive.args[0].value;
    routes.push({ from: proxy, to: staticBackend(model, name), name, kind: 'use_backend', directive });
  }
  const fallback = effectiveDirective(proxy, 'default_backend');
  if (fallback?.args[0]) {
    const name = fallback.args[0].value;
    routes.push({ from: proxy, to: staticBackend(model, name), name, kind: 'default_backend', directive: fallback });
  } else if (proxy.kind === 'listen') {
    routes.push({ from: proxy, to: proxy, name: proxy.name, kind: 'self' });
  }
  fromCache.set(proxy, routes);
  return routes;
}

/** Every route, from any frontend or listen, that reaches the given backend. */
export function routesTo(model: ConfigModel, backend: Proxy): Route[] {
  if (!isBackendLike(backend)) return [];
  let index = toCache.get(model);
  if (!index) {
    index = new Map();
    for (const route of model.proxies.flatMap((proxy) => routesFrom(model, proxy))) {
      if (!route.to) continue;
      const list = index.get(route.to) ?? [];
      list.push(route);
      index.set(route.to, list);
    }
    toCache.set(model, index);
  }
  return index.get(backend) ?? [];
}

function staticBackend(model: ConfigModel, name: string): Proxy | undefined {
  return name.includes('%[') || name.includes('$') ? undefined : model.findBackend(name);
}
