import type { ConditionalBlock, Range } from '../syntax/ast';
import { compareVersions, isSupportedVersion, type HaproxyVersion } from './version';

type Truth = boolean | undefined;

/**
 * Evaluates a `.if`/`.elif` condition as far as it can be known without running HAProxy: version tests
 * (`version_atleast`, `version_before`) against the target version and constants; anything that depends on the
 * machine (`defined`, `feature`, `streq`, `enabled`...) is unknown.
 */
export function evaluateGuardCondition(words: string[], version: HaproxyVersion): Truth {
  const ors = splitOn(words, (w) => w === '||');
  let result: Truth = false;
  for (const conjunction of ors) {
    let all: Truth = true;
    for (const term of splitOn(conjunction, (w) => w === '&&')) {
      const value = evaluateTerm(term.join(' '), version);
      all = all === false || value === false ? false : all === undefined || value === undefined ? undefined : true;
    }
    result = result === true || all === true ? true : result === undefined || all === undefined ? undefined : false;
  }
  return result;
}

function splitOn(words: string[], separator: (w: string) => boolean): string[][] {
  const parts: string[][] = [[]];
  for (const word of words) {
    if (separator(word)) parts.push([]);
    else parts[parts.length - 1].push(word);
  }
  return parts;
}

function evaluateTerm(term: string, version: HaproxyVersion): Truth {
  let negate = false;
  let text = term.trim();
  while (text.startsWith('!')) {
    negate = !negate;
    text = text.slice(1).trim();
  }
  const value = evaluatePredicate(text, version);
  return value === undefined ? undefined : negate ? !value : value;
}

function evaluatePredicate(text: string, version: HaproxyVersion): Truth {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false' || text === '') return false;
  const call = /^(version_atleast|version_before)\(\s*([\d.]+)[^)]*\)$/.exec(text);
  if (!call) return undefined;
  const wanted = call[2].split('.').slice(0, 2).join('.');
  if (!isSupportedVersion(wanted)) return undefined;
  const atLeast = compareVersions(version, wanted) >= 0;
  return call[1] === 'version_atleast' ? atLeast : !atLeast;
}

/**
 * Whether a line guarded by `.if` blocks is read by HAProxy of the target version: false when some enclosing
 * branch is certainly not taken, true otherwise (unknown conditions count as taken, to check what may be read).
 */
export function isGuardActive(guard: ConditionalBlock | undefined, range: Range, version: HaproxyVersion): boolean {
  for (let block = guard; block; block = block.parent) {
    const index = block.branches.findLastIndex((b) => b.range.start.line <= range.start.line);
    if (index < 0) continue;
    for (let i = 0; i <= index; i++) {
      const branch = block.branches[i];
      const value = branch.keyword.value === '.else' ? true : evaluateGuardCondition(branch.args.map((a) => a.value), version);
      if (i < index && value === true) return false;
      if (i === index && value === false) return false;
    }
  }
  return true;
}
