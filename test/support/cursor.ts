/** A config text with a cursor position, read from an inline marker. */
export interface CursorText {
  /** The text without the marker. */
  text: string;
  /** 0-based line and column (UTF-16 units) of the marker. */
  line: number;
  column: number;
  offset: number;
}

/**
 * Removes the cursor marker from `source` and returns where it was. The marker is `<|>`; a source without
 * one may use a single `|` instead (configs with `||` or `|` of their own must use `<|>`).
 */
export function cursorIn(source: string): CursorText {
  let offset = source.indexOf('<|>');
  let marker = 3;
  if (offset < 0) {
    offset = source.indexOf('|');
    marker = 1;
    if (offset < 0 || source.indexOf('|', offset + 1) >= 0) throw new Error('cursorIn: put exactly one `|` (or one `<|>`) in the text');
  } else if (source.indexOf('<|>', offset + 3) >= 0) {
    throw new Error('cursorIn: more than one `<|>` marker');
  }
  const text = source.slice(0, offset) + source.slice(offset + marker);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return { text, line, column, offset };
}

/** The cursor placed `shift` characters into the first occurrence of `needle` in `text`. */
export function cursorAtText(text: string, needle: string, shift = 0): CursorText {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`cursorAtText: ${JSON.stringify(needle)} is not in the text`);
  const offset = at + shift;
  const before = text.slice(0, offset);
  return { text, line: before.split('\n').length - 1, column: offset - (before.lastIndexOf('\n') + 1), offset };
}
