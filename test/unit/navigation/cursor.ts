import { buildModel } from '../../../server/src/model/config-model';
import { ConfigSet } from '../../../server/src/navigation/config-set';
import type { Range } from '../../../server/src/syntax/ast';
import { parseConfig } from '../../../server/src/syntax/parse-config';

/** A config with cursor markers removed; `markers` maps each `<name|` marker to its 0-based position. */
export interface Marked {
  text: string;
  markers: Map<string, { line: number; column: number }>;
}

/** Reads `<a|`-style markers out of a config text (the marker is removed, the cursor sits where it was). */
export function marked(source: string): Marked {
  const markers = new Map<string, { line: number; column: number }>();
  const lines = source.split('\n').map((line, lineIndex) => {
    let out = '';
    let rest = line;
    for (let match = /<(\w+)\|/.exec(rest); match; match = /<(\w+)\|/.exec(rest)) {
      out += rest.slice(0, match.index);
      markers.set(match[1], { line: lineIndex, column: out.length });
      rest = rest.slice(match.index + match[0].length);
    }
    return out + rest;
  });
  return { text: lines.join('\n'), markers };
}

/** A config set of the given files (uri -> text), in order. */
export function setOf(files: Record<string, string>): ConfigSet {
  return new ConfigSet(Object.entries(files).map(([uri, text]) => ({ uri, model: buildModel(parseConfig(text)) })));
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  return text.slice(range.start.offset, range.end.offset);
}

/** `line:column-column` of a range (1-based line), for readable assertions. */
export function where(range: Range): string {
  return `${range.start.line + 1}:${range.start.column}-${range.end.column}`;
}

/** Applies non-overlapping edits to a text, last first so that earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
  }
  return out;
}
