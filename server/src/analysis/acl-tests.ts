import type { Proxy } from '../model/config-model';
import type { AclCriterion, Condition, ConditionTerm } from '../syntax/ast';

/** What an ACL criterion tests: the fetch name (lower case), its first argument and the patterns. */
export interface CriterionShape {
  fetch: string;
  firstArg: string;
  patterns: string[];
  matchMethod?: string;
}

export function shapeOf(criterion: AclCriterion): CriterionShape {
  return {
    fetch: criterion.expression.fetch?.name.toLowerCase() ?? '',
    firstArg: criterion.expression.fetch?.args[0]?.value.toLowerCase() ?? '',
    patterns: criterion.patterns.map((p) => p.value),
    matchMethod: criterion.matchMethod,
  };
}

export type CriterionTest = (shape: CriterionShape) => boolean;

/** The criteria a condition term stands for: every line of a named ACL, or the anonymous ACL itself. */
export function termCriteria(proxy: Proxy, term: ConditionTerm): AclCriterion[] {
  if (term.kind === 'anonymous-acl') return term.criterion ? [term.criterion] : [];
  return (proxy.acls.get(term.name) ?? []).flatMap((acl) => (acl.criterion ? [acl.criterion] : []));
}

/** True when a term, read without its negation, matches the test. */
export function termMatches(proxy: Proxy, term: ConditionTerm, test: CriterionTest): boolean {
  return termCriteria(proxy, term).some((criterion) => test(shapeOf(criterion)));
}

/**
 * True when the condition holds for traffic the test describes: some `if` group has a non-negated term
 * matching it. `unless` conditions select the opposite traffic, so they never count.
 */
export function conditionSelects(proxy: Proxy, condition: Condition | undefined, test: CriterionTest): boolean {
  if (!condition || condition.polarity !== 'if') return false;
  return condition.groups.some((group) => group.some((term) => !term.negated && termMatches(proxy, term, test)));
}

/** True when a condition mentions traffic the test describes, with or without negation. */
export function conditionMentions(proxy: Proxy, condition: Condition | undefined, test: CriterionTest): boolean {
  return (condition?.groups ?? []).some((group) => group.some((term) => termMatches(proxy, term, test)));
}

/** True when any ACL of the proxy, named or anonymous, matches the test. */
export function proxyTests(proxy: Proxy, test: CriterionTest): boolean {
  for (const definitions of proxy.acls.values()) {
    if (definitions.some((acl) => acl.criterion && test(shapeOf(acl.criterion)))) return true;
  }
  return proxy.directives.some((directive) =>
    (directive.condition?.groups ?? []).some((group) => group.some((term) => term.kind === 'anonymous-acl' && term.criterion && test(shapeOf(term.criterion)))),
  );
}
