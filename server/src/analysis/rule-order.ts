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
/** The stages by level (read-only, shared by every line). */
export const STAGES: readonly RuleStage[] = LABELS.map((label, level) => Object.freeze({ level, label }));

/** The processing stage of a request rule line, or undefined for any other line. */
export function requestStage(directive: Directive): RuleStage | undefined {
  if (directive.prefix) return undefined;
  const keyword = directive.keyword.value;
  let level: number | undefined;
  if (keyword === 'http-request') level = 4;
  else if (keyword === 'use_backend') level = 6;
  else if (keyword === 'tcp-request') {
    const first = directive.args[0]?.value;
    if (first !== undefined && Object.hasOwn(TCP_REQUEST_LEVEL, first)) level = TCP_REQUEST_LEVEL[first];
  } else if (keyword === 'monitor' && directive.args[0]?.value === 'fail') level = 3;
  else if (keyword === 'redirect') level = 5;
  else if (keyword === 'use-server') level = 7;
  return level === undefined ? undefined : STAGES[level];
}
