import type { ConfigModel, Proxy } from '../model/config-model';
import type { Directive } from '../syntax/ast';
import { ListTracker, type ListChange, type ListState } from './list-tracker';
import { ProxyMemo } from './proxy-memo';
import { effectiveDirective, isBackendLike, isFrontendLike } from './proxy-settings';

/** A line of a frontend or listen that hands traffic to a backend, before the backend is looked up. */
export interface RouteLine {
  /** The backend named (the proxy's own name for a listen section serving itself). */
  name: string;
  kind: 'use_backend' | 'default_backend' | 'self';
  /** The `use_backend`/`default_backend` line; absent for a listen section's own servers. */
  directive?: Directive;
}

/** One way traffic leaves a frontend or listen for a backend. */
export interface Route extends RouteLine {
  from: Proxy;
  /** The backend reached, when its name is static and defined. */
  to?: Proxy;
}

/** Routes as last resolved: the model they were resolved in, and the version of its backends. */
interface ResolvedRoutes {
  /** Held weakly: proxies outlive their model (they are reused by the next version), and so does this cache. */
  model: WeakRef<ConfigModel>;
  backends: number | undefined;
  routes: Route[];
}

let backendVersions = 0;

/**
 * A number that changes whenever the backends and listens of a list of proxies change (a backend is a new object
 * when its section or defaults change): while it stays the same, every name resolves to the same backend.
 */
class BackendVersion extends ListTracker<Proxy, ListState & { version: number }> {
  private readonly versions = new WeakMap<readonly Proxy[], number>();

  of(proxies: readonly Proxy[]): number {
    let version = this.versions.get(proxies);
    if (version === undefined) this.versions.set(proxies, (version = this.stateOf(proxies).version));
    return version;
  }

  protected create(): ListState & { version: number } {
    return { version: ++backendVersions };
  }

  protected update(state: ListState & { version: number }, before: readonly Proxy[], list: readonly Proxy[], { head, tail }: ListChange): void {
    const touched = (proxies: readonly Proxy[]) => proxies.slice(head, proxies.length - tail).some(isBackendLike);
    if (touched(before) || touched(list)) state.version = ++backendVersions;
  }
}

const backendVersion = new BackendVersion();

// The lines come from the proxy and its defaults, so they are kept with the proxy object (a new one stands for any
// change of either); the backends they reach are looked up again in each model.
const lines = new ProxyMemo<readonly RouteLine[]>((proxy) => {
  const found: RouteLine[] = [];
  const directives = proxy.directives;
  for (let i = 0; i < directives.length; i++) {
    const directive = directives[i];
    if (directive.keyword.value === 'use_backend' && directive.args[0]) found.push({ name: directive.args[0].value, kind: 'use_backend', directive });
  }
  const fallback = effectiveDirective(proxy, 'default_backend');
  if (fallback?.args[0]) found.push({ name: fallback.args[0].value, kind: 'default_backend', directive: fallback });
  else if (proxy.kind === 'listen') found.push({ name: proxy.name, kind: 'self' });
  return found;
});
const fromCache = new WeakMap<Proxy, ResolvedRoutes>();
const toCache = new WeakMap<ConfigModel, Map<Proxy, Route[]>>();

/** The routing lines of a frontend or listen, in evaluation order (the same order as `routesFrom`). */
export function routeLines(proxy: Proxy): readonly RouteLine[] {
  return isFrontendLike(proxy) ? lines.of(proxy) : [];
}

function stillResolved(model: ConfigModel, routes: readonly Route[]): boolean {
  for (const route of routes) if (route.kind !== 'self' && route.to !== staticBackend(model, route.name)) return false;
  return true;
}

/**
 * Every backend a frontend or listen can hand traffic to, in evaluation order. The same array is returned for as
 * long as the routes reach the same backends.
 */
export function routesFrom(model: ConfigModel, proxy: Proxy): Route[] {
  if (!isFrontendLike(proxy)) return [];
  const cached = fromCache.get(proxy);
  if (cached?.model.deref() === model) return cached.routes;
  // Backends of other files (a multi-file config) can change while this file does not: look those up every time.
  const backends = model.external ? undefined : backendVersion.of(model.proxies);
  if (cached && ((backends !== undefined && cached.backends === backends) || stillResolved(model, cached.routes))) {
    cached.model = new WeakRef(model);
    cached.backends = backends;
    return cached.routes;
  }
  const routes = routeLines(proxy).map((line): Route => ({ ...line, from: proxy, to: line.kind === 'self' ? proxy : staticBackend(model, line.name) }));
  fromCache.set(proxy, { model: new WeakRef(model), backends, routes });
  return routes;
}

/** Every route, from any frontend or listen, that reaches the given backend. */
export function routesTo(model: ConfigModel, backend: Proxy): Route[] {
  if (!isBackendLike(backend)) return [];
  let index = toCache.get(model);
  if (!index) {
    index = new Map();
    const proxies = model.proxies;
    for (let p = 0; p < proxies.length; p++) {
      const routes = routesFrom(model, proxies[p]);
      for (let r = 0; r < routes.length; r++) {
        const route = routes[r];
        if (!route.to) continue;
        const list = index.get(route.to);
        if (list) list.push(route);
        else index.set(route.to, [route]);
      }
    }
    toCache.set(model, index);
  }
  return index.get(backend) ?? [];
}

function staticBackend(model: ConfigModel, name: string): Proxy | undefined {
  return name.includes('%[') || name.includes('$') ? undefined : model.findBackend(name);
}
