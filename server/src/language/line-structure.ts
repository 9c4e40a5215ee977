import {
  argumentShapes,
  isCatalogSection,
  lineOptions,
  matchShape,
  resolveDirective,
  scanOptions,
  type ArgShape,
  type CatalogSection,
  type HaproxyVersion,
  type KeywordEntry,
  type LineOptions,
  type ResolvedDirective,
  type ScannedOption,
} from '../model/catalog';
import type { ConfigModel, Proxy } from '../model/config-model';
import type { ConfigFile, Section, Word } from '../syntax/ast';
import { CONDITIONAL_KEYWORDS } from '../syntax/section-keywords';
import { readLine, type LineWords } from './line-words';
import { proxyOf, sectionAt } from './locate';

/** What the language features need of a document: its tree, its model and the HAProxy version it targets. */
export interface LanguageDocument {
  readonly file: ConfigFile;
  readonly model: ConfigModel;
  readonly haproxyVersion: HaproxyVersion;
}

/** One line seen in its section, with the catalog keyword it starts with. */
export interface LineStructure {
  doc: LanguageDocument;
  version: HaproxyVersion;
  line: LineWords;
  words: Word[];
  values: string[];
  /** The section whose header is on or above the line. */
  section?: Section;
  /** True when the line is that section's header. */
  header: boolean;
  /** The section type the line's keyword is looked up in (the section above, for a header being typed). */
  sectionType?: CatalogSection;
  proxy?: Proxy;
  /** 1 when the line starts with `no` or `default`. */
  prefix: number;
  /** Index of the `if`/`unless` word that starts the condition, else the word count. */
  conditionAt: number;
  resolved?: ResolvedDirective;
}

/** Reads a line and resolves its keyword against the catalog for the document's target version. */
export function lineStructure(doc: LanguageDocument, lineNumber: number): LineStructure | undefined {
  const line = readLine(doc.file, lineNumber);
  if (!line) return undefined;
  const version = doc.haproxyVersion;
  const section = sectionAt(doc.file, lineNumber);
  const header = section !== undefined && section.headerRange.start.line === lineNumber;
  const words = line.words;
  const values = words.map((w) => w.value);
  const prefix = (values[0] === 'no' || values[0] === 'default') && values.length > 1 ? 1 : 0;
  const structure: LineStructure = { doc, version, line, words, values, section, header, prefix, conditionAt: words.length };
  if (section && isCatalogSection(section.type)) structure.sectionType = section.type;
  structure.proxy = proxyOf(doc.model, section);
  if (header || !structure.sectionType || words.length === 0) return structure;
  if (CONDITIONAL_KEYWORDS.has(values[prefix] ?? '')) {
    const at = line.roles.findIndex((role, i) => i > prefix && (role === 'if' || role === 'unless'));
    if (at > 0) structure.conditionAt = at;
  }
  structure.resolved = resolveDirective(structure.sectionType, values.slice(0, structure.conditionAt), version);
  return structure;
}

/** Where the bind or server options of the line start, for lines that take them. */
export function optionsOf(structure: LineStructure): LineOptions | undefined {
  const keyword = structure.resolved?.keyword;
  if (!keyword || structure.prefix) return undefined;
  return lineOptions(structure.values.slice(0, structure.conditionAt));
}

/** The options of a bind or server line, with indexes in the line's words. */
export function scannedOptions(structure: LineStructure, options: LineOptions, end = structure.conditionAt): ScannedOption[] {
  return scanOptions(options.kind, structure.values.slice(options.start, end), structure.version).map((o) => ({
    ...o,
    index: o.index + options.start,
    values: o.values.map((v) => v + options.start),
  }));
}

/**
 * The entry whose syntax describes the arguments at the end of the line, and where those arguments start:
 * the action for rule lines (`http-request set-header ...`), else the keyword.
 */
export function argumentOwner(structure: LineStructure): { entry: KeywordEntry; start: number; ruleSet?: string } | undefined {
  const resolved = structure.resolved;
  if (!resolved?.keyword) return undefined;
  if (resolved.ruleSet) {
    const action = resolved.action;
    if (!action?.entry) return undefined;
    return { entry: action.entry, start: action.index + 1, ruleSet: resolved.ruleSet };
  }
  return { entry: resolved.keyword, start: resolved.consumed };
}

/** Keywords whose first argument after a name is a sample expression the syntax lines do not type. */
const HASH_ALGORITHMS = new Set(['hash', 'log-hash']);

/**
 * Indexes of the words of a line that hold a sample expression: placeholders typed as expressions in the
 * syntax of the keyword or action (`track-sc0 <key>`, `stick on <pattern>`, `set-var(...) <expr>`) and
 * `balance hash <expr>`. ACL criteria are found separately.
 */
export function expressionWordIndexes(structure: LineStructure): number[] {
  const owner = argumentOwner(structure);
  if (!owner) return [];
  const end = structure.conditionAt;
  const args = structure.values.slice(owner.start, end);
  const found: number[] = [];
  if (owner.entry.kind === 'proxy' && owner.entry.name === 'balance' && HASH_ALGORITHMS.has(args[0] ?? '') && args.length > 1) found.push(owner.start + 1);
  for (const shape of argumentShapes(owner.entry, structure.version)) {
    const match = matchShape(shape.args, args);
    match.bindings.forEach((binding, i) => {
      if (isExpression(binding.element)) found.push(owner.start + i);
    });
    if (found.length) break;
  }
  return [...new Set(found)];
}

function isExpression(element: ArgShape): boolean {
  return element.kind === 'placeholder' && element.type === 'expression';
}
