import type { ConfigModel, Proxy } from '../model/config-model';
import type { Directive, Word } from '../syntax/ast';

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

function storedTypes(word: Word | undefined): Set<string> {
  const types = new Set<string>();
  if (!word) return types;
  let depth = 0;
  let current = '';
  for (const c of word.value) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      types.add(current.replace(/\(.*$/, '').trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current) types.add(current.replace(/\(.*$/, '').trim());
  return types;
}

function tableFrom(name: string, directive: Directive, firstOption: number, proxy?: Proxy): StickTable {
  const storeAt = directive.args.findIndex((arg, i) => i >= firstOption && arg.value === 'store');
  const storeWord = storeAt >= 0 ? directive.args[storeAt + 1] : undefined;
  return { name, directive, proxy, stored: storedTypes(storeWord), storeWord };
}

/** Every stick table of the config by the name `table` arguments use. */
export function stickTables(model: ConfigModel): Map<string, StickTable> {
  const tables = new Map<string, StickTable>();
  for (const proxy of model.proxies) {
    if (proxy.kind === 'defaults') continue;
    const directive = proxy.directives.find((d) => d.keyword.value === 'stick-table' && !d.prefix);
    if (directive && !tables.has(proxy.name)) tables.set(proxy.name, tableFrom(proxy.name, directive, 0, proxy));
  }
  for (const section of model.file.sections) {
    if (section.type !== 'peers' || !section.name) continue;
    for (const directive of section.directives) {
      if (directive.keyword.value !== 'table' || !directive.args[0]) continue;
      const name = `${section.name.value}/${directive.args[0].value}`;
      if (!tables.has(name)) tables.set(name, tableFrom(name, directive, 1));
    }
  }
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

const trackCache = new WeakMap<Proxy, TrackAction[]>();

/** Every `track-scN` action of a proxy (`http-request`, `tcp-request ...`, `http-response`). */
export function trackActions(proxy: Proxy): TrackAction[] {
  const cached = trackCache.get(proxy);
  if (cached) return cached;
  const actions: TrackAction[] = [];
  for (const directive of proxy.directives) {
    const keyword = directive.keyword.value;
    if (keyword !== 'http-request' && keyword !== 'tcp-request' && keyword !== 'http-response' && keyword !== 'tcp-response') continue;
    const index = directive.args.findIndex((arg) => TRACK.test(arg.value));
    if (index < 0) continue;
    const word = directive.args[index];
    const tableAt = directive.args.findIndex((arg, i) => i > index && arg.value === 'table');
    const tableWord = tableAt >= 0 ? directive.args[tableAt + 1] : undefined;
    actions.push({ proxy, directive, counter: Number(TRACK.exec(word.value)![1]), word, tableWord, tableName: tableWord?.value ?? proxy.name });
  }
  trackCache.set(proxy, actions);
  return actions;
}
