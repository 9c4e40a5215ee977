import { insertAfterHeader } from '../edits';
import { hasTimeout } from '../proxy-settings';
import type { Rule } from '../rule';
import { webSocketBackends, webSocketOrigin } from '../websocket';

/** Reports WebSocket backends without `timeout tunnel`, whose idle sockets are then cut after `timeout server`/`client`. */
export const websocketTimeoutRule: Rule = {
  name: 'websocket-timeout',
  defaultSeverity: 'warning',
  description: 'A backend receiving WebSocket traffic has no timeout tunnel.',
  check({ file, model, report }) {
    for (const [backend, use] of webSocketBackends(model)) {
      if (hasTimeout(backend, 'tunnel')) continue;
      report({
        message: `${backend.kind} '${backend.name}' receives WebSocket traffic (${webSocketOrigin(use)}) but has no 'timeout tunnel', so idle sockets are closed after the much shorter client/server timeouts.`,
        range: (backend.nameWord ?? backend.section.keyword).range,
        fixes: () => [{ title: "Keep idle WebSocket connections for an hour ('timeout tunnel 1h')", edits: [insertAfterHeader(file, backend.section, ['timeout tunnel 1h'])], preferred: true }],
      });
    }
  },
};
