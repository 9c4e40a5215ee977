import type { Directive } from '../syntax/ast';

/**
 * Where a request rule runs in HAProxy's fixed processing order, whatever its place in the file:
 * tcp-request connection, session, content, monitor fail, http-request, redirect, use_backend, use-server.
 */
export interface RuleStage {
  level: number;
  /** How HAProxy names the rule in its warnings. */
  label: string;
}

const TCP_REQUEST_LEVEL: Record<string, number> = { connection: 0, session: 1, content: 2 };
const LABELS = ["tcp-request connection", "tcp-request session", "tcp-request content", "monitor fail", "http-request", "redirect", "use_backend", "use-server"];

/** The processing stage of a request rule line, or undefined for any other line. */
export function requestStage(directive: Directive): RuleStage | undefined {
  const keyword = directive.keyword.value;
  const first = directive.args[0]?.value;
  let level: number | undefined;
  if (keyword === 'tcp-request' && first !== undefined) level = TCP_REQUEST_LEVEL[first];
  else if (keyword === 'monitor' && first === 'fail') level = 3;
  else if (keyword === 'http-request') level = 4;
  else if (keyword === 'redirect') level = 5;
  else if (keyword === 'use_backend') level = 6;
  else if (keyword === 'use-server') level = 7;
  return level === undefined || directive.prefix ? undefined : { level, label: LABELS[level] };
}
