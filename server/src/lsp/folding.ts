import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ConfigFile } from '../syntax/ast';

/** Folding ranges: each section from its header to its last line, and each `.if` ... `.endif` block. */
export function foldingRanges(file: ConfigFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const section of file.sections) {
    if (section.range.end.line > section.range.start.line) {
      ranges.push({ startLine: section.range.start.line, endLine: section.range.end.line });
    }
  }
  for (const block of file.conditionals) {
    if (block.range.end.line > block.range.start.line) {
      ranges.push({ startLine: block.range.start.line, endLine: block.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  return ranges;
}
