import type { Proxy } from '../../model/config-model';
import type { ConfigFile } from '../../syntax/ast';
import { insertAfterHeader, lineBreakOf } from '../edits';
import type { Fix } from '../finding';
import { hasTimeout, isBackendLike, isFrontendLike, ownDirective } from '../proxy-settings';
import type { Rule } from '../rule';
import { hasSection } from '../section-presence';

const SUGGESTED: Record<string, string> = { client: '30s', connect: '5s', server: '30s' };

function hasServers(proxy: Proxy): boolean {
  for (let i = 0; i < proxy.servers.length; i++) if (!proxy.servers[i].isDefault) return true;
  for (let i = 0; i < proxy.directives.length; i++) if (proxy.directives[i].keyword.value === 'server-template') return true;
  return false;
}

/**
 * The timeouts HAProxy 2.6 wants and that end up unset (counting defaults): `client` on the frontend side;
 * `connect` and `server` on the backend side when it has servers (in TCP mode `timeout tunnel` stands in for
 * `timeout server`).
 */
export function missingTimeouts(proxy: Proxy): string[] {
  if (proxy.mode !== 'http' && proxy.mode !== 'tcp') return [];
  if (ownDirective(proxy, 'disabled')) return [];
  const missing: string[] = [];
  if (isFrontendLike(proxy) && !hasTimeout(proxy, 'client')) missing.push('client');
  if (isBackendLike(proxy) && hasServers(proxy)) {
    if (!hasTimeout(proxy, 'connect')) missing.push('connect');
    if (!hasTimeout(proxy, 'server') && (proxy.mode === 'http' || !hasTimeout(proxy, 'tunnel'))) missing.push('server');
  }
  return missing;
}

function timeoutFixes(file: ConfigFile, proxy: Proxy, missing: readonly string[]): Fix[] {
  const lines = missing.map((name) => `timeout ${name} ${SUGGESTED[name]}`);
  const fixes: Fix[] = [{ title: `Add ${lines.join(', ')} to ${proxy.kind} '${proxy.name}'`, edits: [insertAfterHeader(file, proxy.section, lines)], preferred: true }];
  const defaults = proxy.defaults;
  // A defaults section of another file of a multi-file config cannot be edited from this file's findings.
  if (defaults && hasSection(file, defaults.section)) {
    const label = defaults.name ? `defaults section '${defaults.name}'` : 'its defaults section';
    fixes.push({ title: `Add ${lines.join(', ')} to ${label}`, edits: [insertAfterHeader(file, defaults.section, lines)] });
  }
  return fixes;
}

/** Reports proxies for which HAProxy prints "missing timeouts": connections could then hang forever. */
export const missingTimeoutsRule: Rule = {
  name: 'missing-timeouts',
  defaultSeverity: 'warning',
  description: 'A proxy ends up without timeout client, connect or server (counting its defaults), as HAProxy warns.',
  fileFacts: ({ file }) => lineBreakOf(file),
  checkSection({ file, proxy, report }) {
    if (!proxy || proxy.kind === 'defaults') return;
    const missing = missingTimeouts(proxy);
    if (missing.length === 0) return;
    const list = missing.map((name) => `'timeout ${name}'`).join(', ');
    report({
      message: `${proxy.kind} '${proxy.name}' has no ${list} (not even from defaults); HAProxy warns about missing timeouts and idle connections may never be closed.`,
      range: (proxy.nameWord ?? proxy.section.keyword).range,
      fixes: () => timeoutFixes(file, proxy, missing),
    });
  },
};
