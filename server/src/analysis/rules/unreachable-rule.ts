import type { Directive } from '../../syntax/ast';
import { isAlwaysTrue } from '../proxy-settings';
import type { Rule } from '../rule';

/** Actions that end the evaluation of their rule set, per rule set. */
const FINAL_ACTIONS: Record<string, ReadonlySet<string>> = {
  'http-request': new Set(['allow', 'deny', 'reject', 'redirect', 'tarpit', 'return', 'auth', 'use-service', 'silent-drop']),
  'http-response': new Set(['allow', 'deny', 'reject', 'redirect', 'return', 'silent-drop']),
  'http-after-response': new Set(['allow']),
  'tcp-request connection': new Set(['accept', 'reject', 'silent-drop']),
  'tcp-request session': new Set(['accept', 'reject', 'silent-drop']),
  'tcp-request content': new Set(['accept', 'reject', 'use-service', 'silent-drop']),
  'tcp-response content': new Set(['accept', 'reject', 'close', 'silent-drop']),
};

/** Rule sets where the first matching line wins, whatever it says. */
const FIRST_MATCH_WINS = new Set(['use_backend', 'use-server', 'redirect']);

/** The rule set a line belongs to and the action it takes, or undefined for lines that are not rules. */
function ruleOf(directive: Directive): { set: string; action?: string } | undefined {
  if (directive.prefix) return undefined;
  const keyword = directive.keyword.value;
  if (FIRST_MATCH_WINS.has(keyword)) return { set: keyword };
  if (keyword === 'tcp-request' || keyword === 'tcp-response') {
    const set = `${keyword} ${directive.args[0]?.value ?? ''}`;
    return FINAL_ACTIONS[set] ? { set, action: directive.args[1]?.value } : undefined;
  }
  return FINAL_ACTIONS[keyword] ? { set: keyword, action: directive.args[0]?.value } : undefined;
}

function endsEvaluation(rule: { set: string; action?: string }): boolean {
  return FIRST_MATCH_WINS.has(rule.set) || (rule.action !== undefined && FINAL_ACTIONS[rule.set].has(rule.action));
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
    if (proxy) {
      const stoppers = new Map<string, Directive>();
      for (const directive of proxy.directives) {
        const rule = ruleOf(directive);
        if (!rule) continue;
        const stopper = stoppers.get(rule.set);
        if (stopper) {
          report({
            message: `This ${rule.set} rule can never run: the ${rule.set} rule at line ${stopper.range.start.line + 1} always applies and ends the evaluation.`,
            range: directive.range,
          });
          continue;
        }
        if (endsEvaluation(rule) && isAlwaysTrue(directive) && !directive.guard) stoppers.set(rule.set, directive);
      }
      const switching = stoppers.get('use_backend');
      const fallback = proxy.directives.find((d) => d.keyword.value === 'default_backend');
      if (switching && fallback) {
        report({
          message: `default_backend is never used: the use_backend rule at line ${switching.range.start.line + 1} always applies.`,
          range: fallback.range,
        });
      }
    }
  },
};
