import type { CompiledProxy, CookieSpec } from './compiled-proxy';
import type { ServerDef } from './config/servers';
import { requestCookies } from './http-message';
import type { HttpMessage } from './request';

/** What the request's persistence cookie says. */
export type CookieVerdict =
  | { state: 'none' }
  | { state: 'valid'; server: ServerDef; value: string }
  | { state: 'down'; server: ServerDef; value: string }
  | { state: 'invalid'; value: string };

/** The server part of a cookie value: before `~` in prefix mode, before `|` (dates) in insert mode. */
function serverPart(spec: CookieSpec, value: string): string | undefined {
  if (spec.mode === 'prefix') {
    const tilde = value.indexOf('~');
    return tilde < 0 ? undefined : value.slice(0, tilde);
  }
  const bar = value.indexOf('|');
  return bar < 0 ? value : value.slice(0, bar);
}

/**
 * Reads the persistence cookie as HAProxy does: a known server that is not stopped (or any known
 * server with `option persist` / force-persist) makes the request go there directly.
 */
export function readPersistenceCookie(be: CompiledProxy, http: HttpMessage, force: boolean): CookieVerdict {
  const spec = be.cookie;
  if (!spec) return { state: 'none' };
  let verdict: CookieVerdict = { state: 'none' };
  for (const [name, value] of requestCookies(http)) {
    if (name !== spec.name) continue;
    const part = serverPart(spec, value);
    const server = part === undefined ? undefined : be.servers.find((s) => s.cookie !== undefined && s.cookie === part);
    if (!server) {
      verdict = { state: 'invalid', value };
      continue;
    }
    if (server.running || be.options.persist || force) return { state: 'valid', server, value };
    verdict = { state: 'down', server, value };
  }
  return verdict;
}

/** The Set-Cookie value HAProxy adds in insert mode, or undefined when it adds none. */
export function insertedCookie(spec: CookieSpec, server: ServerDef, direct: boolean, method: string, ignorePersist: boolean): string | undefined {
  if (spec.mode !== 'insert') return undefined;
  if (direct && !spec.maxidle && !spec.maxlife) return undefined;
  if (spec.postonly && method !== 'POST') return undefined;
  if (ignorePersist) return undefined;
  let out: string;
  if (server.cookie === undefined) out = `${spec.name}=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/`;
  else out = `${spec.name}=${server.cookie}${spec.maxidle || spec.maxlife ? '|<date>' : ''}; path=/`;
  for (const d of spec.domains) out += `; domain=${d}`;
  if (spec.httponly) out += '; HttpOnly';
  if (spec.secure) out += '; Secure';
  for (const a of spec.attrs) out += `; ${a}`;
  return out;
}
