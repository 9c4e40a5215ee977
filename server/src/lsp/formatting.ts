import type { Range as LspRange, TextEdit } from 'vscode-languageserver';
import { DEFAULT_FORMAT_OPTIONS, formatEdits, type FormatOptions } from '../navigation/format';
import type { ConfigFile } from '../syntax/ast';
import { toLspRange } from './convert';

/** The `haproxy.format.*` settings, as they come from the client (any of them may be missing or wrong). */
export interface FormatSettings {
  indent?: unknown;
  alignServers?: unknown;
}

/** Reads the format settings, falling back to the defaults for missing or invalid values. */
export function formatOptions(settings: FormatSettings | undefined): FormatOptions {
  const indent = typeof settings?.indent === 'number' && Number.isInteger(settings.indent) && settings.indent >= 0 && settings.indent <= 16 ? settings.indent : DEFAULT_FORMAT_OPTIONS.indent;
  return { indent, alignServers: settings?.alignServers === true };
}

/** textDocument/formatting and rangeFormatting: one edit per changed line. `file` is the parsed text, when the server has it. */
export function formattingEdits(text: string, options: FormatOptions, range?: LspRange, file?: ConfigFile): TextEdit[] {
  const lines = range ? { start: range.start.line, end: range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line } : undefined;
  return formatEdits(text, options, lines, file).map((edit) => ({ range: toLspRange(edit.range), newText: edit.newText }));
}
