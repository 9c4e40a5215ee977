import { SECTION_KEYWORDS } from './section-keywords';

const SECTION_LINE = /^(\S+)/;

/**
 * True when a text reads as an HAProxy config: its first line that is neither blank, a comment nor a `.if`
 * directive opens a section HAProxy knows (`global`, `defaults`, `frontend`...). Only the first 200 lines are read.
 */
export function looksLikeHaproxyConfig(text: string): boolean {
  const lines = text.slice(0, 20_000).split(/\r\n|\r|\n/, 200);
  for (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith('.')) continue;
    const keyword = SECTION_LINE.exec(line)?.[1] ?? '';
    return SECTION_KEYWORDS.has(keyword);
  }
  return false;
}
