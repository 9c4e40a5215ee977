import type { AclDefinition, Proxy } from '../model/config-model';
import type { AclCriterion, Condition, ConditionTerm } from '../syntax/ast';

/** What an ACL criterion tests: the fetch name (lower case), its first argument and the patterns. */
export interface CriterionShape {
  fetch: string;
  firstArg: string;
  patterns: string[];
  matchMethod?: string;
}

// Criteria are nodes of a version of the text; several rules ask for the same shapes.
const shapes = new WeakMap<AclCriterion, CriterionShape>();

export function shapeOf(criterion: AclCriterion): CriterionShape {
  let shape = shapes.get(criterion);
  if (!shape) {
    shape = {
      fetch: criterion.expression.fetch?.name.toLowerCase() ?? '',
      firstArg: criterion.expression.fetch?.args[0]?.value.toLowerCase() ?? '',
      patterns: criterion.patterns.map((p) => p.value),
      matchMethod: criterion.matchMethod,
    };
    shapes.set(criterion, shape);
  }
  return shape;
}

export type CriterionTest = (shape: CriterionShape) => boolean;

function someDefinitionMatches(definitions: readonly AclDefinition[], test: CriterionTest): boolean {
  for (let i = 0; i < definitions.length; i++) {
    const criterion = definitions[i].criterion;
    if (criterion && test(shapeOf(criterion))) return true;
  }
  return false;
}

/** True when a term, read without its negation, matches the test. */
export function termMatches(proxy: Proxy, term: ConditionTerm, test: CriterionTest): boolean {
  if (term.kind === 'anonymous-acl') return term.criterion !== undefined && test(shapeOf(term.criterion));
  const definitions = proxy.acls.get(term.name);
  return definitions !== undefined && someDefinitionMatches(definitions, test);
}

/**
 * True when the condition holds for traffic the test describes: some `if` group has a non-negated term
 * matching it. `unless` conditions select the opposite traffic, so they never count.
 */
export function conditionSelects(proxy: Proxy, condition: Condition | undefined, test: CriterionTest): boolean {
  if (!condition || condition.polarity !== 'if') return false;
  const groups = condition.groups;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    for (let t = 0; t < group.length; t++) if (!group[t].negated && termMatches(proxy, group[t], test)) return true;
  }
  return false;
}

/** True when any ACL of the proxy, named or anonymous, matches the test. */
export function proxyTests(proxy: Proxy, test: CriterionTest): boolean {
  for (const definitions of proxy.acls.values()) if (someDefinitionMatches(definitions, test)) return true;
  const directives = proxy.directives;
  for (let d = 0; d < directives.length; d++) {
    const groups = directives[d].condition?.groups;
    if (!groups) continue;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      for (let t = 0; t < group.length; t++) {
        const term = group[t];
        if (term.kind === 'anonymous-acl' && term.criterion && test(shapeOf(term.criterion))) return true;
      }
    }
  }
  return false;
}
