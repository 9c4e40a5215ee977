import type { Proxy } from '../../model/config-model';
import { appendToDirective, insertAfterHeader, replaceWord } from '../edits';
import type { Fix, TextEdit } from '../finding';
import { hasPersistence, persistenceCookie } from '../persistence';
import { ownDirective } from '../proxy-settings';
import type { Rule, RuleContext } from '../rule';
import { activeServerCount, serverLines, serverOptionValue } from '../servers';
import { webSocketBackends, webSocketOrigin } from '../websocket';

function balanceSourceFix(context: RuleContext, proxy: Proxy): Fix {
  const balance = ownDirective(proxy, 'balance');
  const edit: TextEdit =
    balance && balance.args.length > 0
      ? replaceWord({ range: { start: balance.args[0].range.start, end: balance.args[balance.args.length - 1].range.end } }, 'source')
      : insertAfterHeader(context.file, proxy.section, ['balance source']);
  return { title: "Pin each client to one server by its address ('balance source')", edits: [edit] };
}

function cookieFix(context: RuleContext, proxy: Proxy): Fix {
  const edits: TextEdit[] = [];
  if (!persistenceCookie(proxy)) edits.push(insertAfterHeader(context.file, proxy.section, ['cookie SERVERID insert indirect nocache']));
  for (const server of serverLines(proxy)) {
    if (server.directive.keyword.value === 'server' && serverOptionValue(server, 'cookie') === undefined) edits.push(appendToDirective(server.directive, `cookie ${server.name}`));
  }
  return { title: 'Pin each client to one server with an inserted cookie', edits, preferred: true };
}


/** Reports WebSocket backends with several servers and nothing keeping a client on the server that holds its socket. */
export const websocketStickyRule: Rule = {
  name: 'websocket-sticky',
  defaultSeverity: 'warning',
  description: 'A backend receiving WebSocket traffic has several servers but no persistence.',
  check(context) {
    for (const [backend, use] of webSocketBackends(context.model)) {
      if (activeServerCount(backend) < 2 || hasPersistence(backend)) continue;
      const fixes = () => (backend.mode === 'http' ? [cookieFix(context, backend), balanceSourceFix(context, backend)] : [{ ...balanceSourceFix(context, backend), preferred: true }]);
      context.report({
        message: `${backend.kind} '${backend.name}' receives WebSocket traffic (${webSocketOrigin(use)}) and balances it over ${activeServerCount(backend)} servers without persistence; a reconnecting client may land on a server that does not know its session.`,
        range: (backend.nameWord ?? backend.section.keyword).range,
        fixes,
      });
    }
  },
};
