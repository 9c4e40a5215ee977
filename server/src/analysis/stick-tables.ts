import type { ConfigModel, Proxy } from '../model/config-model';
import type { Directive, Section, Word } from '../syntax/ast';
import { ListFilter } from './list-tracker';
import { ProxyMemo } from './proxy-memo';

/** A stick table: the `stick-table` line of a proxy, or a `table` line of a peers section. */
export interface StickTable {
  /** The name other lines use: the proxy's name, or `PEERS/TABLE` for a peers table. */
  name: string;
  directive: Directive;
  proxy?: Proxy;
  /** The data types it stores (`http_req_rate`, `gpc0`, `gpc`...), without their periods. */
  stored: Set<string>;
  /** The word after `store`, when there is one. */
  storeWord?: Word;
}

const PERIOD = /\(.*$/;

function storedTypes(word: Word | undefined): Set<string> {
  const types = new Set<string>();
  if (!word) return types;
  let depth = 0;
  let current = '';
  for (const c of word.value) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      types.add(current.replace(PERIOD, '').trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current) types.add(current.replace(PERIOD, '').trim());
  return types;
}

function tableFrom(name: string, directive: Directive, firstOption: number, proxy?: Proxy): StickTable {
  const storeAt = directive.args.findIndex((arg, i) => i >= firstOption && arg.value === 'store');
  const storeWord = storeAt >= 0 ? directive.args[storeAt + 1] : undefined;
  return { name, directive, proxy, stored: storedTypes(storeWord), storeWord };
}

const peersTables = new WeakMap<Section, StickTable[]>();
const modelTables = new WeakMap<ConfigModel, Map<string, StickTable>>();

/** The `stick-table` line of a proxy as a table. */
const ownTables = new ProxyMemo<StickTable | undefined>((proxy) => {
  const directives = proxy.directives;
  for (let i = 0; i < directives.length; i++) {
    const directive = directives[i];
    if (directive.keyword.value === 'stick-table' && !directive.prefix) return tableFrom(proxy.name, directive, 0, proxy);
  }
  return undefined;
});

function ownTable(proxy: Proxy): StickTable | undefined {
  return ownTables.of(proxy);
}

/** The `table` lines of a peers section, in order. */
function tablesOfPeers(section: Section): StickTable[] {
  let tables = peersTables.get(section);
  if (!tables) {
    tables = [];
    for (const directive of section.directives) {
      if (directive.keyword.value !== 'table' || !directive.args[0]) continue;
      tables.push(tableFrom(`${section.name!.value}/${directive.args[0].value}`, directive, 1));
    }
    peersTables.set(section, tables);
  }
  return tables;
}

const tableOwners = new ListFilter<Proxy>((proxy) => proxy.kind !== 'defaults' && ownTable(proxy) !== undefined);
const peersSections = new ListFilter<Section>((section) => section.type === 'peers' && section.name !== undefined);

/** Every stick table of the config by the name `table` arguments use (built once per model). */
export function stickTables(model: ConfigModel): Map<string, StickTable> {
  const cached = modelTables.get(model);
  if (cached) return cached;
  const tables = new Map<string, StickTable>();
  for (const proxy of tableOwners.of(model.proxies)) {
    const table = ownTable(proxy)!;
    if (!tables.has(proxy.name)) tables.set(proxy.name, table);
  }
  for (const section of peersSections.of(model.file.sections)) {
    for (const table of tablesOfPeers(section)) if (!tables.has(table.name)) tables.set(table.name, table);
  }
  modelTables.set(model, tables);
  return tables;
}

/** A `track-scN` action: the counter number, the key and the table it names, if any. */
export interface TrackAction {
  proxy: Proxy;
  directive: Directive;
  counter: number;
  word: Word;
  tableWord?: Word;
  /** The table it feeds: the named one, else the proxy's own. */
  tableName: string;
}

const TRACK = /^track-sc(\d+)$/;

const isTrackAction = (word: string) => word.startsWith('track-sc') && TRACK.test(word);

const NO_TRACKS: readonly TrackAction[] = [];

const tracks = new ProxyMemo<readonly TrackAction[]>((proxy) => {
  let actions = NO_TRACKS as TrackAction[];
  const directives = proxy.directives;
  for (let d = 0; d < directives.length; d++) {
    const directive = directives[d];
    const keyword = directive.keyword.value;
    if (keyword !== 'http-request' && keyword !== 'tcp-request' && keyword !== 'http-response' && keyword !== 'tcp-response') continue;
    const args = directive.args;
    let index = 0;
    while (index < args.length && !isTrackAction(args[index].value)) index++;
    if (index === args.length) continue;
    const word = args[index];
    let tableAt = index + 1;
    while (tableAt < args.length && args[tableAt].value !== 'table') tableAt++;
    const tableWord = tableAt < args.length ? args[tableAt + 1] : undefined;
    if (actions === NO_TRACKS) actions = [];
    actions.push({ proxy, directive, counter: Number(TRACK.exec(word.value)![1]), word, tableWord, tableName: tableWord?.value ?? proxy.name });
  }
  return actions;
});

/** Every `track-scN` action of a proxy (`http-request`, `tcp-request ...`, `http-response`). */
export function trackActions(proxy: Proxy): readonly TrackAction[] {
  return tracks.of(proxy);
}
