import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Range,
} from 'vscode-languageserver';
import type { ConfigDocument } from '../analysis/config-document';
import type { CompletionEntry, CompletionKind, CompletionRef } from '../language/completion-items';
import { completeAt, type CompletionEnvironment } from '../language/completion';
import { documentationFor } from '../language/completion-docs';
import { limitCompletions } from '../language/completion-limit';
import type { ConfigModel } from '../model/config-model';
import { toPath } from '../navigation/workspace-configs';
import { toLspRange } from './convert';

/** Characters after which the editor asks for completions without the user typing a letter. */
export const COMPLETION_TRIGGERS = [' ', '(', ',', '[', '/', '%', '{', '!'];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  keyword: CompletionItemKind.Keyword,
  family: CompletionItemKind.Keyword,
  action: CompletionItemKind.Method,
  option: CompletionItemKind.Property,
  fetch: CompletionItemKind.Function,
  converter: CompletionItemKind.Operator,
  value: CompletionItemKind.EnumMember,
  backend: CompletionItemKind.Class,
  acl: CompletionItemKind.Variable,
  server: CompletionItemKind.Field,
  reference: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  flag: CompletionItemKind.TypeParameter,
  'match-method': CompletionItemKind.EnumMember,
  operator: CompletionItemKind.Operator,
  'log-variable': CompletionItemKind.Variable,
};

/**
 * What the server keeps in an item to document it on completionItem/resolve. A ref's name is left out when
 * it is the item's label, so that the items of a long list (backends, fetches) share one `data` the list
 * sends once, as a default.
 */
interface ItemData {
  uri: string;
  ref: CompletionRef | WithoutName<CompletionRef>;
}

type WithoutName<T> = T extends { name: string } ? Omit<T, 'name'> & { name?: string } : never;

/** The parts of an item that `CompletionList.itemDefaults` can carry for all items. */
type ItemDefaults = NonNullable<CompletionList['itemDefaults']>;

/** `${1:30s}` -> `30s`, `${1|a,b|}` -> `a`: for clients without snippet support. */
export function plainFromSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)[,|][^}]*\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}

/** Reads a folder for path completion; unreadable folders give nothing. */
function listDirectory(path: string): { name: string; directory: boolean }[] | undefined {
  try {
    return readdirSync(path, { withFileTypes: true }).map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
  } catch {
    return undefined;
  }
}

/** The environment of completion for a document: its folder and the backends of its sibling files. */
export function completionEnvironment(uri: string, otherModels: () => readonly ConfigModel[]): CompletionEnvironment {
  const path = toPath(uri);
  return {
    ...(path ? { documentDir: dirname(path) } : {}),
    listDirectory,
    otherBackends: () => otherModels().flatMap((model) => model.proxies.filter((p) => (p.kind === 'backend' || p.kind === 'listen') && p.name).map((p) => p.name)),
  };
}

/** textDocument/completion and completionItem/resolve over the core, shaped to what the client supports. */
export class CompletionProvider {
  private snippets = true;
  private insertReplace = false;
  private deprecatedTag = true;
  private markdown = true;
  /** Which `CompletionList.itemDefaults` the client understands (LSP 3.17). */
  private defaults: ReadonlySet<string> = new Set();

  configure(capabilities: ClientCapabilities): void {
    const completion = capabilities.textDocument?.completion;
    const item = completion?.completionItem;
    this.snippets = item?.snippetSupport === true;
    this.insertReplace = item?.insertReplaceSupport === true;
    this.deprecatedTag = item?.tagSupport?.valueSet?.includes(CompletionItemTag.Deprecated) === true;
    this.markdown = item?.documentationFormat?.includes(MarkupKind.Markdown) ?? true;
    this.defaults = new Set(completion?.completionList?.itemDefaults ?? []);
  }

