import type { Directive } from '../../syntax/ast';
import { compileCondition, type AclTable } from '../acl/condition';
import { compileAclWords } from '../acl/compile-acl';
import { compileHttpAction, compileRedirect } from '../actions/http-actions';
import { compileTcpAction } from '../actions/tcp-actions';
import { applyBalanceWords, applyHashTypeWords, defaultBalanceSpec } from '../balance/balance-spec';
import type { CompileEnv } from '../compile-env';
import type { CompiledProxy, CompiledRule, CookieSpec, StickRule } from '../compiled-proxy';
import { compileExpressionText } from '../expression';
import { compileLogFormat, isDynamic } from '../log-format';
import { parseBind } from './binds';
import { lineOf, optionEnabled, proxyMode, wordsOf, type ProxySection } from './proxy-sections';
import { parseServerWords, type ServerDef } from './servers';

function directiveText(d: Directive): string {
  const parts = [d.prefix?.raw, d.keyword.raw, ...d.args.map((a) => a.raw)].filter(Boolean);
  let text = parts.join(' ');
  if (d.condition) text += ` ${d.condition.keyword.raw} ${d.condition.groups.map((g) => g.map((t) => (t.kind === 'acl-ref' ? `${t.negated ? '!' : ''}${t.name}` : `${t.negated ? '!' : ''}{ ${t.words.map((w) => w.raw).join(' ')} }`)).join(' ')).join(' || ')}`;
  return text;
}

function parseCookie(words: string[], line: number): CookieSpec {
  const spec: CookieSpec = {
    name: words[0] ?? '',
    mode: 'passive',
    indirect: false,
    nocache: false,
    postonly: false,
    preserve: false,
    httponly: false,
    secure: false,
    domains: [],
    attrs: [],
    maxidle: false,
    maxlife: false,
    dynamic: false,
    line,
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === 'insert' || w === 'rewrite' || w === 'prefix') spec.mode = w;
    else if (w === 'indirect') spec.indirect = true;
    else if (w === 'nocache') spec.nocache = true;
    else if (w === 'postonly') spec.postonly = true;
    else if (w === 'preserve') spec.preserve = true;
    else if (w === 'httponly') spec.httponly = true;
    else if (w === 'secure') spec.secure = true;
    else if (w === 'dynamic') spec.dynamic = true;
    else if (w === 'domain') spec.domains.push(words[++i] ?? '');
    else if (w === 'attr') spec.attrs.push(words[++i] ?? '');
    else if (w === 'maxidle') {
      spec.maxidle = true;
      i++;
    } else if (w === 'maxlife') {
      spec.maxlife = true;
      i++;
    }
  }
  return spec;
}

/** Splits rule words at the condition: the parser already moved `if`/`unless` into `condition`. */
function ruleOf(d: Directive, acls: AclTable, env: CompileEnv, run: CompiledRule['run']): CompiledRule {
  return { line: lineOf(d), text: directiveText(d), cond: compileCondition(d.condition, acls, env), run };
}

/** HAProxy's automatic ids: a counter that moves on at every server, skipping ids given with `id`. */
function assignServerIds(servers: ServerDef[], explicit: Set<number>): void {
  let next = 1;
  for (const s of servers) {
    if (!s.explicitId) {
      while (explicit.has(next)) next++;
      s.puid = next;
      explicit.add(next);
    }
    next++;
  }
}

