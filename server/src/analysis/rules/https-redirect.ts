import type { ConfigModel, Proxy } from '../../model/config-model';
import type { Directive } from '../../syntax/ast';
import { conditionSelects, shapeOf, type CriterionTest } from '../acl-tests';
import { insertAtSectionEnd, insertBeforeDirective } from '../edits';
import type { Fix, TextEdit } from '../finding';
import { bindScope, isTlsBind } from '../listeners';
import type { Rule, RuleContext } from '../rule';
import { routesFrom } from '../routes';

const ACME_PATH = /\.well-known\/acme-challenge/;

/** An ACL on the ACME HTTP-01 challenge path, which must stay reachable over plain HTTP. */
export const isAcmeTest: CriterionTest = (shape) => /^(?:path|url|pathq|base|req\.path|capture\.req\.uri)/.test(shape.fetch) && shape.patterns.some((p) => ACME_PATH.test(p));

/** True when a line sends clients to an `https://` URL (`redirect scheme https`, `http-request redirect location https://...`). */
export function redirectsToHttps(directive: Directive): boolean {
  const keyword = directive.keyword.value;
  const args = directive.args.map((a) => a.value);
  const redirect = keyword === 'redirect' ? args : keyword === 'http-request' && args[0] === 'redirect' ? args.slice(1) : undefined;
  if (!redirect) return false;
  const [type, target = ''] = redirect;
  return (type === 'scheme' && target.toLowerCase() === 'https') || ((type === 'location' || type === 'prefix') && /^https:\/\//i.test(target));
}

/** A proxy that only serves HAProxy's own pages: statistics or the Prometheus exporter. */
function isServicePage(proxy: Proxy): boolean {
  const servesStats = proxy.directives.some((d) => d.keyword.value === 'stats' && (d.args[0]?.value === 'enable' || d.args[0]?.value === 'uri'));
  const servesMetrics = proxy.directives.some((d) => d.keyword.value === 'http-request' && d.args[0]?.value === 'use-service');
  return (servesStats || servesMetrics) && !proxy.servers.some((s) => !s.isDefault);
}

/** The routes of a frontend that carry application traffic (not ACME challenges, statistics or metrics). */
function applicationRoutes(model: ConfigModel, proxy: Proxy) {
  return routesFrom(model, proxy).filter((route) => {
    if (route.kind === 'self') return proxy.servers.some((s) => !s.isDefault);
    if (route.kind === 'use_backend' && conditionSelects(proxy, route.directive?.condition, isAcmeTest)) return false;
    return !(route.to && isServicePage(route.to));
  });
}

const RULE_KEYWORDS = new Set(['http-request', 'redirect', 'use_backend', 'use-server', 'default_backend', 'server']);

function redirectFix(context: RuleContext, proxy: Proxy, mixed: boolean): Fix {
  const { file } = context;
  const acmeAcl = [...proxy.acls.values()].find((defs) => defs.some((acl) => acl.criterion && isAcmeTest(shapeOf(acl.criterion))));
  const routesAcme = routesFrom(context.model, proxy).some((route) => conditionSelects(proxy, route.directive?.condition, isAcmeTest));
  const acmeException = acmeAcl ? [acmeAcl[0].name] : routesAcme ? ['{ path_beg /.well-known/acme-challenge/ }'] : [];
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
    for (const proxy of context.model.proxies) {
      if ((proxy.kind !== 'frontend' && proxy.kind !== 'listen') || proxy.mode !== 'http') continue;
      const plain = proxy.binds.filter((bind) => !isTlsBind(bind) && bindScope(bind) !== 'local' && bindScope(bind) !== 'private');
      if (plain.length === 0) continue;
      if (proxy.directives.some(redirectsToHttps)) continue;
      if (applicationRoutes(context.model, proxy).length === 0) continue;
      const bind = plain[0];
      context.report({
        message: `${proxy.kind} '${proxy.name}' accepts plain HTTP here and forwards it to application backends; redirect it to HTTPS instead.`,
        range: (bind.address ?? bind.directive.keyword).range,
        fixes: [redirectFix(context, proxy, proxy.binds.some(isTlsBind))],
      });
    }
  },
};
