import type { ConfigModel, Proxy } from '../model/config-model';
import type { Directive } from '../syntax/ast';
import { conditionSelects, proxyTests, type CriterionTest } from './acl-tests';
import { ListFilter } from './list-tracker';
import { ProxyMemo } from './proxy-memo';
import { isFrontendLike } from './proxy-settings';
import { routeLines, routesFrom } from './routes';

const HEADER_FETCH = /^(?:req\.)?f?hdr(?:_[a-z]+)?$/;
const PATH_FETCH = /^(?:path|pathq|url|base|baseq|req\.path|req\.uri|capture\.req\.uri)(?:_[a-z]+)?$/;
const WS_SEGMENT = /(?:^|[/^])(?:ws|wss|websockets?|socket\.io|sockjs|cable)(?=$|[/?.$\\-])/i;
const WEBSOCKET = /websocket/i;
const UPGRADE = /upgrade/i;

/** An ACL on the `Upgrade: websocket` header (or `Connection: upgrade`). */
export const isUpgradeTest: CriterionTest = (shape) => {
  if (!HEADER_FETCH.test(shape.fetch)) return false;
  if (shape.firstArg === 'upgrade') return shape.patterns.length === 0 || shape.fetch.endsWith('_cnt') || shape.patterns.some((p) => WEBSOCKET.test(p));
  if (shape.firstArg === 'connection') return shape.patterns.some((p) => UPGRADE.test(p));
  return false;
};

/** An ACL on a path that WebSocket endpoints conventionally use (`/ws/`, `/socket.io/`, `/cable`...). */
export const isWebSocketPathTest: CriterionTest = (shape) =>
  PATH_FETCH.test(shape.fetch) && shape.patterns.some((p) => WS_SEGMENT.test(p) || WEBSOCKET.test(p));

export const isWebSocketTest: CriterionTest = (shape) => isUpgradeTest(shape) || isWebSocketPathTest(shape);

/** Why a backend is believed to carry WebSocket connections. */
export interface WebSocketUse {
  frontend: Proxy;
  /** The routing line that sends WebSocket traffic there (absent for a listen section serving itself). */
  directive?: Directive;
  reason: 'routed' | 'only-backend';
}

/** What a frontend's own lines say about WebSocket traffic: which of its routes select it, and whether it tests for it at all. */
interface WebSocketTests {
  /** For each route (in `routeLines` order), whether its condition selects WebSocket requests. */
  routed: boolean[];
  tests: boolean;
}

const backendsCache = new WeakMap<ConfigModel, Map<Proxy, WebSocketUse>>();

const testsOf = new ProxyMemo<WebSocketTests>((proxy) => ({
  routed: routeLines(proxy).map((line) => line.kind === 'use_backend' && conditionSelects(proxy, line.directive?.condition, isWebSocketTest)),
  tests: proxyTests(proxy, isWebSocketTest),
}));

function webSocketTests(proxy: Proxy): WebSocketTests {
  return testsOf.of(proxy);
}

/** Frontends and listens whose lines route or test WebSocket requests. */
const webSocketFrontends = new ListFilter<Proxy>((proxy) => {
  if (!isFrontendLike(proxy)) return false;
  const { routed, tests } = webSocketTests(proxy);
  return tests || routed.includes(true);
});

/**
 * Backends that receive WebSocket traffic: those a `use_backend` sends requests matching an Upgrade-header
 * or WebSocket-path ACL to, and the only backend of a frontend that tests for WebSocket requests at all.
 */
export function webSocketBackends(model: ConfigModel): Map<Proxy, WebSocketUse> {
  const cached = backendsCache.get(model);
  if (cached) return cached;
  const found = new Map<Proxy, WebSocketUse>();
  for (const proxy of webSocketFrontends.of(model.proxies)) {
    const { routed, tests } = webSocketTests(proxy);
    const routes = routesFrom(model, proxy);
    for (let i = 0; i < routes.length; i++) {
      const route = routes[i];
      if (routed[i] && route.to && !found.has(route.to)) found.set(route.to, { frontend: proxy, directive: route.directive, reason: 'routed' });
    }
    if (!tests) continue;
    const targets = new Set(routes.map((route) => route.to));
    const [only] = targets;
    if (targets.size === 1 && only && !found.has(only)) {
      found.set(only, { frontend: proxy, directive: routes[0].directive, reason: 'only-backend' });
    }
  }
  backendsCache.set(model, found);
  return found;
}

/** How a backend came to be seen as carrying WebSocket traffic, for messages. */
export function webSocketOrigin(use: WebSocketUse): string {
  const frontend = `${use.frontend.kind} '${use.frontend.name}'`;
  if (use.reason === 'routed' && use.directive) return `routed there by line ${use.directive.range.start.line + 1} of ${frontend}`;
  return `the only backend of ${frontend}, which looks for WebSocket requests`;
}
