/** Escapes text so that Markdown shows it as written (placeholders like `<name>` included). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_<>[\]|#]/g, (c) => `\\${c}`);
}

/** A fenced block of configuration text, highlighted as haproxy.cfg. */
export function codeBlock(lines: readonly string[]): string {
  const body = lines.join('\n');
  const fence = body.includes('```') ? '~~~~' : '```';
  return `${fence}haproxy\n${body}\n${fence}`;
}

/** Inline code that survives backticks inside the text. */
export function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
