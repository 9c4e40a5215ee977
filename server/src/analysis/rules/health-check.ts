import type { Proxy } from '../../model/config-model';
import { appendToDirective, insertAfterHeader, lineBreakOf } from '../edits';
import { effectiveDirective, settingChain } from '../proxy-settings';
import type { Rule, RuleContext } from '../rule';
import { activeServerCount, hasCheck, isBackup, serverLines, serverPort, type ServerLine } from '../servers';

/** Check methods other than plain connect: whoever configured one chose how to probe. */
const CHECK_OPTIONS = /^(?:httpchk|ssl-hello-chk|smtpchk|ldap-check|mysql-check|pgsql-check|redis-check|spop-check|tcp-check|external-check)$/;

function checkDirectives(proxy: Proxy, keyword: string) {
  return settingChain(proxy).flatMap((section) => section.directives.filter((d) => d.keyword.value === keyword && !d.prefix));
}

function hasCheckMethod(proxy: Proxy): boolean {
  const chain = settingChain(proxy);
  for (let c = 0; c < chain.length; c++) {
    const directives = chain[c].directives;
    for (let i = 0; i < directives.length; i++) {
      const directive = directives[i];
      if (directive.prefix) continue;
      const keyword = directive.keyword.value;
      if (keyword === 'http-check' || keyword === 'tcp-check' || (keyword === 'option' && CHECK_OPTIONS.test(directive.args[0]?.value ?? ''))) return true;
    }
  }
  return false;
}

const REDIS_MASTER_CHECK = [
  'option tcp-check',
  'tcp-check connect',
  'tcp-check send PING\\r\\n',
  'tcp-check expect string +PONG',
  'tcp-check send info\\ replication\\r\\n',
  'tcp-check expect string role:master',
  'tcp-check send QUIT\\r\\n',
  'tcp-check expect string +OK',
];

const POSTGRES_NAME = /postgres|pgsql|(?:^|[-_])pg(?:[-_]|$)/i;
const REDIS_NAME = /redis/i;
const REPLICA_NAME = /replica|slave|read/i;
const ROLE_MASTER = /role:master/;

function looksLike(proxy: Proxy, servers: readonly ServerLine[], port: number, name: RegExp): boolean {
  for (let i = 0; i < servers.length; i++) if (serverPort(servers[i]) === port) return true;
  return name.test(proxy.name);
}

function checkServers(context: RuleContext, proxy: Proxy, servers: readonly ServerLine[]): void {
  let total = 0;
  let backup = false;
  for (let i = 0; i < servers.length; i++) {
    total += servers[i].count;
    if (!backup) backup = isBackup(proxy, servers[i]);
  }
  if (total < 2 && !backup) return;
  for (let i = 0; i < servers.length; i++) {
    const server = servers[i];
    if (hasCheck(proxy, server)) continue;
    context.report({
      message: `Server '${server.name}' has no 'check': HAProxy keeps sending it traffic when it is down${backup ? ', and backups never take over' : ''}.`,
      range: server.nameWord.range,
      fixes: [{ title: "Enable health checks on this server ('check')", edits: [appendToDirective(server.directive, 'check')], preferred: true }],
    });
  }
}

function hasAgentCheck(servers: readonly ServerLine[]): boolean {
  for (let s = 0; s < servers.length; s++) {
    const options = servers[s].options;
    for (let i = 0; i < options.length; i++) if (options[i].value === 'agent-check') return true;
  }
  return false;
}

function anyChecked(proxy: Proxy, servers: readonly ServerLine[]): boolean {
  for (let i = 0; i < servers.length; i++) if (hasCheck(proxy, servers[i])) return true;
  return false;
}

function checkMethod(context: RuleContext, proxy: Proxy, servers: readonly ServerLine[]): void {
  const named = proxy.nameWord ?? proxy.section.keyword;
  const { file } = context;
  if (proxy.mode === 'http' && !hasCheckMethod(proxy) && !hasAgentCheck(servers)) {
    context.report({
      message: `${proxy.kind} '${proxy.name}' checks its servers by connecting only; 'option httpchk' would notice an application that accepts connections but fails requests.`,
      range: named.range,
      severity: 'info',
      fixes: () => [{ title: "Check an HTTP endpoint ('option httpchk GET /health/')", edits: [insertAfterHeader(file, proxy.section, ['option httpchk GET /health/'])], preferred: true }],
    });
  }
  if (proxy.mode !== 'tcp') return;
  if (looksLike(proxy, servers, 5432, POSTGRES_NAME) && !hasCheckMethod(proxy)) {
    context.report({
      message: `PostgreSQL ${proxy.kind} '${proxy.name}' only checks that the port accepts connections; 'option pgsql-check' (or an HTTP check of a Patroni agent) verifies the database answers.`,
      range: named.range,
      severity: 'info',
      fixes: () => [{ title: "Check the PostgreSQL protocol ('option pgsql-check user haproxy')", edits: [insertAfterHeader(file, proxy.section, ['option pgsql-check user haproxy'])], preferred: true }],
    });
  }
  const tellsMaster = () => checkDirectives(proxy, 'tcp-check').some((d) => d.args.some((a) => ROLE_MASTER.test(a.value)));
  if (looksLike(proxy, servers, 6379, REDIS_NAME) && !REPLICA_NAME.test(proxy.name) && activeServerCount(proxy) > 1 && !tellsMaster()) {
    context.report({
      message: `Redis ${proxy.kind} '${proxy.name}' balances over several nodes but its checks cannot tell the master from replicas; writes may reach a read-only replica.`,
      range: named.range,
      severity: 'info',
      fixes: checkDirectives(proxy, 'tcp-check').length
        ? []
        : [{ title: "Only send traffic to the node reporting 'role:master'", edits: [insertAfterHeader(file, proxy.section, REDIS_MASTER_CHECK)], preferred: true }],
    });
  }
}

/**
 * Reports servers without health checks where it matters (several servers, or backups), HTTP backends probed by
 * connection only, PostgreSQL backends without a protocol check and Redis backends unable to find the master.
 */
export const healthCheckRule: Rule = {
  name: 'health-check',
  defaultSeverity: 'warning',
  description: 'Servers lack health checks, or the checks cannot see what matters (HTTP status, PostgreSQL, Redis master).',
  fileFacts: ({ file }) => lineBreakOf(file),
  checkSection(context) {
    const proxy = context.proxy;
    if (!proxy || (proxy.kind !== 'backend' && proxy.kind !== 'listen')) return;
    const servers = serverLines(proxy);
    if (servers.length === 0) return;
    checkServers(context, proxy, servers);
    if (anyChecked(proxy, servers) && effectiveDirective(proxy, 'disabled') === undefined) checkMethod(context, proxy, servers);
  },
};
