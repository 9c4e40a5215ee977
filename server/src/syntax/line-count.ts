/** The number of lines of a text (a trailing newline does not start a new line). */
export function lineCountOf(text: string, lineBreaks: number, endsWithNewline: boolean): number {
  return text.length === 0 ? 0 : lineBreaks + 1 - (endsWithNewline ? 1 : 0);
}

/** Line breaks as the lexer counts them (CRLF, CR, LF), without splitting the text into strings. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

/** True when the text ends with a line break (checked on the last character, not with a regular expression: `/[\r\n]$/` tries every position of the text). */
export function endsWithLineBreak(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13;
}
