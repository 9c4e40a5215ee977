import type { AclCriterion, Word } from './ast';
import { parseSampleExpression } from './sample-expression';

const ACL_FLAGS_WITH_ARG = new Set(['-f', '-m', '-M', '-u']);
const ACL_FLAGS = new Set(['-i', '-n', '-f', '-m', '-M', '-u', '--']);
const ACL_OPERATORS = new Set(['eq', 'ge', 'gt', 'le', 'lt']);

/** Splits the words of an ACL after its name into criterion, flags, operator and patterns. */
export function parseAclCriterion(words: Word[]): AclCriterion {
  const expression = parseSampleExpression(words[0]);
  const flags: AclCriterion['flags'] = [];
  let i = 1;
  let matchMethod: string | undefined;
  while (i < words.length && ACL_FLAGS.has(words[i].value)) {
    const flag = words[i];
    if (flag.value === '--') {
      flags.push({ flag });
      i++;
      break;
    }
    const arg = ACL_FLAGS_WITH_ARG.has(flag.value) ? words[i + 1] : undefined;
    if (flag.value === '-m' && arg) matchMethod = arg.value;
    flags.push({ flag, arg });
    i += arg ? 2 : 1;
  }
  let operator: Word | undefined;
  if (i < words.length - 1 && ACL_OPERATORS.has(words[i].value)) operator = words[i++];
  return { expression, flags, matchMethod, operator, patterns: words.slice(i) };
}
