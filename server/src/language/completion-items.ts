import {
  isDeprecatedIn,
  syntaxLines,
  type HaproxyVersion,
  type KeywordEntry,
  type KeywordKind,
  type RuleSet,
} from '../model/catalog';
import { sortKey } from './completion-rank';
import { callSnippet, hasFields, keywordSnippet, optionSnippet } from './snippets';

/** What a completion item is; the LSP layer maps these to its item kinds. */
export type CompletionKind =
  | 'section'
  | 'keyword'
  | 'family'
  | 'action'
  | 'option'
  | 'fetch'
  | 'converter'
  | 'value'
  | 'backend'
  | 'acl'
  | 'server'
  | 'reference'
  | 'file'
  | 'folder'
  | 'flag'
  | 'match-method'
  | 'operator'
  | 'log-variable';

/** One completion item as plain data. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label: the syntax of a keyword, the address of a server... */
  detail?: string;
  /** Markdown: our summary, versions and the manual link. */
  documentation?: string;
  /** The text to insert, a snippet when `snippet` is true (`timeout client ${1:30s}`). */
  insertText: string;
  snippet: boolean;
  /** Orders items: likely ones first. */
  sortText: string;
  deprecated?: boolean;
  /** Ask the editor for completions again after inserting (after `option `, a folder, a rule keyword). */
  retrigger?: boolean;
  /** What documents the item; `documentationFor` turns it into Markdown when the editor asks. */
  ref?: CompletionRef;
}

/** What an item's documentation is made from, computed only for the item the user looks at. */
export type CompletionRef =
  | { kind: 'keyword'; keywordKind: KeywordKind; name: string; ruleSet?: RuleSet }
  | { kind: 'backend'; name: string };

/** Options shared by the catalog item builders. */
export interface ItemOptions {
  version: HaproxyVersion;
  /** Ranking group (see completion-rank). */
  group: string;
  /** Offer it after the likely ones: it fits the context badly (an HTTP fetch in a TCP proxy...). */
  demoted?: boolean;
  ruleSet?: RuleSet;
  /** Insert this instead of the keyword's own snippet. */
  insertText?: string;
  retrigger?: boolean;
  kind?: CompletionKind;
  label?: string;
}

function firstSyntax(entry: KeywordEntry, version: HaproxyVersion): string | undefined {
  return syntaxLines(entry, version)[0];
}

const itemCache = new WeakMap<KeywordEntry, Map<string, CompletionEntry>>();

/**
 * An item for a catalog keyword, with its snippet (the documentation comes later, see `documentationFor`).
 * Items are cached per entry and options, so long lists (fetches, options) cost lookups, not snippets:
 * treat them as read-only.
 */
export function catalogItem(entry: KeywordEntry, kind: CompletionKind, insert: string | (() => string), options: ItemOptions): CompletionEntry {
  const key = [kind, options.version, options.group, options.demoted, options.ruleSet, options.insertText, options.retrigger, options.kind, options.label].join('|');
  let cached = itemCache.get(entry);
  if (!cached) itemCache.set(entry, (cached = new Map()));
  const hit = cached.get(key);
  if (hit) return hit;
  const deprecated = isDeprecatedIn(entry, options.version);
  const insertText = options.insertText ?? (typeof insert === 'string' ? insert : insert());
  const item: CompletionEntry = {
    label: options.label ?? entry.name,
    kind: options.kind ?? kind,
    insertText,
    snippet: hasFields(insertText),
    sortText: sortKey(options.group, entry.name, options.demoted, deprecated),
    ref: { kind: 'keyword', keywordKind: entry.kind, name: entry.name, ...(options.ruleSet ? { ruleSet: options.ruleSet } : {}) },
  };
  const detail = firstSyntax(entry, options.version);
  if (detail) item.detail = detail;
  if (deprecated) item.deprecated = true;
  if (options.retrigger) item.retrigger = true;
  cached.set(key, item);
  return item;
}

/** A keyword that starts a line (or a section header). */
export function keywordItem(entry: KeywordEntry, options: ItemOptions): CompletionEntry {
  return catalogItem(entry, entry.kind === 'section' ? 'section' : 'keyword', () => keywordSnippet(entry, options.version), options);
}

/** An action after `http-request` and the other rule keywords. */
export function actionItem(entry: KeywordEntry, options: ItemOptions): CompletionEntry {
  return catalogItem(entry, 'action', () => keywordSnippet(entry, options.version), options);
}

/** A bind or server option. */
export function optionItem(entry: KeywordEntry, options: ItemOptions): CompletionEntry {
  return catalogItem(entry, 'option', () => optionSnippet(entry, options.version), options);
}

/** A fetch, ACL derivative or converter, with its required arguments in parentheses. */
export function sampleItem(entry: KeywordEntry, kind: 'fetch' | 'converter', options: ItemOptions): CompletionEntry {
  return catalogItem(entry, kind, () => callSnippet(entry, options.version), options);
}

/** An item for a word with no catalog entry of its own: an enum value, a literal of the syntax, a name. */
export function plainItem(label: string, kind: CompletionKind, sortText: string, extra: Partial<CompletionEntry> = {}): CompletionEntry {
  return { label, kind, insertText: label, snippet: false, sortText, ...extra };
}
