import type { Proxy } from '../model/config-model';
import type { Directive, Word } from '../syntax/ast';
import { parseAddress } from '../syntax/address';
import { settingChain } from './proxy-settings';

/** A `server` line, or a `server-template` line standing for `count` servers. */
export interface ServerLine {
  name: string;
  nameWord: Word;
  address?: Word;
  options: Word[];
  directive: Directive;
  count: number;
}

const TEMPLATE_COUNT = /^(\d+)(?:-(\d+))?$/;

function templateCount(word: Word | undefined): number {
  const match = TEMPLATE_COUNT.exec(word?.value ?? '');
  if (!match) return 1;
  return match[2] ? Math.max(1, Number(match[2]) - Number(match[1]) + 1) : Number(match[1]);
}

const linesCache = new WeakMap<Proxy, readonly ServerLine[]>();

/** Every server a backend declares, templates included, in file order. */
export function serverLines(proxy: Proxy): readonly ServerLine[] {
  const cached = linesCache.get(proxy);
  if (cached) return cached;
  const lines: ServerLine[] = [];
  for (const directive of proxy.directives) {
    if (directive.prefix) continue;
    const [name, second, third] = directive.args;
    if (directive.keyword.value === 'server' && name) {
      lines.push({ name: name.value, nameWord: name, address: second, options: directive.args.slice(2), directive, count: 1 });
    } else if (directive.keyword.value === 'server-template' && name) {
      lines.push({ name: name.value, nameWord: name, address: third, options: directive.args.slice(3), directive, count: templateCount(second) });
    }
  }
  linesCache.set(proxy, lines);
  return lines;
}

const defaultsCache = new WeakMap<Proxy, Word[]>();

/** Options of the `default-server` lines that apply to a proxy's servers (its defaults first, then its own). */
export function defaultServerOptions(proxy: Proxy): Word[] {
  let options = defaultsCache.get(proxy);
  if (!options) {
    options = [...settingChain(proxy)]
      .reverse()
      .flatMap((section) => section.directives.filter((d) => d.keyword.value === 'default-server' && !d.prefix).flatMap((d) => d.args));
    defaultsCache.set(proxy, options);
  }
  return options;
}

/** The last of `on`/`off` among a server's options and its default-server options (`check` / `no-check`). */
export function serverFlag(proxy: Proxy, server: ServerLine, on: string, off: string): boolean {
  let state = false;
  for (const options of [defaultServerOptions(proxy), server.options]) {
    for (const option of options) {
      if (option.value === on) state = true;
      else if (option.value === off) state = false;
    }
  }
  return state;
}

export function isBackup(proxy: Proxy, server: ServerLine): boolean {
  return serverFlag(proxy, server, 'backup', 'no-backup');
}

/** True when the server is health-checked, itself or by tracking another server's state (`track`). */
export function hasCheck(proxy: Proxy, server: ServerLine): boolean {
  return serverFlag(proxy, server, 'check', 'no-check') || server.options.some((o) => o.value === 'track');
}

/** The value following an option on a server line (`cookie web01`), looking at its own options only. */
export function serverOptionValue(server: ServerLine, option: string): string | undefined {
  const at = server.options.findIndex((o) => o.value === option);
  return at >= 0 ? server.options[at + 1]?.value : undefined;
}

/** The port of a server address, when written as a number. */
export function serverPort(server: ServerLine): number | undefined {
  if (!server.address) return undefined;
  const address = parseAddress(server.address.value);
  return 'error' in address ? undefined : address.portFrom;
}

const activeCounts = new WeakMap<Proxy, number>();

/** Number of servers taking regular traffic (not backups). */
export function activeServerCount(proxy: Proxy): number {
  let count = activeCounts.get(proxy);
  if (count === undefined) {
    count = serverLines(proxy)
      .filter((s) => !isBackup(proxy, s))
      .reduce((sum, s) => sum + s.count, 0);
    activeCounts.set(proxy, count);
  }
  return count;
}
