import type { ConfigSet } from './config-set';
import type { Location } from './location';

/**
 * Where the symbol under the cursor is defined: every definition line of a multi-line ACL, the section of a
 * proxy (in any file of the set), the `server` line of a server... Empty when the cursor is on no symbol
 * or the symbol is not defined (a predefined ACL, a typo).
 */
export function findDefinitions(set: ConfigSet, uri: string, line: number, column: number): Location[] {
  const target = set.occurrenceAt(uri, line, column);
  if (!target) return [];
  return set
    .related(target)
    .filter((occurrence) => occurrence.role === 'definition')
    .map(({ uri: at, range }) => ({ uri: at, range }));
}
