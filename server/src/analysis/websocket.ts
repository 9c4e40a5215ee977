import type { ConfigModel, Proxy } from '../model/config-model';
import type { Directive } from '../syntax/ast';
import { conditionSelects, proxyTests, type CriterionTest } from './acl-tests';
import { routesFrom } from './routes';

const HEADER_FETCH = /^(?:req\.)?f?hdr(?:_[a-z]+)?$/;
const PATH_FETCH = /^(?:path|pathq|url|base|baseq|req\.path|req\.uri|capture\.req\.uri)(?:_[a-z]+)?$/;
const WS_SEGMENT = /(?:^|[/^])(?:ws|wss|websockets?|socket\.io|sockjs|cable)(?=$|[/?.$\\-])/i;

/** An ACL on the `Upgrade: websocket` header (or `Connection: upgrade`). */
export const isUpgradeTest: CriterionTest = (shape) => {
  if (!HEADER_FETCH.test(shape.fetch)) return false;
  if (shape.firstArg === 'upgrade') return shape.patterns.length === 0 || shape.fetch.endsWith('_cnt') || shape.patterns.some((p) => /websocket/i.test(p));
  if (shape.firstArg === 'connection') return shape.patterns.some((p) => /upgrade/i.test(p));
  return false;
};

/** An ACL on a path that WebSocket endpoints conventionally use (`/ws/`, `/socket.io/`, `/cable`...). */
export const isWebSocketPathTest: CriterionTest = (shape) =>
  PATH_FETCH.test(shape.fetch) && shape.patterns.some((p) => WS_SEGMENT.test(p) || /websocket/i.test(p));

export const isWebSocketTest: CriterionTest = (shape) => isUpgradeTest(shape) || isWebSocketPathTest(shape);

/** Why a backend is believed to carry WebSocket connections. */
export interface WebSocketUse {
  frontend: Proxy;
  /** The routing line that sends WebSocket traffic there (absent for a listen section serving itself). */
  directive?: Directive;
  reason: 'routed' | 'only-backend';
}

/**
 * Backends that receive WebSocket traffic: those a `use_backend` sends requests matching an Upgrade-header
 * or WebSocket-path ACL to, and the only backend of a frontend that tests for WebSocket requests at all.
 */
export function webSocketBackends(model: ConfigModel): Map<Proxy, WebSocketUse> {
  const found = new Map<Proxy, WebSocketUse>();
  for (const proxy of model.proxies) {
    const routes = routesFrom(model, proxy);
    for (const route of routes) {
      if (route.kind === 'use_backend' && route.to && conditionSelects(proxy, route.directive?.condition, isWebSocketTest) && !found.has(route.to)) {
        found.set(route.to, { frontend: proxy, directive: route.directive, reason: 'routed' });
      }
    }
    const targets = new Set(routes.map((route) => route.to));
    const [only] = targets;
    if (targets.size === 1 && only && !found.has(only) && proxyTests(proxy, isWebSocketTest)) {
      found.set(only, { frontend: proxy, directive: routes[0].directive, reason: 'only-backend' });
    }
  }
  return found;
}

/** How a backend came to be seen as carrying WebSocket traffic, for messages. */
export function webSocketOrigin(use: WebSocketUse): string {
  const frontend = `${use.frontend.kind} '${use.frontend.name}'`;
  if (use.reason === 'routed' && use.directive) return `routed there by line ${use.directive.range.start.line + 1} of ${frontend}`;
  return `the only backend of ${frontend}, which looks for WebSocket requests`;
}
