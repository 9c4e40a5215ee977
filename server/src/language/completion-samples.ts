import { isHttpOnly, isKnownIn, keywordsOfKind, type HaproxyVersion } from '../model/catalog';
import { catalogItem, plainItem, sampleItem, type CompletionEntry } from './completion-items';
import { memo, tcpOnly, type Cursor, type Offer } from './completion-cursor';
import { backendItems, nameItems, sectionNames } from './completion-names';
import { joinPath, logVariableStart, openSampleStart, pathPosition, samplePosition } from './partial-word';

/** Every fetch of the target version; in an ACL criterion, the ACL derivatives too. */
function fetchItems(c: Cursor, acl: boolean): CompletionEntry[] {
  const version = c.version;
  const demoteHttp = tcpOnly(c);
  return memo(`fetch|${version}|${acl}|${demoteHttp}`, () => buildFetchItems(version, acl, demoteHttp));
}

function buildFetchItems(version: HaproxyVersion, acl: boolean, demoteHttp: boolean): CompletionEntry[] {
  const kinds = acl ? (['fetch', 'acl-derived'] as const) : (['fetch'] as const);
  const seen = new Set<string>();
  return kinds.flatMap((kind) =>
    keywordsOfKind(kind)
      .filter((e) => isKnownIn(e, version) && !seen.has(e.name) && seen.add(e.name))
      .map((e) => sampleItem(e, 'fetch', { version, group: 'fetch', demoted: demoteHttp && isHttpOnly(e, version) })),
  );
}

/** Every converter of the target version. */
function converterItems(c: Cursor): CompletionEntry[] {
  return memo(`converter|${c.version}`, () =>
    keywordsOfKind('converter')
      .filter((e) => isKnownIn(e, c.version) && !e.name.includes('<'))
      .map((e) => sampleItem(e, 'converter', { version: c.version, group: 'converter' })),
  );
}

const BACKEND_ARGUMENT = new Set(['avg_queue', 'be_conn', 'be_conn_free', 'be_sess_rate', 'connslots', 'nbsrv', 'queue']);

/** Items for a sample expression typed in the current word from character `from` on. */
export function sampleOffer(c: Cursor, from: number, acl: boolean): Offer {
  const position = samplePosition(c.partial.slice(from), from);
  const startColumn = c.start.column + position.start;
  switch (position.kind) {
    case 'fetch':
      return { items: fetchItems(c, acl), startColumn };
    case 'converter':
      return { items: converterItems(c), startColumn };
    case 'argument': {
      if (position.index !== 0) return { items: [], startColumn };
      if (position.name === 'http_auth' || position.name === 'http_auth_group') {
        return { items: nameItems(sectionNames(c, 'userlist'), 'reference', 'userlist'), startColumn };
      }
      if (BACKEND_ARGUMENT.has(position.name)) return { items: backendItems(c), startColumn };
      if (/^map(_|$)/.test(position.name)) return fileOffer(c, from + (position.start - from));
      return { items: [], startColumn };
    }
  }
}

function logVariableItems(c: Cursor, withPercent: boolean): CompletionEntry[] {
  const demoteHttp = tcpOnly(c);
  return memo(`logvar|${c.version}|${withPercent}|${demoteHttp}`, () => keywordsOfKind('log-format-var')
    .filter((e) => isKnownIn(e, c.version))
    .map((e) =>
      catalogItem(e, 'log-variable', withPercent ? e.name : e.name.slice(1), {
        version: c.version,
        group: 'log-variable',
        demoted: demoteHttp && isHttpOnly(e, c.version),
        ...(withPercent ? {} : { label: e.name.slice(1) }),
      }),
    ));
}

/** Inside a log-format string: `%[` expressions and `%` variables. */
export function formatOffer(c: Cursor): Offer | undefined {
  const open = openSampleStart(c.partial);
  if (open >= 0) return sampleOffer(c, open, false);
  const variable = logVariableStart(c.partial);
  if (variable) return { items: logVariableItems(c, variable.withPercent), startColumn: c.start.column + variable.start };
  return undefined;
}

/** Files and folders for the path typed in the current word from character `from` on. */
export function fileOffer(c: Cursor, from: number): Offer {
  const position = pathPosition(c.partial.slice(from));
  const startColumn = c.start.column + from + position.segmentStart;
  const folder = position.folder.startsWith('/') ? position.folder : c.env.documentDir ? joinPath(c.env.documentDir, position.folder) : undefined;
  if (!folder || !c.env.listDirectory) return { items: [], startColumn };
  const typed = c.partial.slice(from + position.segmentStart);
  const entries = c.env.listDirectory(folder) ?? [];
  const items = entries
    .filter((e) => typed.startsWith('.') || !e.name.startsWith('.'))
    .slice(0, 500)
    .map((e) =>
      e.directory
        ? plainItem(`${e.name}/`, 'folder', `0${e.name}`, { retrigger: true })
        : plainItem(e.name, 'file', `1${e.name}`),
    );
  return { items, startColumn };
}
