import { isCatalogSection, type CatalogSection, type HaproxyVersion } from '../model/catalog';
import type { Proxy } from '../model/config-model';
import type { Position, Range } from '../syntax/ast';
import type { CompletionEntry } from './completion-items';
import { cutAtCursor } from './cursor-words';
import { lineStructure, type LanguageDocument, type LineStructure } from './line-structure';
import type { WordRole } from './line-words';
import { previousSection, proxyOf } from './locate';

/** What completion needs from outside the core: the file system and the other files of the config. */
export interface CompletionEnvironment {
  /** Folder of the document, for relative paths. */
  documentDir?: string;
  /** Entries of a folder, or undefined when it cannot be read. */
  listDirectory?(path: string): readonly { name: string; directory: boolean }[] | undefined;
  /** Names of the backends (and listens) defined in the other files of a multi-file config. */
  otherBackends?(): readonly string[];
}

/** Items for one position and the text they replace. */
export interface CompletionResult {
  items: CompletionEntry[];
  /** From the start of what is being completed to the cursor. */
  range: Range;
  /** The same start, up to the end of the word under the cursor. */
  replaceRange: Range;
}

/** The cursor seen on its line. */
export interface Cursor {
  doc: LanguageDocument;
  env: CompletionEnvironment;
  s: LineStructure;
  version: HaproxyVersion;
  column: number;
  /** Index of the word being written: the number of words before it. */
  index: number;
  /** The raw text of that word up to the cursor (empty after a blank). */
  partial: string;
  /** Values and roles of the words before it. */
  before: string[];
  roles: WordRole[];
  /** Where that word starts, and where it ends (the cursor on a blank). */
  start: Position;
  end: Position;
  cursor: Position;
  /** The section type whose keywords the line may use. */
  sectionType?: CatalogSection;
  proxy?: Proxy;
}

/** Items plus, when they replace less than the whole word, the column where their text starts. */
export interface Offer {
  items: CompletionEntry[];
  startColumn?: number;
}

export const NONE: Offer = { items: [] };

const listCache = new Map<string, CompletionEntry[]>();

/** Catalog-only lists depend on a few facts (section, version, mode); each is built once. */
export function memo(key: string, build: () => CompletionEntry[]): CompletionEntry[] {
  let list = listCache.get(key);
  if (!list) listCache.set(key, (list = build()));
  return list;
}

/** The position of a column on the cursor's line. */
export function at(c: Cursor, column: number): Position {
  return { line: c.cursor.line, column, offset: c.cursor.offset - (c.column - column) };
}

/** The explicit mode of a proxy (its own or its defaults'), or undefined when nothing sets one. */
function explicitMode(proxy: Proxy | undefined): string | undefined {
  for (let p = proxy; p; p = p.defaults) {
    const mode = [...p.directives].reverse().find((d) => d.keyword.value === 'mode' && !d.prefix)?.args[0]?.value;
    if (mode) return mode;
  }
  return undefined;
}

/** True when the proxy at the cursor is set to tcp mode (HTTP-only items are left out or ranked last). */
export function tcpOnly(c: Cursor): boolean {
  return explicitMode(c.proxy) === 'tcp';
}

/** Reads the cursor's line: the word being written, the words before it, its section and proxy. */
export function cursorAt(doc: LanguageDocument, line: number, column: number, env: CompletionEnvironment): Cursor | undefined {
  const s = lineStructure(doc, line);
  if (!s) return undefined;
  if (s.line.commentColumn !== undefined && column > s.line.commentColumn) return undefined;
  const { index, current, partial, before } = cutAtCursor(s.line, column);
  const cursor: Position = { line, column, offset: s.line.start + column };
  let sectionType = s.sectionType;
  let section = s.section;
  if (s.header && index === 0 && s.section) {
    section = previousSection(doc.file, s.section);
    sectionType = section && isCatalogSection(section.type) ? section.type : undefined;
  }
  const proxy = proxyOf(doc.model, section);
  return {
    doc,
    env,
    s,
    version: s.version,
    column,
    index,
    partial,
    before,
    roles: s.line.roles.slice(0, index),
    start: current ? current.range.start : cursor,
    end: current ? current.range.end : cursor,
    cursor,
    ...(sectionType ? { sectionType } : {}),
    ...(proxy ? { proxy } : {}),
  };
}
