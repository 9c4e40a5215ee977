import { isHttpOnly, isKnownIn, keywordsOfKind, sectionKeywords, type CatalogSection, type HaproxyVersion, type KeywordEntry } from '../model/catalog';
import { keywordItem, plainItem, type CompletionEntry } from './completion-items';
import { memo, tcpOnly, type Cursor, type Offer, NONE } from './completion-cursor';
import { sortKey } from './completion-rank';

/** Keywords followed by an action: inserting one asks for the actions at once. */
const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'http-request', 'http-response', 'http-after-response', 'tcp-request connection', 'tcp-request session', 'tcp-request content',
  'tcp-response content', 'quic-initial',
]);

/** Keywords that may start the line: section keywords, and the directives of the section (after `no`/`default`, the negatable ones). */
export function lineStartOffer(c: Cursor, prefix?: string): Offer {
  const indented = c.start.column > 0;
  const dropHttp = tcpOnly(c);
  const key = `start|${c.sectionType}|${c.version}|${indented}|${prefix}|${dropHttp}`;
  return { items: memo(key, () => lineStartItems(c.sectionType, c.version, indented, dropHttp, prefix)) };
}

function lineStartItems(sectionType: CatalogSection | undefined, version: HaproxyVersion, indented: boolean, dropHttp: boolean, prefix?: string): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  if (!prefix) {
    for (const entry of keywordsOfKind('section')) {
      if (isKnownIn(entry, version)) items.push(keywordItem(entry, { version, group: 'section', demoted: indented }));
    }
  }
  if (!sectionType) return items;
  const group = sectionType === 'global' ? 'global' : 'proxy';
  const heads = new Map<string, KeywordEntry[]>();
  for (const entry of sectionKeywords(sectionType, version)) {
    if (dropHttp && isHttpOnly(entry, version)) continue;
    if (prefix === 'no' && !(entry.negatable || entry.words[0] === 'option')) continue;
    if (prefix === 'default' && entry.words[0] !== 'option') continue;
    if (entry.words.length === 1) {
      const rule = RULE_KEYWORDS.has(entry.name);
      items.push(keywordItem(entry, { version, group, demoted: !indented && !prefix, ...(rule ? { insertText: `${entry.name} `, retrigger: true } : {}) }));
    } else {
      const list = heads.get(entry.words[0]) ?? [];
      list.push(entry);
      heads.set(entry.words[0], list);
      const rule = RULE_KEYWORDS.has(entry.name);
      items.push(keywordItem(entry, { version, group, demoted: !indented && !prefix, ...(rule ? { insertText: `${entry.name} `, retrigger: true } : {}) }));
    }
  }
  for (const [head, entries] of heads) {
    const existing = items.findIndex((i) => i.label === head && i.kind === 'keyword');
    if (existing >= 0) {
      items[existing] = { ...items[existing], insertText: `${head} `, snippet: false, retrigger: true };
      continue;
    }
    const names = entries.map((e) => e.words.slice(1).join(' '));
    items.push(
      plainItem(head, 'family', sortKey(group, head, !indented && !prefix), {
        detail: `${head} <${names.length} keywords>`,
        documentation: `${names.length} keywords start with ${head}: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}`,
        insertText: `${head} `,
        retrigger: true,
      }),
    );
  }
  return items;
}

/** The next word of multi-word keywords whose first words are typed (`timeout ` -> `client`, `server`...). */
export function continuationOffer(c: Cursor, typed: readonly string[]): Offer {
  if (!c.sectionType) return NONE;
  const version = c.version;
  const depth = typed.length;
  const seen = new Set<string>();
  const items: CompletionEntry[] = [];
  const dropHttp = tcpOnly(c);
  const group = c.sectionType === 'global' ? 'global' : 'proxy';
  for (const entry of sectionKeywords(c.sectionType, version)) {
    if (entry.words.length <= depth || !typed.every((w, i) => entry.words[i] === w)) continue;
    if (dropHttp && isHttpOnly(entry, version)) continue;
    const word = entry.words[depth];
    if (seen.has(word)) continue;
    seen.add(word);
    if (entry.words.length === depth + 1) {
      const rule = RULE_KEYWORDS.has(entry.name);
      const insert = keywordSnippetAfter(entry, version, depth);
      items.push(keywordItem(entry, { version, group, label: word, insertText: rule ? `${word} ` : insert, retrigger: rule }));
    } else {
      items.push(plainItem(word, 'family', sortKey(group, entry.name), { insertText: `${word} `, retrigger: true }));
    }
  }
  return { items };
}

/** The snippet of a multi-word keyword without the words already typed. */
function keywordSnippetAfter(entry: KeywordEntry, version: HaproxyVersion, typedWords: number): string {
  const full = keywordItem(entry, { version, group: 'proxy' }).insertText;
  const typed = entry.words.slice(0, typedWords).join(' ');
  return typed && full.startsWith(`${typed} `) ? full.slice(typed.length + 1) : full;
}
