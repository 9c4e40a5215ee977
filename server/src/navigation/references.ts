import type { Range } from '../syntax/ast';
import type { ConfigSet } from './config-set';
import type { Location } from './location';

/** Every place naming the symbol under the cursor, across the files of the set; definitions on request. */
export function findReferences(set: ConfigSet, uri: string, line: number, column: number, includeDefinitions: boolean): Location[] {
  const target = set.occurrenceAt(uri, line, column);
  if (!target) return [];
  return set
    .related(target)
    .filter((occurrence) => includeDefinitions || occurrence.role === 'reference')
    .map(({ uri: at, range }) => ({ uri: at, range }));
}

/** A place to highlight in the current file: definitions are writes, uses are reads. */
export interface Highlight {
  range: Range;
  kind: 'read' | 'write';
}

/** The occurrences, in the file under the cursor, of the symbol under the cursor. */
export function documentHighlights(set: ConfigSet, uri: string, line: number, column: number): Highlight[] {
  const target = set.occurrenceAt(uri, line, column);
  if (!target) return [];
  return set
    .related(target)
    .filter((occurrence) => occurrence.uri === uri)
    .map((occurrence) => ({ range: occurrence.range, kind: occurrence.role === 'definition' ? 'write' : 'read' }));
}
