import type { Proxy } from '../../model/config-model';
import type { ConfigFile, Directive, Word } from '../../syntax/ast';
import { insertLinesAfter, lineBreakOf, replaceWord, sectionIndent } from '../edits';
import type { Fix } from '../finding';
import { ListFilter } from '../list-tracker';
import { ProxyMemo } from '../proxy-memo';
import { bindScope } from '../listeners';
import { isAlwaysTrue, settingChain } from '../proxy-settings';
import type { ReportedFinding, Rule, RuleContext } from '../rule';

const WEAK_PASSWORDS = new Set([
  'admin', 'password', 'passw0rd', 'changeme', 'change_me', 'change-me', 'change_this_password', 'changethispassword', 'secret',
  'haproxy', 'stats', 'root', 'toor', 'test', 'pass', 'default', 'qwerty', 'letmein', '123456', '12345678', '123456789', 'admin123',
  'password1', 'welcome', 'guest', 'user', 'demo', 'example',
]);
const PLACEHOLDER = /^(?:x+|\*+|<.*>|\{.*\}|change.?(?:me|this).*|your.?pass.*|replace.?me.*|todo.*|fixme.*)$/i;
const MIN_LENGTH = 12;

/** Why a stats password is unsafe, or undefined when it looks fine (or comes from the environment). */
export function passwordWeakness(user: string, password: string): string | undefined {
  if (password === '') return 'is empty';
  if (WEAK_PASSWORDS.has(password.toLowerCase()) || PLACEHOLDER.test(password)) return `'${password}' is a well-known or placeholder password`;
  if (password === user) return 'is the same as the user name';
  if (password.length < MIN_LENGTH) return `is shorter than ${MIN_LENGTH} characters`;
  return undefined;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
// Random bytes are drawn in batches: a large config can have a fix with a new password on every stats page.
const pool = new Uint8Array(4096);
let used = pool.length;

/** A random password from letters and digits, drawn from the platform's cryptographic generator. */
export function generatePassword(length = 24): string {
  let password = '';
  for (let i = 0; i < length; i++) {
    if (used === pool.length) {
      globalThis.crypto.getRandomValues(pool);
      used = 0;
    }
    password += ALPHABET[pool[used++] % ALPHABET.length];
  }
  return password;
}

const HTTP_AUTH = /http_auth(?:_group)?\(/;

/** The `stats enable` or `stats uri` line that turns a stats page on, and the proxy (the one serving it or a defaults) it is written in. */
interface StatsPage {
  line: Directive;
  owner: Proxy;
}


function enablingLine(proxy: Proxy): StatsPage | undefined {
  const chain = settingChain(proxy);
  for (let c = 0; c < chain.length; c++) {
    const directives = chain[c].directives;
    for (let i = 0; i < directives.length; i++) {
      const directive = directives[i];
      if (directive.keyword.value !== 'stats') continue;
      const sub = directive.args[0]?.value;
      if (sub === 'enable' || sub === 'uri') return { line: directive, owner: chain[c] };
    }
  }
  return undefined;
}

/** True for a line that asks for credentials: `stats auth`, `http-request auth`, `stats http-request auth`, an `http_auth` test. */
function asksCredentials(directive: Directive): boolean {
  const keyword = directive.keyword.value;
  const args = directive.args;
  const first = args[0]?.value;
  if (keyword === 'stats' && (first === 'auth' || (first === 'http-request' && args[1]?.value === 'auth'))) return true;
  if (keyword === 'http-request' && first === 'auth') return true;
  for (let i = 0; i < args.length; i++) if (HTTP_AUTH.test(args[i].raw)) return true;
  return false;
}

function hasAuthentication(proxy: Proxy): boolean {
  const chain = settingChain(proxy);
  for (let c = 0; c < chain.length; c++) {
    const directives = chain[c].directives;
    for (let i = 0; i < directives.length; i++) if (asksCredentials(directives[i])) return true;
  }
  return false;
}

function listensLocally(proxy: Proxy): boolean {
  const binds = proxy.binds;
  for (let i = 0; i < binds.length; i++) if (bindScope(binds[i]) !== 'local') return false;
  return binds.length > 0;
}

const openPages = new ProxyMemo<StatsPage | undefined>((proxy) => {
  const enabling = enablingLine(proxy);
  return enabling && !hasAuthentication(proxy) && !listensLocally(proxy) ? enabling : undefined;
});

/**
 * The line enabling a stats page without authentication for a frontend, backend or listen, with the proxy it is
 * written in; undefined when there is none or when the page only listens on this machine.
 */
function openStatsPage(proxy: Proxy): StatsPage | undefined {
  return proxy.kind === 'defaults' ? undefined : openPages.of(proxy);
}

function passwordFixes(word: Word, user: string): Fix[] {
  return [
    { title: 'Replace with a generated password', edits: [replaceWord(word, `${user}:${generatePassword()}`)], preferred: true },
    { title: 'Read the password from the environment (HAPROXY_STATS_PASSWORD)', edits: [replaceWord(word, `"${user}:\${HAPROXY_STATS_PASSWORD}"`)] },
  ];
}

function checkPasswords(context: RuleContext, proxy: Proxy): void {
  const directives = proxy.directives;
  for (let i = 0; i < directives.length; i++) {
    const line = directives[i];
    if (line.keyword.value !== 'stats' || line.args[0]?.value !== 'auth') continue;
    const word = line.args[1];
    if (!word || word.envVars.length > 0) continue;
    const colon = word.value.indexOf(':');
    const user = colon < 0 ? word.value : word.value.slice(0, colon);
    const weakness = passwordWeakness(user, colon < 0 ? '' : word.value.slice(colon + 1));
    if (!weakness) continue;
    context.report({ message: `The stats password ${weakness}; anyone who guesses it sees (or controls) every backend.`, range: word.range, fixes: () => passwordFixes(word, user) });
  }
}

function checkAdmin(context: RuleContext, proxy: Proxy): void {
  const directives = proxy.directives;
  for (let i = 0; i < directives.length; i++) {
    const line = directives[i];
    if (line.keyword.value !== 'stats' || line.args[0]?.value !== 'admin' || !isAlwaysTrue(line)) continue;
    const edits = line.condition ? [replaceWord(line.condition, 'if LOCALHOST')] : [{ range: { start: line.range.end, end: line.range.end }, newText: ' if LOCALHOST' }];
    context.report({
      message: "'stats admin' is granted to every visitor of the stats page; restrict it with an ACL (a source network or an authenticated group).",
      range: line.args[0].range,
      fixes: [{ title: 'Only allow admin actions from this machine (if LOCALHOST)', edits }],
    });
  }
}

// Made when a fix first asks for it, then kept with the proxy: the fix offers the same password from one edit to the next.
const passwords = new ProxyMemo<{ password?: string }>(() => ({}));

function openPageFinding(file: ConfigFile, proxy: Proxy, enabling: StatsPage): ReportedFinding {
  return {
    message: `The stats page of ${proxy.kind} '${proxy.name}' has no authentication: anyone who reaches it sees every backend and server.`,
    range: enabling.line.keyword.range,
    fixes: () => {
      const kept = passwords.of(proxy);
      const line = `stats auth admin:${(kept.password ??= generatePassword())}`;
      return [
        {
          title: 'Require a user and a generated password (stats auth)',
          edits: [insertLinesAfter(file, enabling.line.range.end, [line], sectionIndent(file, enabling.owner.section))],
          preferred: true,
        },
      ];
    },
  };
}

/** Proxies with a stats page enabled by one of their defaults sections and left open. */
const inheritingOpenPage = new ListFilter<Proxy>((proxy) => {
  const open = openStatsPage(proxy);
  return open !== undefined && open.owner !== proxy;
});

/**
 * Reports stats pages without authentication, with a weak or placeholder password, or with `stats admin` open to
 * all. A page enabled in a defaults section is reported once, for the first proxy that inherits it unprotected.
 */
export const statsAuthRule: Rule = {
  name: 'stats-auth',
  defaultSeverity: 'warning',
  description: 'A stats page has no authentication, a weak or placeholder password, or unrestricted admin actions.',
  fileFacts: ({ file }) => lineBreakOf(file),
  checkSection(context) {
    const proxy = context.proxy;
    if (!proxy) return;
    checkPasswords(context, proxy);
    checkAdmin(context, proxy);
    const open = openStatsPage(proxy);
    if (open && open.owner === proxy) context.report(openPageFinding(context.file, proxy, open));
  },
  check({ file, model, report }) {
    const reported = new Set<Directive>();
    for (const proxy of inheritingOpenPage.of(model.proxies)) {
      const open = openStatsPage(proxy)!;
      if (reported.has(open.line)) continue;
      reported.add(open.line);
      report(openPageFinding(file, proxy, open));
    }
  },
};