  /**
   * The items of a position. Every item replaces the same range, so with a client that takes item defaults
   * the range, the text format and the most common `data` go once in the list rather than in each item: a
   * list of hundreds of backend names is then a fifth of the size to encode, send and decode. Longer lists
   * are cut to the items that match what has been typed (see limitCompletions).
   */
  complete(document: ConfigDocument, params: CompletionParams, env: CompletionEnvironment): CompletionList | null {
    const result = completeAt(document, params.position.line, params.position.character, env);
    if (!result) return null;
    const typed = document.text.slice(result.range.start.offset, result.range.end.offset);
    const { items: entries, incomplete } = limitCompletions(result.items, typed);
    const insert = toLspRange(result.range);
    const edit = this.insertReplace ? { insert, replace: toLspRange(result.replaceRange) } : insert;
    const itemDefaults: ItemDefaults = {};
    if (this.defaults.has('editRange')) itemDefaults.editRange = edit;
    if (this.defaults.has('insertTextFormat')) itemDefaults.insertTextFormat = InsertTextFormat.PlainText;
    const data = entries.map((entry) => itemData(entry, document.uri));
    const common = this.defaults.has('data') ? mostCommon(data) : undefined;
    if (common) itemDefaults.data = common.value;
    const items = entries.map((entry, i) => {
      const item = this.item(entry, itemDefaults, edit);
      if (data[i] && data[i].key !== common?.key) item.data = data[i].value;
      return item;
    });
    return Object.keys(itemDefaults).length > 0 ? { isIncomplete: incomplete, itemDefaults, items } : { isIncomplete: incomplete, items };
  }

  resolve(item: CompletionItem, documentOf: (uri: string) => ConfigDocument | undefined): CompletionItem {
    const data = item.data as ItemData | undefined;
    if (!data?.ref || item.documentation) return item;
    const document = documentOf(data.uri);
    const ref = { ...data.ref, name: data.ref.name ?? item.label } as CompletionRef;
    const value = document ? documentationFor(document, ref) : undefined;
    return value ? { ...item, documentation: this.markdown ? { kind: MarkupKind.Markdown, value } : value } : item;
  }

  private item(entry: CompletionEntry, defaults: ItemDefaults, edit: Range | { insert: Range; replace: Range }): CompletionItem {
    const snippet = entry.snippet && this.snippets;
    const newText = entry.snippet && !this.snippets ? plainFromSnippet(entry.insertText) : entry.insertText;
    const item: CompletionItem = { label: entry.label, kind: KINDS[entry.kind], sortText: entry.sortText };
    const format = snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
    if (format !== defaults.insertTextFormat) item.insertTextFormat = format;
    if (!defaults.editRange) item.textEdit = 'insert' in edit ? { newText, ...edit } : { newText, range: edit };
    else if (newText !== entry.label) item.textEditText = newText;
    if (entry.detail) item.detail = entry.detail;
    if (entry.documentation) item.documentation = this.markdown ? { kind: MarkupKind.Markdown, value: entry.documentation } : entry.documentation;
    if (entry.deprecated) {
      if (this.deprecatedTag) item.tags = [CompletionItemTag.Deprecated];
      else item.deprecated = true;
    }
    if (entry.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    return item;
  }
}

/** The resolve data of an entry, and a key equal for equal data. */
function itemData(entry: CompletionEntry, uri: string): { key: string; value: ItemData } | undefined {
  const ref = entry.ref;
  if (!ref) return undefined;
  const { name, ...unnamed } = ref;
  const labelled = name === entry.label;
  const key = `${ref.kind}|${ref.kind === 'keyword' ? `${ref.keywordKind}|${ref.ruleSet ?? ''}` : ''}|${labelled ? '' : name}`;
  return { key, value: { uri, ref: labelled ? unnamed : ref } };
}

/**
 * The data most items share, when every item has data (an item without data would otherwise inherit the
 * default and be documented as something it is not).
 */
function mostCommon(data: readonly ({ key: string; value: ItemData } | undefined)[]): { key: string; value: ItemData } | undefined {
  const counts = new Map<string, number>();
  let best: { key: string; value: ItemData } | undefined;
  let bestCount = 0;
  for (const found of data) {
    if (!found) return undefined;
    const count = (counts.get(found.key) ?? 0) + 1;
    counts.set(found.key, count);
    if (count > bestCount) {
      best = found;
      bestCount = count;
    }
  }
  return bestCount > 1 ? best : undefined;
}
