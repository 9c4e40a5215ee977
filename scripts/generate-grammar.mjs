#!/usr/bin/env node
// Builds syntaxes/haproxy.tmLanguage.json. Keyword names are facts read from the HAProxy reference
// (../shared/haproxy-reference: keywords.json for 2.4-3.4 and the `haproxy -dKall` dump of 2.6);
// the grammar structure is ours. Run: node scripts/generate-grammar.mjs [--reference DIR] [--out FILE]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const refArg = process.argv.indexOf('--reference');
const refDir = refArg > 0 ? resolve(process.argv[refArg + 1]) : resolve(root, '../shared/haproxy-reference');
if (!existsSync(join(refDir, 'keywords.json'))) {
  console.error(`HAProxy reference not found in ${refDir}; pass --reference DIR`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Facts: keyword names per kind
// ---------------------------------------------------------------------------------------------
const entries = JSON.parse(readFileSync(join(refDir, 'keywords.json'), 'utf8'));
const dump = existsSync(join(refDir, 'haproxy-2.6.12-dKall.txt'))
  ? readFileSync(join(refDir, 'haproxy-2.6.12-dKall.txt'), 'utf8').split('\n')
  : [];

const namesOf = (kind) => entries.filter((e) => e.kind === kind).map((e) => e.name).filter((n) => !n.includes('<'));

function dumpBlock(title) {
  const start = dump.findIndex((l) => l.startsWith(`# List of registered ${title}`));
  if (start < 0) return [];
  const out = [];
  for (let i = start + 1; i < dump.length && !dump[i].startsWith('# List of'); i++) out.push(dump[i]);
  return out;
}
const configDump = dumpBlock('configuration keywords');
const fromDump = (re) => configDump.map((l) => re.exec(l)?.[1]).filter(Boolean);

const fetches = new Set([
  ...namesOf('fetch'),
  ...namesOf('acl-derived'),
  ...dumpBlock('ACL keywords').map((l) => /^(\S+) =/.exec(l)?.[1]).filter(Boolean),
  ...dumpBlock('sample fetch functions').map((l) => /^\[[ .Y]+\] ([^\s(:]+)/.exec(l)?.[1]).filter(Boolean),
]);
const actions = new Set([
  ...namesOf('action'),
  ...fromDump(/^\t(?:http-request|http-response|http-after-response|tcp-request \w+|tcp-response \w+) ([a-z0-9.-]+)\*?\s*$/),
]);
const bindOptions = new Set([
  ...namesOf('bind').map((n) => n.split(' ')[0]),
  ...fromDump(/^\tbind <addr> (?:ssl )?([a-z0-9.-]+)/),
]);
const serverOptions = new Set([
  ...namesOf('server'),
  ...fromDump(/^\tserver <name> <addr> (?:ssl )?([a-z0-9.-]+)/),
]);
const predefinedAcls = namesOf('predefined-acl');
const logFormatVars = namesOf('log-format-var').map((n) => n.slice(1));

// Keywords HAProxy removed before 2.4 (it still names them in its error messages): shown as deprecated.
const removedKeywords = ['reqadd', 'reqallow', 'reqdel', 'reqdeny', 'reqiallow', 'reqidel', 'reqideny', 'reqipass',
  'reqirep', 'reqisetbe', 'reqitarpit', 'reqpass', 'reqrep', 'reqsetbe', 'reqtarpit', 'rspadd', 'rspdel', 'rspdeny',
  'rspidel', 'rspideny', 'rspirep', 'rsprep', 'block', 'clitimeout', 'contimeout', 'srvtimeout', 'redispatch',
  'monitor-net'];

/** Keyword names of a section kind, with the first word of every multi-word name as a fallback. */
function sectionKeywords(...kinds) {
  const set = new Set();
  for (const kind of kinds) {
    for (const name of namesOf(kind)) {
      set.add(name);
      if (name.includes(' ')) set.add(name.split(' ')[0]);
    }
  }
  return [...set];
}
/** Keywords the 2.6 binary registers directly under one top-level block of the dump (`global`, `listen`...). */
function dumpSectionKeywords(section) {
  const out = [];
  let current = '';
  for (const line of configDump) {
    if (!line.startsWith('\t')) current = line.trim();
    else if (current === section) {
      const m = /^\t([a-z0-9][a-z0-9._-]*)\s*$/.exec(line);
      if (m) out.push(m[1]);
    }
  }
  return out;
}
const globalKeywords = [...sectionKeywords('global'), ...dumpSectionKeywords('global')];
const proxyKeywords = [...sectionKeywords('proxy', 'filter'), 'option', 'timeout', 'stats', 'capture', 'declare',
  'email-alert', 'external-check', 'monitor', 'persist', 'rate-limit', 'stick', ...dumpSectionKeywords('listen')
    .filter((n) => !removedKeywords.includes(n))];

const sectionKinds = {
  global: ['global'],
  defaults: ['proxy'], frontend: ['proxy'], backend: ['proxy'], listen: ['proxy'],
  userlist: ['userlist'], peers: ['peers'], mailers: ['mailers'], resolvers: ['resolvers'], cache: ['cache'],
  program: ['program'], 'http-errors': ['http-errors'], ring: ['ring'], 'log-forward': ['log-forward'],
  'fcgi-app': ['fcgi-app'], 'crt-store': ['crt-store'], traces: ['traces'], 'log-profile': ['log-profile'],
  acme: ['acme'], healthcheck: ['healthcheck'],
};
const sectionNames = namesOf('section');
for (const s of sectionNames) if (!sectionKinds[s]) throw new Error(`section without keyword kind: ${s}`);


// ---------------------------------------------------------------------------------------------
// Regex helpers
// ---------------------------------------------------------------------------------------------
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of literal names, longest first so `option httpchk` wins over `option`. */
function alt(names) {
  const unique = [...new Set(names)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return unique.map((n) => esc(n).replace(/ /g, '\\s+')).join('|');
}
const END = String.raw`(?=[\s#]|$)`;
const START = String.raw`(?<![^\s])`;
const WORD = String.raw`(?:\\.|[^\s#\\])+`;
const SECTION_ALT = alt(sectionNames);
const H = '[0-9A-Fa-f]{1,4}';
const IPV4_OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = String.raw`${IPV4_OCTET}(?:\.${IPV4_OCTET}){3}`;
const IPV6 = `(?:(?:${H}:){7}${H}|(?:${H}(?::${H})*)?::(?:${H}(?::${H})*)?)`;

// ---------------------------------------------------------------------------------------------
// Repository
// ---------------------------------------------------------------------------------------------
const repo = {};

repo.comment = {
  match: String.raw`(?<!\\)(#).*$`,
  name: 'comment.line.number-sign.haproxy',
  captures: { 1: { name: 'punctuation.definition.comment.haproxy' } },
};

repo.escape = {
  match: String.raw`\\(?:x[0-9A-Fa-f]{2}|.)`,
  name: 'constant.character.escape.haproxy',
};

// HAProxy expands environment variables only inside double quotes; elsewhere `$X` is plain text.
repo['env-var'] = {
  patterns: [
    {
      match: String.raw`(\$\{)([A-Za-z_][A-Za-z0-9_]*)(?:(\[\*\]))?(?:(-)([^}]*))?(\})`,
      name: 'variable.other.environment.haproxy',
      captures: {
        1: { name: 'punctuation.definition.variable.begin.haproxy' },
        4: { name: 'punctuation.separator.default.haproxy' },
        6: { name: 'punctuation.definition.variable.end.haproxy' },
      },
    },
    {
      match: String.raw`(\$)[A-Za-z_][A-Za-z0-9_]*`,
      name: 'variable.other.environment.haproxy',
      captures: { 1: { name: 'punctuation.definition.variable.haproxy' } },
    },
  ],
};

repo['string-double'] = {
  begin: '"',
  beginCaptures: { 0: { name: 'punctuation.definition.string.begin.haproxy' } },
  end: '(")|$',
  endCaptures: { 1: { name: 'punctuation.definition.string.end.haproxy' } },
  name: 'string.quoted.double.haproxy',
  patterns: [{ include: '#escape' }, { include: '#env-var' }, { include: '#log-format' }],
};

repo['string-single'] = {
  begin: "'",
  beginCaptures: { 0: { name: 'punctuation.definition.string.begin.haproxy' } },
  end: "(')|$",
  endCaptures: { 1: { name: 'punctuation.definition.string.end.haproxy' } },
  name: 'string.quoted.single.haproxy',
  patterns: [{ include: '#log-format' }],
};

repo.strings = { patterns: [{ include: '#string-double' }, { include: '#string-single' }] };

// --- log-format: %[sample] and %xx variables -------------------------------------------------
repo['log-format'] = {
  patterns: [
    { match: '%%', name: 'constant.character.escape.percent.haproxy' },
    { include: '#lf-sample' },
    {
      match: `(%)(\\{[^}\\s]*\\})?(?:${alt(logFormatVars)})`,
      name: 'variable.language.log-format.haproxy',
      captures: {
        1: { name: 'punctuation.definition.variable.haproxy' },
        2: { name: 'storage.modifier.log-format-flags.haproxy' },
      },
    },
  ],
};

repo['lf-sample'] = {
  begin: String.raw`(%)(\{[^}\s]*\})?(\[)`,
  beginCaptures: {
    1: { name: 'punctuation.section.embedded.begin.haproxy' },
    2: { name: 'storage.modifier.log-format-flags.haproxy' },
    3: { name: 'punctuation.section.embedded.begin.haproxy' },
  },
  end: String.raw`(\])|(?=$)`,
  endCaptures: { 1: { name: 'punctuation.section.embedded.end.haproxy' } },
  name: 'meta.embedded.sample.haproxy',
  patterns: [{ include: '#sample-at-anchor' }, { include: '#sample-chain' }],
};

// --- sample expressions: fetch(args),converter(args),... ----------------------------------
const NAME = String.raw`[A-Za-z0-9_][\w.+\-]*`;
const NOT_COND = String.raw`(?!(?:if|unless)${END})`;

repo['sample-at-anchor'] = {
  begin: String.raw`\G\s*${NOT_COND}(${NAME})`,
  beginCaptures: { 1: { name: 'support.function.fetch.haproxy' } },
  end: String.raw`(?=[\s#\]"']|$)`,
  name: 'meta.sample.haproxy',
  patterns: [{ include: '#sample-chain' }],
};

repo['sample-inline'] = {
  begin: `${START}(${alt([...fetches])})(?=\\(|,[A-Za-z_])`,
  beginCaptures: { 1: { name: 'support.function.fetch.haproxy' } },
  end: String.raw`(?=[\s#\]"']|$)`,
  name: 'meta.sample.haproxy',
  patterns: [{ include: '#sample-chain' }],
};

repo['sample-chain'] = {
  patterns: [
    { include: '#sample-args' },
    {
      begin: String.raw`(,)\s*(regsub|regsub_\w+)(\()`,
      beginCaptures: {
        1: { name: 'punctuation.separator.converter.haproxy' },
        2: { name: 'support.function.converter.haproxy' },
        3: { name: 'punctuation.section.parens.begin.haproxy' },
      },
      end: String.raw`(\))|(?=$)`,
      endCaptures: { 1: { name: 'punctuation.section.parens.end.haproxy' } },
      name: 'meta.arguments.haproxy',
      patterns: [
        { match: String.raw`\G(?:\\.|[^,)\\])+`, name: 'string.regexp.haproxy' },
        { include: '#sample-arg-items' },
      ],
    },
    {
      match: String.raw`(,)\s*(${NAME})`,
      captures: {
        1: { name: 'punctuation.separator.converter.haproxy' },
        2: { name: 'support.function.converter.haproxy' },
      },
    },
  ],
};

repo['sample-args'] = {
  begin: String.raw`\(`,
  beginCaptures: { 0: { name: 'punctuation.section.parens.begin.haproxy' } },
  end: String.raw`(\))|(?=$)`,
  endCaptures: { 1: { name: 'punctuation.section.parens.end.haproxy' } },
  name: 'meta.arguments.haproxy',
  patterns: [{ include: '#sample-arg-items' }],
};

repo['sample-arg-items'] = {
  patterns: [
    { include: '#escape' },
    { include: '#strings' },
    { match: ',', name: 'punctuation.separator.arguments.haproxy' },
    { include: '#ip' },
    {
      match: String.raw`(?<=[(,])(-?\d+(?:\.\d+)?)(us|ms|s|m|h|d|k|K|M|g|G)?(?=[,)])`,
      name: 'constant.numeric.haproxy',
      captures: { 2: { name: 'keyword.other.unit.haproxy' } },
    },
    { match: String.raw`[^,()\s\\"'$]+`, name: 'variable.parameter.haproxy' },
  ],
};

// --- values ------------------------------------------------------------------------------
repo.number = {
  match: String.raw`(?<![\w.\-/$%@:+])(\d+(?:\.\d+)?)(us|ms|s|m|h|d|k|K|M|g|G)?(?![\w.\-/@%:+])`,
  name: 'constant.numeric.haproxy',
  captures: { 2: { name: 'keyword.other.unit.haproxy' } },
};

repo.ip = {
  patterns: [
    {
      match: String.raw`(?<![\w.])${IPV4}(?:/(?:${IPV4}|\d{1,2}))?(?![\w.])`,
      name: 'constant.other.ip.haproxy',
    },
    {
      match: String.raw`(?<![\w:.])${IPV6}(?:/\d{1,3})?(?![\w.])`,
      name: 'constant.other.ip.haproxy',
    },
  ],
};

repo.address = {
  patterns: [
    {
      match: String.raw`(?<![^\s,"'])(ipv4|ipv6|unix|abnsz|abns|fd|sockpair|udp4|udp6|udp|quic4|quic6|quic|tcp4|tcp6|tcp|uxst|uxdg|rhttp|mptcp4|mptcp6|mptcp|ring)(@)`,
      captures: {
        1: { name: 'storage.type.address-family.haproxy' },
        2: { name: 'punctuation.separator.address-family.haproxy' },
      },
    },
    { include: '#ip' },
    { match: String.raw`(?<![^\s,@"'])\*(?=:)`, name: 'constant.other.ip.haproxy' },
    {
      match: String.raw`(:)(\d{1,5}(?:-\d{1,5})?)(?![\w.])`,
      captures: {
        1: { name: 'punctuation.separator.port.haproxy' },
        2: { name: 'constant.numeric.port.haproxy' },
      },
    },
  ],
};

repo.constants = {
  patterns: [
    { match: `${START}(?:SSLv3|TLSv1\\.[0-3])(?![\\w.])`, name: 'constant.language.tls-version.haproxy' },
  ],
};

repo.regex = {
  patterns: [
    { include: '#strings-as-regex' },
    { match: String.raw`(?:\\.|[^\s#\\"'])+`, name: 'string.regexp.haproxy' },
  ],
};
repo['strings-as-regex'] = {
  patterns: [
    { begin: '"', end: '"|$', name: 'string.regexp.quoted.double.haproxy' },
    { begin: "'", end: "'|$", name: 'string.regexp.quoted.single.haproxy' },
  ],
};

/** Everything an argument can hold, in the order of precedence. */
repo.args = {
  patterns: [
    { include: '#comment' },
    { include: '#condition' },
    { include: '#strings' },
    { include: '#log-format' },
    { include: '#escape' },
    { include: '#sample-inline' },
    { include: '#constants' },
    { include: '#address' },
    { include: '#number' },
  ],
};

// --- conditions and ACLs ----------------------------------------------------------------
repo.condition = {
  begin: `${START}(if|unless)${END}`,
  beginCaptures: { 1: { name: 'keyword.control.conditional.haproxy' } },
  end: '$',
  name: 'meta.condition.haproxy',
  patterns: [
    { include: '#comment' },
    { include: '#anonymous-acl' },
    { match: `${START}(?:\\|\\||or)${END}`, name: 'keyword.operator.logical.or.haproxy' },
    { match: `${START}!`, name: 'keyword.operator.logical.not.haproxy' },
    { match: `(?<![^\\s!])(?:${alt(predefinedAcls)})${END}`, name: 'support.constant.acl.haproxy' },
    { match: String.raw`(?<![^\s!])(?:\\.|[^\s#{}!\\])+`, name: 'variable.other.acl.haproxy' },
  ],
};

repo['anonymous-acl'] = {
  begin: String.raw`(?<![^\s!])(\{)${END}`,
  beginCaptures: { 1: { name: 'punctuation.section.braces.begin.haproxy' } },
  end: String.raw`(?<=\s)(\})${END}|(?=$)`,
  endCaptures: { 1: { name: 'punctuation.section.braces.end.haproxy' } },
  name: 'meta.acl.anonymous.haproxy',
  patterns: [{ include: '#acl-criterion' }, { include: '#acl-tail' }],
};

repo['acl-criterion'] = {
  patterns: [
    {
      // *_reg derivatives: every pattern after the criterion is a regular expression
      begin: String.raw`\G\s*([\w.]*_reg)(?:(\()([^)\s#]*)(\)))?${END}`,
      beginCaptures: {
        1: { name: 'support.function.fetch.haproxy' },
        2: { name: 'punctuation.section.parens.begin.haproxy' },
        3: { name: 'meta.arguments.haproxy variable.parameter.haproxy' },
        4: { name: 'punctuation.section.parens.end.haproxy' },
      },
      end: String.raw`(?=$|\s\}${END})`,
      patterns: [{ include: '#comment' }, { include: '#acl-flags' }, { include: '#regex' }],
    },
    { include: '#sample-at-anchor' },
  ],
};

repo['acl-flags'] = {
  patterns: [
    {
      match: String.raw`${START}(-m)\s+(str|beg|end|sub|dir|dom|len|found|bool|int|ip|bin)${END}`,
      captures: {
        1: { name: 'variable.parameter.flag.haproxy' },
        2: { name: 'support.constant.match-method.haproxy' },
      },
    },
    {
      match: String.raw`${START}(-[fu])\s+(${WORD})`,
      captures: { 1: { name: 'variable.parameter.flag.haproxy' }, 2: { name: 'string.unquoted.path.haproxy' } },
    },
    { match: `${START}(?:-[imnMu]|--)${END}`, name: 'variable.parameter.flag.haproxy' },
  ],
};

repo['acl-tail'] = {
  patterns: [
    { include: '#comment' },
    {
      begin: String.raw`${START}(-m)\s+(reg)${END}`,
      beginCaptures: {
        1: { name: 'variable.parameter.flag.haproxy' },
        2: { name: 'support.constant.match-method.haproxy' },
      },
      end: String.raw`(?=$|\s\}${END})`,
      patterns: [{ include: '#comment' }, { include: '#acl-flags' }, { include: '#regex' }],
    },
    { include: '#acl-flags' },
    { match: `${START}(?:eq|ge|gt|le|lt)${END}`, name: 'keyword.operator.comparison.haproxy' },
    { include: '#strings' },
    { include: '#escape' },
    { include: '#address' },
    { include: '#number' },
  ],
};

// --- preprocessor (.if) and diagnostics (.notice) --------------------------------------------
repo.preprocessor = {
  patterns: [
    {
      begin: String.raw`^\s*(\.(?:if|elif))${END}`,
      beginCaptures: { 1: { name: 'keyword.control.directive.conditional.haproxy' } },
      end: '$',
      name: 'meta.preprocessor.haproxy',
      patterns: [
        { include: '#comment' },
        {
          match: '\\b(?:defined|feature|streq|strneq|strstr|version_atleast|version_before|openssl_version_atleast|openssl_version_before|ssllib_name_startswith|awslc_api_atleast|awslc_api_before|enabled)(?=\\()',
          name: 'support.function.preprocessor.haproxy',
        },
        { match: '&&|\\|\\|', name: 'keyword.operator.logical.haproxy' },
        { match: '!', name: 'keyword.operator.logical.not.haproxy' },
        { match: '\\(', name: 'punctuation.section.parens.begin.haproxy' },
        { match: '\\)', name: 'punctuation.section.parens.end.haproxy' },
        { match: ',', name: 'punctuation.separator.arguments.haproxy' },
        { include: '#strings' },
        { match: String.raw`(?<![\w.])\d+(?:\.\d+)*(?![\w.])`, name: 'constant.numeric.haproxy' },
      ],
    },
    {
      match: String.raw`^\s*(\.(?:else|endif))${END}`,
      captures: { 1: { name: 'keyword.control.directive.conditional.haproxy' } },
    },
    {
      begin: String.raw`^\s*(\.(?:diag|notice|warning|alert))${END}`,
      beginCaptures: { 1: { name: 'keyword.control.directive.diagnostic.haproxy' } },
      end: '$',
      name: 'meta.preprocessor.diagnostic.haproxy',
      patterns: [
        { include: '#comment' },
        { include: '#strings' },
        { match: String.raw`(?:\\.|[^\s#\\"'$])+`, name: 'string.unquoted.message.haproxy' },
      ],
    },
  ],
};

// --- line rules ---------------------------------------------------------------------------
const lineBegin = (kw) => String.raw`^\s*(${kw})${END}`;
const kwScope = (section) => `keyword.other.${section}.haproxy`;

function keywordLine(section, names) {
  return {
    begin: String.raw`^\s*(?:(no|default)\s+)?(${alt(names)})${END}`,
    beginCaptures: { 1: { name: 'storage.modifier.haproxy' }, 2: { name: kwScope(section) } },
    end: '$',
    patterns: [{ include: '#args' }],
  };
}

repo['deprecated-line'] = {
  begin: lineBegin(alt(removedKeywords)),
  beginCaptures: { 1: { name: 'invalid.deprecated.haproxy' } },
  end: '$',
  patterns: [{ include: '#args' }],
};

repo['unknown-line'] = {
  begin: String.raw`^\s*(?=[^\s#])`,
  end: '$',
  patterns: [{ include: '#args' }],
};

repo['acl-line'] = {
  begin: String.raw`^\s*(acl)${END}(?:\s+((?:\\.|[^\s#\\])+))?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: { name: 'entity.name.function.acl.haproxy' } },
  end: '$',
  name: 'meta.acl.haproxy',
  patterns: [{ include: '#acl-criterion' }, { include: '#acl-tail' }],
};

// Actions whose first argument is a sample expression.
const EXPR_ACTIONS = String.raw`track-sc\d+|set-src|set-dst|set-src-port|set-dst-port|capture|set-priority-class|set-priority-offset|set-retries|set-var(?=\()|do-resolve(?=\()|sc-set-gpt0?(?=\()`;
const PAREN_ARGS = String.raw`(?:(\()([^)\s#]*)(\)))?`;
const parenCaptures = (first) => ({
  [first]: { name: 'punctuation.section.parens.begin.haproxy' },
  [first + 1]: { name: 'variable.parameter.haproxy' },
  [first + 2]: { name: 'punctuation.section.parens.end.haproxy' },
});
const ACTION_ALT = `${alt([...actions])}|track-sc\\d+|sc-[a-z-]+\\d*|lua\\.[\\w.-]+`;
const ruleParams = ['location', 'prefix', 'scheme', 'code', 'drop-query', 'append-slash', 'set-cookie',
  'clear-cookie', 'ignore-empty', 'keep-query', 'status', 'content-type', 'string', 'lf-string', 'file', 'lf-file',
  'errorfile', 'errorfiles', 'default-errorfiles', 'hdr', 'deny_status', 'realm', 'table', 'len', 'id', 'limit',
  'period', 'rstatus', 'rstring', 'binary', 'rbinary', 'comment', 'min-recv', 'on-success', 'on-error',
  'error-status', 'ok-status', 'tout-status', 'meth', 'uri', 'uri-lf', 'ver', 'body', 'body-lf', 'addr', 'port',
  'send-proxy', 'via-socks4', 'ssl', 'sni', 'alpn', 'proto', 'linger', 'default', 'pattern'];

repo['rule-line'] = {
  begin: String.raw`^\s*(http-request|http-response|http-after-response|quic-initial|tcp-request\s+(?:connection|session|content)|tcp-response\s+content|stats\s+http-request)${END}`,
  beginCaptures: { 1: { name: '$1-keyword' } },
  end: '$',
  name: 'meta.rule.haproxy',
  patterns: [
    { include: '#comment' },
    {
      begin: String.raw`\G\s+(${EXPR_ACTIONS})${PAREN_ARGS}\s+`,
      beginCaptures: { 1: { name: 'keyword.other.action.haproxy' }, ...parenCaptures(2) },
      end: '$',
      patterns: [{ include: '#sample-at-anchor' }, { include: '#rule-args' }],
    },
    {
      begin: String.raw`\G\s+(replace-(?:path|pathq|uri))\s+(${WORD})`,
      beginCaptures: { 1: { name: 'keyword.other.action.haproxy' }, 2: { name: 'string.regexp.haproxy' } },
      end: '$',
      patterns: [{ include: '#rule-args' }],
    },
    {
      begin: String.raw`\G\s+(replace-(?:header|value))\s+(${WORD})\s+(${WORD})`,
      beginCaptures: {
        1: { name: 'keyword.other.action.haproxy' },
        2: { patterns: [{ include: '#strings' }] },
        3: { name: 'string.regexp.haproxy' },
      },
      end: '$',
      patterns: [{ include: '#rule-args' }],
    },
    {
      match: String.raw`\G\s+(${ACTION_ALT})${PAREN_ARGS}${END}`,
      captures: { 1: { name: 'keyword.other.action.haproxy' }, ...parenCaptures(2) },
    },
    { include: '#rule-args' },
  ],
};

repo['rule-args'] = {
  patterns: [
    { include: '#comment' },
    { include: '#condition' },
    { match: `${START}(?:${alt(ruleParams)})${END}`, name: 'variable.parameter.haproxy' },
    { match: `${START}(?:prometheus-exporter)${END}`, name: 'support.constant.service.haproxy' },
    { match: String.raw`${START}(-m)\s+(reg)\s+(${WORD})`, captures: {
      1: { name: 'variable.parameter.flag.haproxy' },
      2: { name: 'support.constant.match-method.haproxy' },
      3: { name: 'string.regexp.haproxy' },
    } },
    { include: '#acl-flags' },
    { include: '#args' },
  ],
};

repo['check-line'] = {
  begin: String.raw`^\s*((?:http|tcp)-check(?:\s+(?:comment|connect|disable-on-404|expect|send|send-state|set-var|set-var-fmt|unset-var|send-binary|send-binary-lf|send-lf))?)${END}`,
  beginCaptures: { 1: { name: '$1-keyword' } },
  end: '$',
  patterns: [
    { include: '#comment' },
    {
      match: String.raw`${START}(!\s*)?(rstring|rstatus|rbinary)\s+(${WORD})`,
      captures: {
        1: { name: 'keyword.operator.logical.not.haproxy' },
        2: { name: 'variable.parameter.haproxy' },
        3: { name: 'string.regexp.haproxy' },
      },
    },
    { match: `${START}!`, name: 'keyword.operator.logical.not.haproxy' },
    { include: '#rule-args' },
  ],
};

const BACKEND_NAME = String.raw`((?:\\.|[^\s#\\%$"'])+)(?=[\s#]|$)`;
repo['use-backend-line'] = {
  begin: String.raw`^\s*(use_backend|default_backend)${END}(?:\s+${BACKEND_NAME})?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: { name: 'entity.name.type.backend.haproxy' } },
  end: '$',
  patterns: [{ include: '#args' }],
};

repo['use-server-line'] = {
  begin: String.raw`^\s*(use-server)${END}(?:\s+${BACKEND_NAME})?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: { name: 'variable.other.server.haproxy' } },
  end: '$',
  patterns: [{ include: '#args' }],
};

repo['stick-line'] = {
  begin: String.raw`^\s*(stick\s+(?:on|match|store-request|store-response))\s+`,
  beginCaptures: { 1: { name: '$1-keyword' } },
  end: '$',
  patterns: [{ include: '#sample-at-anchor' }, { include: '#rule-args' }],
};

const ADDRESS_CAPTURE = { patterns: [{ include: '#strings' }, { include: '#address' }] };

function optionWords(names, scope) {
  return { match: `${START}(?:${alt(names)})${END}`, name: scope };
}

repo['server-line'] = {
  begin: String.raw`^\s*(server|peer|nameserver|mailer)${END}(?:\s+(${WORD})(?:\s+(${WORD}))?)?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: { name: 'variable.other.server.haproxy' }, 3: ADDRESS_CAPTURE },
  end: '$',
  name: 'meta.server.haproxy',
  patterns: [{ include: '#comment' }, { include: '#server-options' }, { include: '#args' }],
};
repo['server-template-line'] = {
  begin: String.raw`^\s*(server-template)${END}(?:\s+(${WORD})(?:\s+(${WORD})(?:\s+(${WORD}))?)?)?`,
  beginCaptures: {
    1: { name: '$1-keyword' },
    2: { name: 'variable.other.server.haproxy' },
    3: { patterns: [{ match: '\\d+', name: 'constant.numeric.haproxy' }, { match: '-', name: 'punctuation.separator.range.haproxy' }] },
    4: ADDRESS_CAPTURE,
  },
  end: '$',
  name: 'meta.server.haproxy',
  patterns: [{ include: '#comment' }, { include: '#server-options' }, { include: '#args' }],
};
repo['default-server-line'] = {
  begin: lineBegin('default-server'),
  beginCaptures: { 1: { name: '$1-keyword' } },
  end: '$',
  name: 'meta.server.haproxy',
  patterns: [{ include: '#comment' }, { include: '#server-options' }, { include: '#args' }],
};
repo['server-options'] = optionWords([...serverOptions], 'variable.parameter.server.haproxy');

repo['bind-line'] = {
  begin: String.raw`^\s*(bind|dgram-bind)${END}(?:\s+(${WORD}))?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: ADDRESS_CAPTURE },
  end: '$',
  name: 'meta.bind.haproxy',
  patterns: [{ include: '#comment' }, { include: '#bind-options' }, { include: '#args' }],
};
repo['bind-options'] = optionWords([...bindOptions], 'variable.parameter.bind.haproxy');

repo['ssl-options-line'] = {
  begin: String.raw`^\s*(ssl-default-(bind|server)-options)${END}`,
  beginCaptures: { 1: { name: '$1-keyword' } },
  end: '$',
  patterns: [{ include: '#bind-options' }, { include: '#server-options' }, { include: '#args' }],
};

repo['stats-socket-line'] = {
  begin: String.raw`^\s*(stats\s+socket)${END}(?:\s+(${WORD}))?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: ADDRESS_CAPTURE },
  end: '$',
  patterns: [{ include: '#comment' }, { include: '#bind-options' }, { include: '#args' }],
};

repo['stats-auth-line'] = {
  begin: String.raw`^\s*(stats\s+auth)${END}(?:\s+([^\s#:"']+)(:)((?:\\.|[^\s#\\"'])*))?`,
  beginCaptures: {
    1: { name: '$1-keyword' },
    2: { name: 'variable.other.user.haproxy' },
    3: { name: 'punctuation.separator.key-value.haproxy' },
    4: { name: 'string.unquoted.password.haproxy' },
  },
  end: '$',
  patterns: [{ include: '#args' }],
};

repo['userlist-line'] = {
  begin: String.raw`^\s*(user|group)${END}(?:\s+(${WORD}))?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: { name: 'variable.other.user.haproxy' } },
  end: '$',
  patterns: [
    { include: '#comment' },
    { match: `${START}(?:password|insecure-password|groups|users)${END}`, name: 'variable.parameter.haproxy' },
    { include: '#args' },
  ],
};

function valueLine(keyword, values, scope) {
  return {
    begin: lineBegin(keyword),
    beginCaptures: { 1: { name: '$1-keyword' } },
    end: '$',
    patterns: [
      { include: '#comment' },
      { match: `${START}(?:${values})(?=[\\s#(,]|$)`, name: scope },
      { include: '#args' },
    ],
  };
}
repo['mode-line'] = valueLine('mode', 'http|tcp|health|log|spop', 'support.constant.mode.haproxy');
repo['balance-line'] = valueLine('balance',
  'roundrobin|static-rr|leastconn|first|source|uri|url_param|hdr|random|rdp-cookie|hash|sticky|log-hash',
  'support.constant.algorithm.haproxy');
const logWords = 'global|format|len|sample|rfc3164|rfc5424|raw|short|timed|iso|local|priority|emerg|alert|crit|err|warning|notice|info|debug|kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|auth2|ftp|ntp|audit|cron2|local[0-7]|stdout|stderr';
repo['log-line'] = {
  begin: lineBegin('log'),
  beginCaptures: { 1: { name: '$1-keyword' } },
  end: '$',
  patterns: [
    { include: '#comment' },
    { match: `${START}(?:${logWords})(?=[\\s#:]|$)`, name: 'support.constant.log.haproxy' },
    { include: '#args' },
  ],
};
repo['cookie-line'] = {
  begin: String.raw`^\s*(cookie)${END}(?:\s+(${WORD}))?`,
  beginCaptures: { 1: { name: '$1-keyword' }, 2: { name: 'variable.other.cookie.haproxy' } },
  end: '$',
  patterns: [
    { include: '#comment' },
    {
      match: `${START}(?:rewrite|insert|prefix|indirect|nocache|postonly|preserve|httponly|secure|domain|maxidle|maxlife|dynamic|attr)${END}`,
      name: 'variable.parameter.haproxy',
    },
    { include: '#args' },
  ],
};
const stickData = ['server_id', 'server_key', 'gpc', 'gpc_rate', 'gpc0', 'gpc0_rate', 'gpc1', 'gpc1_rate', 'gpt', 'gpt0',
  'conn_cnt', 'conn_cur', 'conn_rate', 'sess_cnt', 'sess_rate', 'http_req_cnt', 'http_req_rate', 'http_err_cnt',
  'http_err_rate', 'http_fail_cnt', 'http_fail_rate', 'bytes_in_cnt', 'bytes_in_rate', 'bytes_out_cnt',
  'bytes_out_rate', 'glitch_cnt', 'glitch_rate'];
repo['stick-table-line'] = {
  begin: String.raw`^\s*(stick-table|table)${END}`,
  beginCaptures: { 1: { name: '$1-keyword' } },
  end: '$',
  patterns: [
    { include: '#comment' },
    { match: `${START}(?:type|size|expire|store|peers|nopurge|len|srvkey|write-to|recv-only)${END}`, name: 'variable.parameter.haproxy' },
    { match: `${START}(?:ip|ipv6|integer|string|binary)${END}`, name: 'storage.type.haproxy' },
    {
      match: `(?<![^\\s,])(${alt(stickData)})(?:(\\()([^)\\s]*)(\\)))?(?=[\\s#,]|$)`,
      captures: { 1: { name: 'support.type.stick-table-data.haproxy' }, ...parenCaptures(2) },
    },
    { match: ',', name: 'punctuation.separator.comma.haproxy' },
    { include: '#args' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------
const proxySectionLines = ['#acl-line', '#rule-line', '#check-line', '#use-backend-line', '#use-server-line',
  '#stick-line', '#stick-table-line', '#server-template-line', '#default-server-line', '#server-line', '#bind-line',
  '#stats-auth-line', '#mode-line', '#balance-line', '#log-line', '#cookie-line'];
const specialLines = {
  global: ['#log-line', '#stats-socket-line', '#ssl-options-line'],
  defaults: proxySectionLines, frontend: proxySectionLines, backend: proxySectionLines, listen: proxySectionLines,
  userlist: ['#userlist-line'],
  peers: ['#server-line', '#bind-line', '#default-server-line', '#log-line', '#stick-table-line'],
  resolvers: ['#server-line'],
  mailers: ['#server-line'],
  ring: ['#server-line'],
  'log-forward': ['#bind-line', '#log-line'],
  'fcgi-app': ['#acl-line'],
  healthcheck: ['#check-line'],
};

/** Keyword scope groups: proxies share one. Placeholders `$1-keyword` in shared lines are resolved per section. */
const scopeGroup = (s) => (sectionKinds[s][0] === 'proxy' ? 'proxy' : s);

const sectionRules = [];
for (const section of sectionNames) {
  const group = scopeGroup(section);
  const ruleName = `section-${section}`;
  const lines = (specialLines[section] ?? []).map((ref) => {
    const rule = structuredClone(repo[ref.slice(1)]);
    if (rule.beginCaptures?.[1]?.name === '$1-keyword') rule.beginCaptures[1].name = kwScope(group);
    return rule;
  });
  const keywords = section === 'global' ? globalKeywords : sectionKeywords(...sectionKinds[section]);
  const extra = group === 'proxy' ? proxyKeywords : [];
  repo[ruleName] = {
    begin: String.raw`^\s*(${esc(section)})${END}(?:\s+(${WORD}))?(?:\s+(from)\s+(${WORD}))?`,
    beginCaptures: {
      1: { name: 'keyword.control.section.haproxy' },
      2: { name: 'entity.name.section.haproxy entity.name.type.section.haproxy' },
      3: { name: 'keyword.other.from.haproxy' },
      4: { name: 'entity.other.inherited-class.haproxy' },
    },
    end: String.raw`(?=^\s*(?:${SECTION_ALT})${END})`,
    name: `meta.section.${section}.haproxy`,
    patterns: [
      { match: String.raw`^\s*(#).*$`, name: 'comment.line.number-sign.haproxy', captures: { 1: { name: 'punctuation.definition.comment.haproxy' } } },
      { include: '#preprocessor' },
      ...lines,
      keywordLine(group, [...keywords, ...extra]),
      { include: '#deprecated-line' },
      { include: '#unknown-line' },
      { include: '#args' },
    ],
  };
  sectionRules.push({ include: `#${ruleName}` });
}

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'HAProxy',
  scopeName: 'source.haproxy',
  fileTypes: ['cfg'],
  comment: 'Generated by scripts/generate-grammar.mjs from HAProxy keyword facts; edit the script, not this file.',
  patterns: [
    { include: '#comment' },
    { include: '#preprocessor' },
    ...sectionRules,
    { include: '#unknown-line' },
  ],
  repository: repo,
};

// Line rules live in the sections as resolved copies; the templates are not part of the grammar.
for (const ref of new Set(Object.values(specialLines).flat())) delete repo[ref.slice(1)];
const leftover = JSON.stringify(grammar).match(/\$1-keyword/g);
if (leftover) throw new Error('unresolved keyword scope placeholder');

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'syntaxes', 'haproxy.tmLanguage.json');
writeFileSync(out, JSON.stringify(grammar, null, 2) + '\n');
console.log(`wrote ${out}: ${fetches.size} fetches, ${actions.size} actions, ` +
  `${bindOptions.size} bind options, ${serverOptions.size} server options, ${sectionNames.length} sections`);
