/**
 * Follows line numbers through a text read in increasing offsets, counting line breaks as the lexer does (CRLF,
 * CR, LF). Callers skip over the parts known to hold no line break (words, comments), so only blanks are scanned.
 */
export class LineTracker {
  /** The 0-based line of the last offset reached. */
  line = 0;
  /** The offset where that line starts. */
  lineStart = 0;
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** Counts the line breaks up to `offset`. */
  reach(offset: number): void {
    const text = this.text;
    for (let at = this.scanned; at < offset; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) {
        this.line++;
        this.lineStart = at + 1;
      }
    }
    if (offset > this.scanned) this.scanned = offset;
  }

  /**
   * Counts the line breaks up to `offset`, then moves past the `length` characters there, known to hold none (a
   * word, a comment). True when a line break was crossed.
   */
  next(offset: number, length: number): boolean {
    const text = this.text;
    let crossed = false;
    for (let at = this.scanned; at < offset; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) {
        this.line++;
        this.lineStart = at + 1;
        crossed = true;
      }
    }
    this.scanned = offset + length;
    return crossed;
  }
}
