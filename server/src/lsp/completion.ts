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

/** What the server keeps in an item to document it on completionItem/resolve. */
interface ItemData {
  uri: string;
  ref: CompletionRef;
}

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

  configure(capabilities: ClientCapabilities): void {
    const item = capabilities.textDocument?.completion?.completionItem;
    this.snippets = item?.snippetSupport === true;
    this.insertReplace = item?.insertReplaceSupport === true;
    this.deprecatedTag = item?.tagSupport?.valueSet?.includes(CompletionItemTag.Deprecated) === true;
    this.markdown = item?.documentationFormat?.includes(MarkupKind.Markdown) ?? true;
  }

  complete(document: ConfigDocument, params: CompletionParams, env: CompletionEnvironment): CompletionList | null {
    const result = completeAt(document, params.position.line, params.position.character, env);
    if (!result) return null;
    const insert = toLspRange(result.range);
    const replace = toLspRange(result.replaceRange);
    const items = result.items.map((entry) => this.item(entry, document.uri, insert, replace));
    return { isIncomplete: false, items };
  }

  resolve(item: CompletionItem, documentOf: (uri: string) => ConfigDocument | undefined): CompletionItem {
    const data = item.data as ItemData | undefined;
    if (!data?.ref || item.documentation) return item;
    const document = documentOf(data.uri);
    const value = document ? documentationFor(document, data.ref) : undefined;
    return value ? { ...item, documentation: this.markdown ? { kind: MarkupKind.Markdown, value } : value } : item;
  }

  private item(entry: CompletionEntry, uri: string, insert: Range, replace: Range): CompletionItem {
    const snippet = entry.snippet && this.snippets;
    const newText = entry.snippet && !this.snippets ? plainFromSnippet(entry.insertText) : entry.insertText;
    const item: CompletionItem = {
      label: entry.label,
      kind: KINDS[entry.kind],
      sortText: entry.sortText,
      filterText: entry.label,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: this.insertReplace ? { newText, insert, replace } : { newText, range: insert },
    };
    if (entry.detail) item.detail = entry.detail;
    if (entry.documentation) item.documentation = this.markdown ? { kind: MarkupKind.Markdown, value: entry.documentation } : entry.documentation;
    if (entry.deprecated) {
      if (this.deprecatedTag) item.tags = [CompletionItemTag.Deprecated];
      else item.deprecated = true;
    }
    if (entry.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    if (entry.ref) item.data = { uri, ref: entry.ref } satisfies ItemData;
    return item;
  }
}