/** Compiles one proxy section: ACLs, rules, servers, balance, persistence. */
export function compileProxy(p: ProxySection, env: CompileEnv): CompiledProxy {
  const own = p.section.directives;
  const inherited = p.defaults?.directives ?? [];
  const acls: AclTable = new Map();
  const proxy: CompiledProxy = {
    name: p.name,
    kind: p.kind,
    id: p.id,
    line: p.line,
    mode: proxyMode(p),
    disabled: false,
    binds: [],
    acls,
    tcpConnection: [],
    tcpSession: [],
    tcpContent: [],
    httpRequest: [],
    redirects: [],
    useBackends: [],
    useServers: [],
    persistRules: [],
    servers: [],
    balance: defaultBalanceSpec(),
    balanceLine: 0,
    stickRules: [],
    options: {
      allbackups: optionEnabled(p, 'allbackups'),
      persist: optionEnabled(p, 'persist'),
      redispatch: optionEnabled(p, 'redispatch'),
      httpProxy: optionEnabled(p, 'http_proxy'),
    },
    directives: own,
  };

  for (const d of own) {
    if (d.keyword.value !== 'acl' || d.prefix) continue;
    env.line = lineOf(d);
    const [name = '', ...criterion] = wordsOf(d);
    const list = acls.get(name) ?? [];
    list.push(compileAclWords(criterion, env));
    acls.set(name, list);
  }

  let defaultServer: string[] = [];
  const explicitIds = new Set<number>();
  const blocks: CompiledRule[] = [];
  const stickTables: string[] = [];
  const inheritedKeywords = new Set(['mode', 'balance', 'hash-type', 'cookie', 'default_backend', 'default-server', 'http-request', 'tcp-request', 'option', 'monitor-uri', 'stats']);
  const lines = [...inherited.filter((d) => inheritedKeywords.has(d.keyword.value)), ...own];
  for (const d of lines) {
    const kw = d.keyword.value;
    const words = wordsOf(d);
    env.line = lineOf(d);
    if (d.prefix) continue;
    switch (kw) {
      case 'disabled':
        if (own.includes(d)) proxy.disabled = true;
        break;
      case 'bind': {
        const { binds, problems } = parseBind(words, lineOf(d));
        proxy.binds.push(...binds);
        for (const m of problems) env.problems.push({ line: lineOf(d), message: m });
        break;
      }
      case 'balance':
        proxy.balance = { ...defaultBalanceSpec(), hashType: proxy.balance.hashType, hashFunction: proxy.balance.hashFunction, avalanche: proxy.balance.avalanche };
        applyBalanceWords(proxy.balance, words);
        proxy.balanceLine = lineOf(d);
        if (proxy.balance.algorithm === 'hash') proxy.hashExpr = compileExpressionText(proxy.balance.hashExpression, env);
        break;
      case 'hash-type':
        applyHashTypeWords(proxy.balance, words);
        break;
      case 'cookie':
        proxy.cookie = parseCookie(words, lineOf(d));
        break;
      case 'default_backend':
        proxy.defaultBackend = { line: lineOf(d), name: words[0] ?? '' };
        break;
      case 'default-server':
        defaultServer = [...defaultServer, ...words];
        break;
      case 'server': {
        const [name = '', address = '', ...opts] = words;
        const s = parseServerWords(name, address, opts, defaultServer, lineOf(d), proxy.servers.length);
        const idAt = opts.indexOf('id');
        if (idAt >= 0 && /^\d+$/.test(opts[idAt + 1] ?? '')) {
          s.explicitId = true;
          explicitIds.add(s.puid);
        }
        proxy.servers.push(s);
        break;
      }
      case 'server-template': {
        const [prefix = '', range = '1', address = '', ...opts] = words;
        const m = /^(\d+)(?:-(\d+))?$/.exec(range);
        const from = m ? (m[2] ? Number(m[1]) : 1) : 1;
        const to = m ? Number(m[2] ?? m[1]) : 0;
        for (let n = from; n <= to && n - from < 10000; n++) {
          proxy.servers.push(parseServerWords(`${prefix}${n}`, address, opts, defaultServer, lineOf(d), proxy.servers.length));
        }
        break;
      }
      case 'block':
        blocks.push(
          ruleOf(d, acls, env, (ctx) => {
            ctx.unsupported.add("'block' (HAProxy refuses it since 2.1; simulated as the http-request deny it became)");
            return { kind: 'respond', status: 403, what: 'block' };
          }),
        );
        break;
      case 'http-request':
        proxy.httpRequest.push(ruleOf(d, acls, env, compileHttpAction(words, p.name, env)));
        break;
      case 'redirect': {
        const fn = compileRedirect(words, env);
        if (typeof fn === 'string') env.problems.push({ line: lineOf(d), message: fn });
        else proxy.redirects.push(ruleOf(d, acls, env, fn));
        break;
      }
      case 'tcp-request': {
        const [phase = '', ...rest] = words;
        if (phase === 'connection') proxy.tcpConnection.push(ruleOf(d, acls, env, compileTcpAction(rest, 'connection', p.name, env)));
        else if (phase === 'session') proxy.tcpSession.push(ruleOf(d, acls, env, compileTcpAction(rest, 'connection', p.name, env)));
        else if (phase === 'content') proxy.tcpContent.push(ruleOf(d, acls, env, compileTcpAction(rest, 'content', p.name, env)));
        break;
      }
      case 'use_backend': {
        const target = words[0] ?? '';
        const dynamic = isDynamic(target);
        const fmt = dynamic ? compileLogFormat(target, env) : () => target;
        proxy.useBackends.push({ line: lineOf(d), text: directiveText(d), name: fmt, dynamic, cond: compileCondition(d.condition, acls, env) });
        break;
      }
      case 'use-server': {
        const target = words[0] ?? '';
        const fmt = isDynamic(target) ? compileLogFormat(target, env) : () => target;
        proxy.useServers.push({ line: lineOf(d), text: directiveText(d), server: fmt, cond: compileCondition(d.condition, acls, env) });
        break;
      }
      case 'force-persist':
      case 'ignore-persist':
        proxy.persistRules.push({ line: lineOf(d), text: directiveText(d), force: kw === 'force-persist', cond: compileCondition(d.condition, acls, env) });
        break;
      case 'stick-table':
        stickTables.push(p.name);
        break;
      case 'stick': {
        const [kind = '', keyText = '', ...rest] = words;
        if (kind !== 'match' && kind !== 'on' && kind !== 'store-request' && kind !== 'store-response') break;
        const tableAt = rest.indexOf('table');
        const rule: StickRule = {
          line: lineOf(d),
          text: directiveText(d),
          kind,
          key: compileExpressionText(keyText, env),
          table: tableAt >= 0 ? rest[tableAt + 1] ?? p.name : p.name,
          cond: compileCondition(d.condition, acls, env),
        };
        if (kind === 'store-response') env.unsupported.add('stick store-response (responses are not simulated)');
        proxy.stickRules.push(rule);
        break;
      }
      case 'monitor-uri':
        proxy.monitorUri = { line: lineOf(d), uri: words[0] ?? '' };
        break;
      case 'stats': {
        proxy.stats ??= { line: lineOf(d), uri: '/haproxy?stats', auth: false, credentials: [] };
        if (words[0] === 'uri') proxy.stats.uri = words[1] ?? '/';
        else if (words[0] === 'auth') {
          proxy.stats.auth = true;
          proxy.stats.credentials.push(d.args[1]?.raw.replace(/^["']|["']$/g, '') ?? '');
        }
        break;
      }
      case 'option':
        if (words[0] === 'forwardfor') {
          const hAt = words.indexOf('header');
          proxy.options.forwardfor = { header: hAt >= 0 ? words[hAt + 1] ?? 'X-Forwarded-For' : 'X-Forwarded-For', ifNone: words.includes('if-none') };
        }
        break;
      default:
        if (kw.startsWith('lua') || kw === 'filter') env.unsupported.add(`${kw} (not simulated)`);
    }
  }
  if (p.kind === 'listen' && p.section.headerArgs.length > 1) {
    const { binds } = parseBind([p.section.headerArgs[1].value], p.line);
    proxy.binds.push(...binds);
  }
  if (!optionEnabled(p, 'forwardfor')) proxy.options.forwardfor = undefined;
  proxy.httpRequest = [...blocks, ...proxy.httpRequest];
  assignServerIds(proxy.servers, explicitIds);
  return proxy;
}
