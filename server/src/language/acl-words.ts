import type { Word } from '../syntax/ast';
import type { WordRole } from './line-words';

/** What a word after an ACL criterion is. */
export type AclWordRole = 'flag' | 'flag-arg' | 'operator' | 'pattern';

const FLAGS_WITH_ARG = new Set(['-f', '-m', '-M', '-u']);
const FLAGS = new Set(['-i', '-n', '-f', '-m', '-M', '-u', '--']);
export const ACL_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ge', 'gt', 'le', 'lt']);

/**
 * Classifies the words that follow an ACL criterion (from `start` up to `end`, exclusive) the way HAProxy
 * reads them: flags with their arguments, then an optional operator, then patterns.
 */
export function aclWordRoles(values: readonly string[], start: number, end: number): AclWordRole[] {
  const roles: AclWordRole[] = [];
  let i = start;
  while (i < end && FLAGS.has(values[i])) {
    roles.push('flag');
    const flag = values[i++];
    if (flag === '--') break;
    if (FLAGS_WITH_ARG.has(flag) && i < end) {
      roles.push('flag-arg');
      i++;
    }
  }
  if (i < end && ACL_OPERATORS.has(values[i]) && i + 1 < end) {
    roles.push('operator');
    i++;
  }
  for (; i < end; i++) roles.push('pattern');
  return roles;
}

/** A part of a condition: a named ACL, or an anonymous ACL between braces. */
export type ConditionPart =
  | { kind: 'acl-name'; index: number; word: Word; name: string; bangs: number }
  | { kind: 'anonymous'; open: number; criterion?: number; close?: number };

/** Splits the words after `if`/`unless` (from `start`) into ACL names and anonymous ACLs. */
export function conditionParts(words: readonly Word[], roles: readonly WordRole[], start: number): ConditionPart[] {
  const parts: ConditionPart[] = [];
  for (let i = start; i < words.length; i++) {
    const role = roles[i];
    if (role === 'open') {
      const part: Extract<ConditionPart, { kind: 'anonymous' }> = { kind: 'anonymous', open: i };
      let j = i + 1;
      if (j < words.length && roles[j] !== 'close') part.criterion = j;
      while (j < words.length && roles[j] !== 'close') j++;
      if (j < words.length) part.close = j;
      parts.push(part);
      i = j;
    } else if (role === 'word') {
      const raw = words[i].raw;
      const bangs = /^!*/.exec(raw)![0].length;
      parts.push({ kind: 'acl-name', index: i, word: words[i], name: words[i].value.slice(bangs), bangs });
    }
  }
  return parts;
}
