import type { Proxy } from '../../model/config-model';
import type { Directive } from '../../syntax/ast';
import { insertLinesAfter, sectionIndent } from '../edits';
import { isTlsBind } from '../listeners';
import { settingChain } from '../proxy-settings';
import type { Rule } from '../rule';
import { routesFrom } from '../routes';

const HEADER_ACTIONS = new Set(['set-header', 'add-header']);

function setsHsts(directive: Directive): boolean {
  const keyword = directive.keyword.value;
  if (keyword !== 'http-response' && keyword !== 'http-after-response') return false;
  return HEADER_ACTIONS.has(directive.args[0]?.value ?? '') && directive.args[1]?.value.toLowerCase() === 'strict-transport-security';
}

function proxySetsHsts(proxy: Proxy): boolean {
  return settingChain(proxy).some((section) => section.directives.some(setsHsts));
}

/** Reports HTTPS frontends whose responses never carry Strict-Transport-Security, set there, in defaults or in a backend they use. */
export const hstsRule: Rule = {
  name: 'hsts',
  defaultSeverity: 'info',
  description: 'An HTTPS frontend never sets the Strict-Transport-Security header.',
  check({ file, model, report }) {
    for (const proxy of model.proxies) {
      if ((proxy.kind !== 'frontend' && proxy.kind !== 'listen') || proxy.mode !== 'http') continue;
      if (!proxy.binds.some(isTlsBind)) continue;
      if (proxySetsHsts(proxy) || routesFrom(model, proxy).some((route) => route.to && proxySetsHsts(route.to))) continue;
      const line = 'http-response set-header Strict-Transport-Security "max-age=63072000"';
      const lastBind = proxy.binds[proxy.binds.length - 1].directive;
      const edit = insertLinesAfter(file, lastBind.range.end.line, [line], sectionIndent(file, proxy.section));
      report({
        message: `HTTPS ${proxy.kind} '${proxy.name}' never sets Strict-Transport-Security, so browsers may still try plain HTTP first.`,
        range: (proxy.nameWord ?? proxy.section.keyword).range,
        fixes: [{ title: 'Send Strict-Transport-Security (two years)', edits: [edit], preferred: true }],
      });
    }
  },
};
