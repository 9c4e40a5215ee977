import type { BindDefinition, ConfigModel, Proxy } from '../../model/config-model';
import type { Directive } from '../../syntax/ast';
import { conditionSelects, shapeOf, type CriterionTest } from '../acl-tests';
import { insertAtSectionEnd, insertBeforeDirective } from '../edits';
import type { Fix, TextEdit } from '../finding';
import { ListFilter } from '../list-tracker';
import { ProxyMemo } from '../proxy-memo';
import { bindScope, isTlsBind } from '../listeners';
import type { Rule, RuleContext } from '../rule';
import { routeLines, routesFrom, type Route } from '../routes';

const ACME_PATH = /\.well-known\/acme-challenge/;
const PATH_FETCH = /^(?:path|url|pathq|base|req\.path|capture\.req\.uri)/;
const HTTPS_URL = /^https:\/\//i;

/** An ACL on the ACME HTTP-01 challenge path, which must stay reachable over plain HTTP. */
export const isAcmeTest: CriterionTest = (shape) => PATH_FETCH.test(shape.fetch) && shape.patterns.some((p) => ACME_PATH.test(p));

/** True when a line sends clients to an `https://` URL (`redirect scheme https`, `http-request redirect location https://...`). */
export function redirectsToHttps(directive: Directive): boolean {
  const keyword = directive.keyword.value;
  if (keyword !== 'redirect' && keyword !== 'http-request') return false;
  const args = directive.args;
  const at = keyword === 'redirect' ? 0 : 1;
  if (at === 1 && args[0]?.value !== 'redirect') return false;
  const type = args[at]?.value;
  const target = args[at + 1]?.value ?? '';
  return (type === 'scheme' && target.toLowerCase() === 'https') || ((type === 'location' || type === 'prefix') && HTTPS_URL.test(target));
}

/**
 * An HTTP frontend listening without TLS on a public (or unknown) address, that redirects nothing to HTTPS. It is
 * kept with the proxy object (a new one stands for any change of its section or defaults), and so is what the rule
 * derives from it.
 */
interface Candidate {
  bind: BindDefinition;
  /** For each route, whether its condition selects ACME challenges (the proxy's lines alone decide). */
  acme: boolean[];
  /** Whether the routes, as last resolved, carry application traffic. */
  decided?: { routes: readonly Route[]; application: boolean };
}

/** The first bind without TLS that is not only reachable from this machine or a private network. */
function plainPublicBind(proxy: Proxy): BindDefinition | undefined {
  const binds = proxy.binds;
  for (let i = 0; i < binds.length; i++) {
    const bind = binds[i];
    if (isTlsBind(bind)) continue;
    const scope = bindScope(bind);
    if (scope !== 'local' && scope !== 'private') return bind;
  }
  return undefined;
}

function hasHttpsRedirect(proxy: Proxy): boolean {
  const directives = proxy.directives;
  for (let i = 0; i < directives.length; i++) if (redirectsToHttps(directives[i])) return true;
  return false;
}

const candidates = new ProxyMemo<Candidate | undefined>((proxy) => {
  const bind = plainPublicBind(proxy);
  if (!bind || hasHttpsRedirect(proxy)) return undefined;
  return { bind, acme: routeLines(proxy).map((line) => conditionSelects(proxy, line.directive?.condition, isAcmeTest)) };
});

function candidate(proxy: Proxy): Candidate | undefined {
  return (proxy.kind === 'frontend' || proxy.kind === 'listen') && proxy.mode === 'http' ? candidates.of(proxy) : undefined;
}

const candidateProxies = new ListFilter<Proxy>((proxy) => candidate(proxy) !== undefined);

/** A proxy that only serves HAProxy's own pages: statistics or the Prometheus exporter. */
const servicePages = new ProxyMemo<boolean>((proxy) => {
  const servesStats = proxy.directives.some((d) => d.keyword.value === 'stats' && (d.args[0]?.value === 'enable' || d.args[0]?.value === 'uri'));
  const servesMetrics = proxy.directives.some((d) => d.keyword.value === 'http-request' && d.args[0]?.value === 'use-service');
  return (servesStats || servesMetrics) && !proxy.servers.some((s) => !s.isDefault);
});

function isServicePage(proxy: Proxy): boolean {
  return servicePages.of(proxy);
}

/** True when some route of a frontend carries application traffic (not ACME challenges, statistics or metrics). */
function hasApplicationRoute(model: ConfigModel, proxy: Proxy, found: Candidate): boolean {
  const routes = routesFrom(model, proxy);
  if (found.decided?.routes !== routes) {
    const application = routes.some((route, i) => {
      if (route.kind === 'self') return proxy.servers.some((s) => !s.isDefault);
      if (route.kind === 'use_backend' && found.acme[i]) return false;
      return !(route.to && isServicePage(route.to));
    });
    found.decided = { routes, application };
  }
  return found.decided.application;
}

const RULE_KEYWORDS = new Set(['http-request', 'redirect', 'use_backend', 'use-server', 'default_backend', 'server']);

function redirectFix(context: RuleContext, proxy: Proxy, found: Candidate): Fix {
  const { file } = context;
  const acmeAcl = [...proxy.acls.values()].find((defs) => defs.some((acl) => acl.criterion && isAcmeTest(shapeOf(acl.criterion))));
  const routesAcme = found.acme.includes(true);
  const acmeException = acmeAcl ? [acmeAcl[0].name] : routesAcme ? ['{ path_beg /.well-known/acme-challenge/ }'] : [];
  const mixed = proxy.binds.some(isTlsBind);
  const exceptions = [...(mixed ? ['{ ssl_fc }'] : []), ...acmeException];
  const line = `http-request redirect scheme https code 301${exceptions.length ? ` unless ${exceptions.join(' || ')}` : ''}`;
  const aclLine = acmeAcl ? Math.max(...acmeAcl.map((acl) => acl.directive.range.start.line)) : -1;
  const before = proxy.directives.find((d) => RULE_KEYWORDS.has(d.keyword.value) && d.range.start.line > aclLine);
  const edit: TextEdit = before ? insertBeforeDirective(file, before, [line]) : insertAtSectionEnd(file, proxy.section, [line]);
  return { title: 'Redirect plain HTTP requests to HTTPS', edits: [edit], preferred: true };
}

/**
 * Reports HTTP frontends that listen without TLS on a public (or unknown) address and pass application traffic to
 * backends instead of redirecting it to HTTPS. ACME challenges, statistics and metrics pages are fine.
 */
export const httpsRedirectRule: Rule = {
  name: 'https-redirect',
  defaultSeverity: 'warning',
  description: 'An HTTP frontend listening without TLS forwards application traffic instead of redirecting to HTTPS.',
  check(context) {
    for (const proxy of candidateProxies.of(context.model.proxies)) {
      const found = candidate(proxy)!;
      if (!hasApplicationRoute(context.model, proxy, found)) continue;
      context.report({
        message: `${proxy.kind} '${proxy.name}' accepts plain HTTP here and forwards it to application backends; redirect it to HTTPS instead.`,
        range: (found.bind.address ?? found.bind.directive.keyword).range,
        fixes: () => [redirectFix(context, proxy, found)],
      });
    }
  },
};
