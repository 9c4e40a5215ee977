import type { Proxy } from '../model/config-model';
import type { Directive, Word } from '../syntax/ast';
import { parseAddress } from '../syntax/address';
import { detached } from '../syntax/detached';
import { ProxyMemo } from './proxy-memo';
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

const NO_SERVERS: readonly ServerLine[] = [];

const lines = new ProxyMemo<readonly ServerLine[]>((proxy) => {
  let found = NO_SERVERS as ServerLine[];
  const directives = proxy.directives;
  for (let i = 0; i < directives.length; i++) {
    const directive = directives[i];
    if (directive.prefix) continue;
    const keyword = directive.keyword.value;
    const args = directive.args;
    const name = args[0];
    if (!name || (keyword !== 'server' && keyword !== 'server-template')) continue;
    if (found === NO_SERVERS) found = [];
    if (keyword === 'server') found.push({ name: name.value, nameWord: name, address: args[1], options: args.slice(2), directive, count: 1 });
    else found.push({ name: name.value, nameWord: name, address: args[2], options: args.slice(3), directive, count: templateCount(args[1]) });
  }
  return found;
});

/** Every server a backend declares, templates included, in file order. */
export function serverLines(proxy: Proxy): readonly ServerLine[] {
  return lines.of(proxy);
}

const NO_WORDS: readonly Word[] = [];

/** The options of a proxy's own `default-server` lines. */
function ownDefaultServerOptions(proxy: Proxy): readonly Word[] {
  let options = NO_WORDS as Word[];
  const directives = proxy.directives;
  for (let i = 0; i < directives.length; i++) {
    const directive = directives[i];
    if (directive.keyword.value !== 'default-server' || directive.prefix) continue;
    if (options === NO_WORDS) options = [];
    for (let a = 0; a < directive.args.length; a++) options.push(directive.args[a]);
  }
  return options;
}

const defaultOptions = new ProxyMemo<readonly Word[]>((proxy) => {
  const chain = settingChain(proxy);
  let options = ownDefaultServerOptions(chain[chain.length - 1]);
  for (let c = chain.length - 2; c >= 0; c--) {
    const own = ownDefaultServerOptions(chain[c]);
    if (own.length > 0) options = options.length > 0 ? [...options, ...own] : own;
  }
  return options;
});

/** Options of the `default-server` lines that apply to a proxy's servers (its defaults first, then its own). */
export function defaultServerOptions(proxy: Proxy): readonly Word[] {
  return defaultOptions.of(proxy);
}

function lastFlag(options: readonly Word[], on: string, off: string, state: boolean): boolean {
  for (let i = 0; i < options.length; i++) {
    const value = options[i].value;
    if (value === on) state = true;
    else if (value === off) state = false;
  }
  return state;
}

/** The last of `on`/`off` among a server's options and its default-server options (`check` / `no-check`). */
export function serverFlag(proxy: Proxy, server: ServerLine, on: string, off: string): boolean {
  return lastFlag(server.options, on, off, lastFlag(defaultServerOptions(proxy), on, off, false));
}

export function isBackup(proxy: Proxy, server: ServerLine): boolean {
  return serverFlag(proxy, server, 'backup', 'no-backup');
}

function hasOption(server: ServerLine, option: string): boolean {
  const options = server.options;
  for (let i = 0; i < options.length; i++) if (options[i].value === option) return true;
  return false;
}

/** True when the server is health-checked, itself or by tracking another server's state (`track`). */
export function hasCheck(proxy: Proxy, server: ServerLine): boolean {
  return serverFlag(proxy, server, 'check', 'no-check') || hasOption(server, 'track');
}

/** The value following an option on a server line (`cookie web01`), looking at its own options only. */
export function serverOptionValue(server: ServerLine, option: string): string | undefined {
  const at = server.options.findIndex((o) => o.value === option);
  return at >= 0 ? server.options[at + 1]?.value : undefined;
}

// Servers are written with a few addresses many times over.
const ports = new Map<string, number | undefined>();

/** The port of a server address, when written as a number. */
export function serverPort(server: ServerLine): number | undefined {
  const text = server.address?.value;
  if (text === undefined) return undefined;
  if (ports.has(text)) return ports.get(text);
  const address = parseAddress(text);
  const port = 'error' in address ? undefined : address.portFrom;
  if (ports.size >= 10_000) ports.clear();
  ports.set(detached(text), port);
  return port;
}

const activeCounts = new ProxyMemo<number>((proxy) => {
  let count = 0;
  const servers = serverLines(proxy);
  for (let i = 0; i < servers.length; i++) if (!isBackup(proxy, servers[i])) count += servers[i].count;
  return count;
});

/** Number of servers taking regular traffic (not backups). */
export function activeServerCount(proxy: Proxy): number {
  return activeCounts.of(proxy);
}
