import type { Proxy } from '../../model/config-model';
import type { ConfigFile, Directive, Word } from '../../syntax/ast';
import { insertLinesAfter, lineBreakOf, replaceWord, sectionIndent } from '../edits';
import type { Fix } from '../finding';
import { ListFilter } from '../list-tracker';
import { bindScope } from '../listeners';
import { isAlwaysTrue, settingChain } from '../proxy-settings';
import type { Rule, RuleContext } from '../rule';

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

/** A random password from letters and digits, drawn from the platform's cryptographic generator. */
export function generatePassword(length = 24): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

const HTTP_AUTH = /http_auth(?:_group)?\(/;

const statsLines = (proxy: Proxy, sub: string): Directive[] =>
  settingChain(proxy).flatMap((section) => section.directives.filter((d) => d.keyword.value === 'stats' && d.args[0]?.value === sub));

/** The `stats enable` or `stats uri` line that turns a stats page on, and the proxy (the one serving it or a defaults) it is written in. */
interface StatsPage {
  line: Directive;
  owner: Proxy;
}

type Finding = Parameters<RuleContext['report']>[0];

function enablingLine(proxy: Proxy): StatsPage | undefined {
  for (const section of settingChain(proxy)) {
    const line = section.directives.find((d) => d.keyword.value === 'stats' && (d.args[0]?.value === 'enable' || d.args[0]?.value === 'uri'));
    if (line) return { line, owner: section };
  }
  return undefined;
}

function hasAuthentication(proxy: Proxy): boolean {
  if (statsLines(proxy, 'auth').length > 0) return true;
  return settingChain(proxy).some((section) =>
    section.directives.some(
      (d) =>
        (d.keyword.value === 'http-request' && d.args[0]?.value === 'auth') ||
        (d.keyword.value === 'stats' && d.args[0]?.value === 'http-request' && d.args[1]?.value === 'auth') ||
        d.args.some((a) => HTTP_AUTH.test(a.raw)),
    ),
  );
}

// Kept with the proxy object, which stands for one version of its section and defaults.
const openPages = new WeakMap<Proxy, StatsPage | null>();

/**
 * The line enabling a stats page without authentication for a frontend, backend or listen, with the proxy it is
 * written in; undefined when there is none or when the page only listens on this machine.
 */
function openStatsPage(proxy: Proxy): StatsPage | undefined {
  let open = openPages.get(proxy);
  if (open === undefined) {
    open = null;
    const enabling = proxy.kind === 'defaults' ? undefined : enablingLine(proxy);
    if (enabling && !hasAuthentication(proxy) && !(proxy.binds.length > 0 && proxy.binds.every((bind) => bindScope(bind) === 'local'))) open = enabling;
    openPages.set(proxy, open);
  }
  return open ?? undefined;
}

function passwordFixes(word: Word, user: string): Fix[] {
  return [
    { title: 'Replace with a generated password', edits: [replaceWord(word, `${user}:${generatePassword()}`)], preferred: true },
    { title: 'Read the password from the environment (HAPROXY_STATS_PASSWORD)', edits: [replaceWord(word, `"${user}:\${HAPROXY_STATS_PASSWORD}"`)] },
  ];
}

function checkPasswords(context: RuleContext, proxy: Proxy): void {
  for (const line of proxy.directives) {
    if (line.keyword.value !== 'stats' || line.args[0]?.value !== 'auth') continue;
    const word = line.args[1];
    if (!word || word.envVars.length > 0) continue;
    const colon = word.value.indexOf(':');
    const user = colon < 0 ? word.value : word.value.slice(0, colon);
    const weakness = passwordWeakness(user, colon < 0 ? '' : word.value.slice(colon + 1));
    if (!weakness) continue;
    context.report({ message: `The stats password ${weakness}; anyone who guesses it sees (or controls) every backend.`, range: word.range, fixes: passwordFixes(word, user) });
  }
}

function checkAdmin(context: RuleContext, proxy: Proxy): void {
  for (const line of proxy.directives.filter((d) => d.keyword.value === 'stats' && d.args[0]?.value === 'admin')) {
    if (!isAlwaysTrue(line)) continue;
    const edits = line.condition ? [replaceWord(line.condition, 'if LOCALHOST')] : [{ range: { start: line.range.end, end: line.range.end }, newText: ' if LOCALHOST' }];
    context.report({
      message: "'stats admin' is granted to every visitor of the stats page; restrict it with an ACL (a source network or an authenticated group).",
      range: line.args[0].range,
      fixes: [{ title: 'Only allow admin actions from this machine (if LOCALHOST)', edits }],
    });
  }
}

function openPageFinding(file: ConfigFile, proxy: Proxy, enabling: StatsPage): Finding {
  const line = `stats auth admin:${generatePassword()}`;
  return {
    message: `The stats page of ${proxy.kind} '${proxy.name}' has no authentication: anyone who reaches it sees every backend and server.`,
    range: enabling.line.keyword.range,
    fixes: [
      {
        title: 'Require a user and a generated password (stats auth)',
        edits: [insertLinesAfter(file, enabling.line.range.end, [line], sectionIndent(file, enabling.owner.section))],
        preferred: true,
      },
    ],
  };
}

/** Proxies with a stats page enabled by one of their defaults sections and left open. */
const inheritingOpenPage = new ListFilter<Proxy>((proxy) => {
  const open = openStatsPage(proxy);
  return open !== undefined && open.owner !== proxy;
});

/** Findings for stats pages enabled in a defaults section, kept with the proxy reporting them (stable passwords, no work per edit). */
const inheritedFindings = new WeakMap<Proxy, { eol: string; finding: Finding }>();

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
      const eol = lineBreakOf(file);
      let kept = inheritedFindings.get(proxy);
      if (kept?.eol !== eol) inheritedFindings.set(proxy, (kept = { eol, finding: openPageFinding(file, proxy, open) }));
      report(kept.finding);
    }
  },
};
