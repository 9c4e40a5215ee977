import type { Proxy } from '../../model/config-model';
import type { Directive } from '../../syntax/ast';
import { insertLinesAfter, sectionIndent } from '../edits';
import { ListFilter } from '../list-tracker';
import { ProxyMemo } from '../proxy-memo';
import { isTlsBind } from '../listeners';
import { isFrontendLike, settingChain } from '../proxy-settings';
import type { Rule } from '../rule';
import { routesFrom, type Route } from '../routes';

const HEADER_ACTIONS = new Set(['set-header', 'add-header']);

function setsHsts(directive: Directive): boolean {
  const keyword = directive.keyword.value;
  if (keyword !== 'http-response' && keyword !== 'http-after-response') return false;
  return HEADER_ACTIONS.has(directive.args[0]?.value ?? '') && directive.args[1]?.value.toLowerCase() === 'strict-transport-security';
}

/** What the rule derives from an HTTPS frontend that does not set the header itself, kept with the proxy object. */
interface Frontend {
  /** Whether a backend the routes (as last resolved) reach sets the header. */
  decided?: { routes: readonly Route[]; covered: boolean };
}

const setsHeader = new ProxyMemo<boolean>((proxy) => {
  const chain = settingChain(proxy);
  for (let c = 0; c < chain.length; c++) {
    const directives = chain[c].directives;
    for (let i = 0; i < directives.length; i++) if (setsHsts(directives[i])) return true;
  }
  return false;
});
const frontends = new ProxyMemo<Frontend>(() => ({}));

function proxySetsHsts(proxy: Proxy): boolean {
  return setsHeader.of(proxy);
}

function hasTlsBind(proxy: Proxy): boolean {
  for (let i = 0; i < proxy.binds.length; i++) if (isTlsBind(proxy.binds[i])) return true;
  return false;
}

/** HTTP frontends and listens with a TLS bind that do not set the header themselves (nor their defaults). */
const needingHsts = new ListFilter<Proxy>((proxy) => isFrontendLike(proxy) && proxy.mode === 'http' && hasTlsBind(proxy) && !proxySetsHsts(proxy));

/** Reports HTTPS frontends whose responses never carry Strict-Transport-Security, set there, in defaults or in a backend they use. */
export const hstsRule: Rule = {
  name: 'hsts',
  defaultSeverity: 'info',
  description: 'An HTTPS frontend never sets the Strict-Transport-Security header.',
  check({ file, model, report }) {
    for (const proxy of needingHsts.of(model.proxies)) {
      const frontend = frontends.of(proxy);
      const routes = routesFrom(model, proxy);
      if (frontend.decided?.routes !== routes) frontend.decided = { routes, covered: routes.some((route) => route.to !== undefined && proxySetsHsts(route.to)) };
      if (frontend.decided.covered) continue;
      report({
        message: `HTTPS ${proxy.kind} '${proxy.name}' never sets Strict-Transport-Security, so browsers may still try plain HTTP first.`,
        range: (proxy.nameWord ?? proxy.section.keyword).range,
        fixes: () => {
          const line = 'http-response set-header Strict-Transport-Security "max-age=63072000"';
          const lastBind = proxy.binds[proxy.binds.length - 1].directive;
          const edit = insertLinesAfter(file, lastBind.range.end, [line], sectionIndent(file, proxy.section));
          return [{ title: 'Send Strict-Transport-Security (two years)', edits: [edit], preferred: true }];
        },
      });
    }
  },
};
