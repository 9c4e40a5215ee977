import type { Rule } from './rule';
import { syntaxRule } from './rules/syntax';

/** Every rule the linter runs, in reporting order. */
export const RULES: readonly Rule[] = [syntaxRule];

const byName = new Map(RULES.map((rule) => [rule.name, rule]));

/** Finds a rule by its stable name. */
export function getRule(name: string): Rule | undefined {
  return byName.get(name);
}
