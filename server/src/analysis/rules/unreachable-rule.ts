import type { Directive } from '../../syntax/ast';
import { isAlwaysTrue } from '../proxy-settings';
import type { Rule } from '../rule';

/** Actions that end the evaluation of their rule set, per rule set. */
const FINAL_ACTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['http-request', new Set(['allow', 'deny', 'reject', 'redirect', 'tarpit', 'return', 'auth', 'use-service', 'silent-drop'])],
  ['http-response', new Set(['allow', 'deny', 'reject', 'redirect', 'return', 'silent-drop'])],
  ['http-after-response', new Set(['allow'])],
  ['tcp-request connection', new Set(['accept', 'reject', 'silent-drop'])],
  ['tcp-request session', new Set(['accept', 'reject', 'silent-drop'])],
  ['tcp-request content', new Set(['accept', 'reject', 'use-service', 'silent-drop'])],
  ['tcp-response content', new Set(['accept', 'reject', 'close', 'silent-drop'])],
]);

/** Rule sets where the first matching line wins, whatever it says. */
const FIRST_MATCH_WINS = new Set(['use_backend', 'use-server', 'redirect']);

/** The rule set a line belongs to, or undefined for lines that are not rules. */
function ruleSetOf(directive: Directive): string | undefined {
  if (directive.prefix) return undefined;
  const keyword = directive.keyword.value;
  if (FIRST_MATCH_WINS.has(keyword)) return keyword;
  if (keyword === 'tcp-request' || keyword === 'tcp-response') {
    const set = `${keyword} ${directive.args[0]?.value ?? ''}`;
    return FINAL_ACTIONS.has(set) ? set : undefined;
  }
  return FINAL_ACTIONS.has(keyword) ? keyword : undefined;
}

/** True when a line of the rule set ends that set's evaluation when it applies. */
function endsEvaluation(set: string, directive: Directive): boolean {
  if (FIRST_MATCH_WINS.has(set)) return true;
  const action = directive.args[set.startsWith('tcp-') ? 1 : 0]?.value;
  return action !== undefined && FINAL_ACTIONS.get(set)!.has(action);
}

/**
 * Reports rules that can never run because an earlier rule of the same set has no condition (or an always
 * true one) and ends that set's evaluation: an unconditional `http-request deny`, `use_backend`, `redirect`...
 * A `default_backend` is never used after an unconditional `use_backend`.
 */
export const unreachableRuleRule: Rule = {
  name: 'unreachable-rule',
  defaultSeverity: 'warning',
  description: 'A rule can never run because an earlier unconditional rule of the same set always ends processing.',
  quotesLineNumbers: true,
  checkSection({ proxy, report }) {
    if (!proxy) return;
    let stoppers: Map<string, Directive> | undefined;
    let fallback: Directive | undefined;
    const directives = proxy.directives;
    for (let i = 0; i < directives.length; i++) {
      const directive = directives[i];
      if (!fallback && directive.keyword.value === 'default_backend') fallback = directive;
      const set = ruleSetOf(directive);
      if (!set) continue;
      const stopper = stoppers?.get(set);
      if (stopper) {
        report({
          message: `This ${set} rule can never run: the ${set} rule at line ${stopper.range.start.line + 1} always applies and ends the evaluation.`,
          range: directive.range,
        });
        continue;
      }
      if (endsEvaluation(set, directive) && isAlwaysTrue(directive) && !directive.guard) (stoppers ??= new Map()).set(set, directive);
    }
    const switching = stoppers?.get('use_backend');
    if (switching && fallback) {
      report({
        message: `default_backend is never used: the use_backend rule at line ${switching.range.start.line + 1} always applies.`,
        range: fallback.range,
      });
    }
  },
};
