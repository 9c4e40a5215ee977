import type { CatalogSection, RemovedKeyword } from './types';

const PROXIES: readonly CatalogSection[] = ['defaults', 'frontend', 'listen', 'backend'];
const GLOBAL: readonly CatalogSection[] = ['global'];

const proxy = (name: string, removedIn: string | undefined, replacements: string[], note?: string): RemovedKeyword => ({
  name,
  sections: PROXIES,
  ...(removedIn ? { removedIn } : {}),
  replacements,
  ...(note ? { note } : {}),
});

const HEADER_REWRITE = ['http-request replace-path', 'http-request replace-uri', 'http-request replace-header'];

/**
 * Keywords HAProxy dropped, with what to write instead (facts from HAProxy's own parser messages).
 * Versions before 2.4 are kept as HAProxy states them, so a message can say "since 2.1".
 */
export const REMOVED_KEYWORDS: readonly RemovedKeyword[] = [
  proxy('appsession', '1.6', ['cookie', 'stick-table'], 'Persistence is now done with a persistence cookie or a stick table.'),
  proxy('bind-process', '2.7', [], 'HAProxy runs one process since 2.5; pick threads with the bind option `thread` instead.'),
  proxy('block', '2.1', ['http-request deny'], 'Same condition syntax: `block if X` becomes `http-request deny if X`.'),
  proxy('cliexp', '2.1', HEADER_REWRITE),
  proxy('grace', '2.5', []),
  proxy('redisp', '2.1', ['option redispatch']),
  proxy('redispatch', '2.1', ['option redispatch']),
  proxy('reqadd', '2.1', ['http-request add-header']),
  proxy('reqallow', '2.1', ['http-request allow']),
  proxy('reqiallow', '2.1', ['http-request allow']),
  proxy('reqdel', '2.1', ['http-request del-header']),
  proxy('reqidel', '2.1', ['http-request del-header']),
  proxy('reqdeny', '2.1', ['http-request deny']),
  proxy('reqideny', '2.1', ['http-request deny']),
  proxy('reqpass', '2.1', []),
  proxy('reqipass', '2.1', []),
  proxy('reqrep', '2.1', HEADER_REWRITE),
  proxy('reqirep', '2.1', ['http-request replace-header']),
  proxy('reqtarpit', '2.1', ['http-request tarpit']),
  proxy('reqitarpit', '2.1', ['http-request tarpit']),
  proxy('reqsetbe', undefined, ['use_backend']),
  proxy('reqisetbe', undefined, ['use_backend']),
  proxy('rspadd', '2.1', ['http-response add-header']),
  proxy('rspdel', '2.1', ['http-response del-header']),
  proxy('rspidel', '2.1', ['http-response del-header']),
  proxy('rspdeny', '2.1', ['http-response deny']),
  proxy('rspideny', '2.1', ['http-response deny']),
  proxy('rsprep', '2.1', ['http-response replace-header']),
  proxy('rspirep', '2.1', ['http-response replace-header']),
  proxy('srvexp', '2.1', ['http-response replace-header']),
  proxy('clitimeout', '2.1', ['timeout client']),
  proxy('contimeout', '2.1', ['timeout connect']),
  proxy('srvtimeout', '2.1', ['timeout server']),
  proxy('monitor-net', undefined, ['http-request return'], 'Answer monitoring requests with `http-request return status 200 if { src <network> }`.'),
  proxy('option forceclose', '2.0', ['option httpclose']),
  proxy('option http-tunnel', '2.1', [], 'Not needed any more: simply remove it.'),
  proxy('option http_proxy', '2.5', [], 'It stopped working long before its removal; route with use_backend or set-dst rules instead.'),
  { name: 'nbproc', sections: GLOBAL, removedIn: '2.5', replacements: ['nbthread'], note: 'Threads are used automatically on multi-processor machines.' },
  { name: 'tune.chksize', sections: GLOBAL, removedIn: '2.5', replacements: ['tune.bufsize'] },
  { name: 'stats bind-process', sections: GLOBAL, removedIn: '2.7', replacements: [] },
  { name: 'debug', sections: GLOBAL, replacements: [], note: 'Use the -d command line option to run in debug mode.' },
];

/** Removed bind options, keyed by option name. */
export const REMOVED_BIND_OPTIONS: readonly RemovedKeyword[] = [
  { name: 'process', sections: ['frontend', 'listen'], removedIn: '2.7', replacements: ['thread'] },
];

const byFirstWord = new Map<string, RemovedKeyword[]>();
for (const removed of REMOVED_KEYWORDS) {
  const first = removed.name.split(' ')[0];
  const list = byFirstWord.get(first);
  if (list) list.push(removed);
  else byFirstWord.set(first, [removed]);
}

/** The removed keyword that the leading words of a line of `section` spell, if any. */
export function findRemovedKeyword(section: CatalogSection, words: readonly string[]): RemovedKeyword | undefined {
  const candidates = byFirstWord.get(words[0] ?? '');
  if (!candidates) return undefined;
  let best: RemovedKeyword | undefined;
  for (const removed of candidates) {
    if (!removed.sections.includes(section)) continue;
    const parts = removed.name.split(' ');
    if (parts.every((p, i) => words[i] === p) && (!best || parts.length > best.name.split(' ').length)) best = removed;
  }
  return best;
}
