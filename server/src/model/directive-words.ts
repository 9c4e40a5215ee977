import type { AclCriterion, Directive, Word } from '../syntax/ast';
import { parseAclCriterion } from '../syntax/parse-config';

const byDirective = new WeakMap<Directive, readonly Word[]>();

/**
 * The words of a directive where values may hide (its arguments and the words of its anonymous ACLs), in order.
 * Most directives have no anonymous ACL: their argument list is returned as it is.
 */
export function valueWordsOf(directive: Directive): readonly Word[] {
  const groups = directive.condition?.groups;
  if (!groups) return directive.args;
  let words = byDirective.get(directive);
  if (!words) {
    const all = directive.args.slice();
    for (const group of groups) for (const term of group) if (term.kind === 'anonymous-acl') for (const word of term.words) all.push(word);
    byDirective.set(directive, (words = all));
  }
  return words;
}

const criteria = new WeakMap<Directive, AclCriterion | null>();

/** The criterion of an `acl NAME criterion ...` line (read once per line), or undefined when it has none. */
export function aclCriterionOf(directive: Directive): AclCriterion | undefined {
  let criterion = criteria.get(directive);
  if (criterion === undefined) {
    criterion = directive.args.length > 1 ? parseAclCriterion(directive.args.slice(1)) : null;
    criteria.set(directive, criterion);
  }
  return criterion ?? undefined;
}
