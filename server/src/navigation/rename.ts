import type { SymbolKind } from '../model/config-model';
import type { Range } from '../syntax/ast';
import { decodeWord } from '../syntax/word';
import type { ConfigSet, LocatedOccurrence } from './config-set';
import type { TextEdit } from './location';

/** Characters HAProxy allows in the names of proxies, ACLs, servers, tables and named sections. */
const NAME = /^[A-Za-z0-9_:.-]+$/;
/** Words that start or join a condition: a name spelled like them would be read as one. */
const RESERVED = new Set(['if', 'unless', 'or']);

const KIND_LABEL: Partial<Record<SymbolKind, string>> = { acl: 'ACL', 'http-errors': 'http-errors section', 'log-forward': 'log-forward section' };

export type RenameCheck = { range: Range; placeholder: string } | { error: string };
export type RenameResult = { changes: Map<string, TextEdit[]> } | { error: string };

/** Says whether `name` can name a symbol of `kind`; returns the reason when it cannot. */
export function validateName(name: string, kind: SymbolKind): string | undefined {
  if (!NAME.test(name)) return `"${name}" is not a valid ${label(kind)} name: use letters, digits and - _ . : only`;
  if (RESERVED.has(name)) return `"${name}" cannot be a ${label(kind)} name: HAProxy would read it as part of a condition`;
  return undefined;
}

/** Checks that the symbol under the cursor can be renamed, and gives the range and text to edit. */
export function prepareRename(set: ConfigSet, uri: string, line: number, column: number): RenameCheck {
  const target = set.occurrenceAt(uri, line, column);
  if (!target) return { error: 'No symbol to rename here' };
  const problem = groupProblem(set, set.related(target));
  if (problem) return { error: problem };
  return { range: target.range, placeholder: target.name };
}

/**
 * Renames the symbol under the cursor everywhere in the set. Refuses an invalid name, a name that another
 * symbol of the same kind already has, and symbols with no definition in the set (predefined ACLs...).
 */
export function renameSymbol(set: ConfigSet, uri: string, line: number, column: number, newName: string): RenameResult {
  const target = set.occurrenceAt(uri, line, column);
  if (!target) return { error: 'No symbol to rename here' };
  const invalid = validateName(newName, target.kind);
  if (invalid) return { error: invalid };
  const group = set.related(target);
  const problem = groupProblem(set, group) ?? collision(set, group, newName);
  if (problem) return { error: problem };
  const changes = new Map<string, TextEdit[]>();
  const seen = new Set<string>();
  for (const occurrence of group) {
    const key = `${occurrence.uri}@${occurrence.range.start.offset}`;
    if (seen.has(key) || occurrence.name === newName) continue;
    seen.add(key);
    const edits = changes.get(occurrence.uri) ?? [];
    edits.push({ range: occurrence.range, newText: newName });
    changes.set(occurrence.uri, edits);
  }
  return { changes };
}

function groupProblem(set: ConfigSet, group: LocatedOccurrence[]): string | undefined {
  const target = group[0];
  if (!group.some((occurrence) => occurrence.role === 'definition')) {
    return `${capitalized(label(target.kind))} "${target.qualifiedName}" is not defined in this config, so it cannot be renamed`;
  }
  for (const occurrence of group) {
    const text = set.model(occurrence.uri)?.file.text.slice(occurrence.range.start.offset, occurrence.range.end.offset);
    if (text === undefined || (text !== occurrence.name && decodeWord(text).value !== occurrence.name)) {
      return `"${occurrence.name}" is written in a way that cannot be renamed safely at line ${occurrence.range.start.line + 1}`;
    }
  }
  return undefined;
}

function collision(set: ConfigSet, group: LocatedOccurrence[], newName: string): string | undefined {
  const clash = set.definitionsNamed(
    newName,
    group.flatMap((occurrence) => occurrence.namespaces),
    new Set(group),
  )[0];
  if (!clash) return undefined;
  return `A ${label(clash.kind)} named "${newName}" already exists (line ${clash.range.start.line + 1}${clash.uri === group[0].uri ? '' : ` of ${clash.uri}`})`;
}

function label(kind: SymbolKind): string {
  return KIND_LABEL[kind] ?? kind;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
