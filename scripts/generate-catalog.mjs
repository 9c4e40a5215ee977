#!/usr/bin/env node
// Builds server/src/model/catalog/keywords.generated.json from the extracted HAProxy facts in
// ../shared/haproxy-reference (keywords.json, sections.json and the `haproxy -dKall` dump of 2.6).
// The output is committed: users have no ../shared.
// Run: npm run generate:catalog [-- <reference-dir> [<output-file>]]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = resolve(process.argv[2] ?? process.env.HAPROXY_REFERENCE_DIR ?? join(repoRoot, '../shared/haproxy-reference'));
const outFile = resolve(process.argv[3] ?? join(repoRoot, 'server/src/model/catalog/keywords.generated.json'));

if (!existsSync(join(referenceDir, 'keywords.json'))) {
  console.error(`generate-catalog: no keywords.json in ${referenceDir}; the committed ${outFile} stays as it is.`);
  process.exit(1);
}

const VERSIONS = ['2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '3.0', '3.1', '3.2', '3.3', '3.4'];
const BINARY_VERSION = '2.6';
/** Names used in section / rule-set bit masks. The order is part of the file format. */
const PLACES = [
  'defaults', 'frontend', 'listen', 'backend',
  'quic-initial', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'tcp-response content',
  'http-request', 'http-response', 'http-after-response',
  'global', 'userlist', 'peers', 'mailers', 'resolvers', 'cache', 'program', 'http-errors', 'ring', 'log-forward',
  'crt-store', 'traces', 'acme', 'fcgi-app', 'log-profile', 'healthcheck',
];
const CONTEXTS = ['tcp', 'http', 'log'];
const APPLIES_TO = ['bind', 'server', 'default-server'];
const MATCH_METHODS = {
  'exact string match': 'str', 'suffix match': 'end', 'regex match': 'reg', 'prefix match': 'beg',
  'subdir match': 'dir', 'domain match': 'dom', 'length match': 'len', 'substring match': 'sub',
  'hex binary match': 'bin', 'integer match': 'int', 'decimal match': 'int', 'group ...': 'str',
  'case insensitive method match': 'str',
};

const keywords = JSON.parse(readFileSync(join(referenceDir, 'keywords.json'), 'utf8'));
const sections = JSON.parse(readFileSync(join(referenceDir, 'sections.json'), 'utf8'));
const dkallPath = join(referenceDir, `haproxy-${BINARY_VERSION}.12-dKall.txt`);
const dkall = existsSync(dkallPath) ? readFileSync(dkallPath, 'utf8') : '';

const vIndex = (v) => VERSIONS.indexOf(v);
const maskOf = (versions) => versions.reduce((m, v) => (vIndex(v) >= 0 ? m | (1 << vIndex(v)) : m), 0);
const versionsOf = (mask) => VERSIONS.filter((_, i) => mask & (1 << i));
const placeMask = (names) =>
  (names ?? []).reduce((m, n) => {
    const i = PLACES.indexOf(n);
    if (i < 0) throw new Error(`unknown section or rule set: ${n}`);
    return m | (1 << i);
  }, 0);
const listMask = (list, names) => (names ?? []).reduce((m, n) => m | (1 << list.indexOf(n)), 0);

const byKey = new Map(keywords.map((e) => [`${e.kind}\0${e.name}`, e]));
const find = (kind, name) => byKey.get(`${kind}\0${name}`);
const report = { gapFilled: [], fromBinary: [], arityFromBinary: [], newFromBinary: [] };

// ---------------------------------------------------------------------------------------------
// 1. Normalised working entries: variants with version masks, undocumented versions tracked.
// ---------------------------------------------------------------------------------------------
const entries = keywords.map((e) => ({
  source: e,
  kind: e.kind,
  name: e.name,
  variants: e.variants.map((v) => ({
    mask: maskOf(v.versions),
    anchor: v.anchor,
    syntax: v.syntax,
    places: placeMask(v.ruleSets ?? v.sections ?? (v.versions.includes(VERSIONS.at(-1)) ? e.sections : [])),
    anchorsByRuleSet: v.anchorsByRuleSet,
  })),
  undocumented: 0,
}));
const entryByKey = new Map(entries.map((e) => [`${e.kind}\0${e.name}`, e]));

// Variants without their own section list inherit the entry's (newest) list; proxies need one.
for (const e of entries) {
  for (const v of e.variants) {
    if (v.places === 0 && e.source.sections.length > 0) v.places = placeMask(e.source.sections);
  }
}

// Manuals sometimes hide an entry from the extractor for a release or two (README: 2.6-2.7 set-var).
// A keyword documented before and after a hole was accepted in between: fill it from the previous variant.
for (const e of entries) {
  const all = e.variants.reduce((m, v) => m | v.mask, 0);
  const first = VERSIONS.findIndex((_, i) => all & (1 << i));
  const last = VERSIONS.length - 1 - [...VERSIONS].reverse().findIndex((_, i) => all & (1 << (VERSIONS.length - 1 - i)));
  for (let i = first; i <= last; i++) {
    if (all & (1 << i)) continue;
    const previous = e.variants.filter((v) => v.mask & ((1 << i) - 1)).at(-1);
    previous.mask |= 1 << i;
    e.undocumented |= 1 << i;
    report.gapFilled.push(`${e.kind} ${e.name} ${VERSIONS[i]}`);
  }
}

// Section-opening keywords: also accepted where the source registers the section.
for (const s of sections) {
  const e = entryByKey.get(`section\0${s.section}`);
  if (!e) continue;
  const registered = maskOf(s.registeredInSource);
  const documented = e.variants.reduce((m, v) => m | v.mask, 0);
  const extra = registered & ~documented;
  if (extra) {
    e.variants.at(-1).mask |= extra;
    e.undocumented |= extra;
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Cross-check with what the 2.6 binary registers (`haproxy -dKall`).
// ---------------------------------------------------------------------------------------------
const bit26 = 1 << vIndex(BINARY_VERSION);
const fromBinaryOnwards = VERSIONS.slice(vIndex(BINARY_VERSION)).reduce((m, v) => m | (1 << vIndex(v)), 0);
/** Related documented keywords whose anchor serves keywords the manual never describes. */
const RELATED_ANCHOR = {
  'acl-derived': (name) => {
    const stem = name.replace(/_(beg|dir|dom|end|len|reg|sub)$/, '');
    const fetch = { scook: 'res.cook', shdr: 'res.hdr', cook: 'req.cook' }[stem] ?? stem;
    return find('fetch', fetch) ?? find('acl-derived', stem);
  },
  fetch: (name) => find('fetch', name.replace(/^sc\d_/, 'sc_')) ?? find('fetch', name.replace(/^sc\d_/, 'sc0_')),
  converter: (name) => (name.startsWith('map_') ? find('converter', 'map_str') : undefined),
  server: (name) => find('server', name.replace(/^no-/, '')),
  action: () => undefined,
  global: () => undefined,
};
const CHAPTER_ANCHOR = { 'acl-derived': '#7.3.6', fetch: '#7.3.6', converter: '#7.3.1', server: '#5.2', bind: '#5.1', global: '#3', action: '#4.2' };

function ensureBinaryKeyword(kind, name, places = 0, { arity } = {}) {
  const key = `${kind}\0${name}`;
  let e = entryByKey.get(key);
  if (e) {
    if (e.variants.some((v) => v.mask & bit26)) {
      if (places) {
        const v = e.variants.find((x) => x.mask & bit26);
        const missing = places & ~v.places;
        if (missing) {
          v.places |= places;
          report.fromBinary.push(`${kind} ${name} in ${PLACES.filter((_, i) => missing & (1 << i)).join(',')}`);
        }
      }
      return e;
    }
    const all = e.variants.reduce((m, v) => m | v.mask, 0);
    // Documented from a later release on (a maintenance-release backport): bridge 2.6 up to that release.
    // Documented only before 2.6: the binary still registers it, so assume it stayed accepted afterwards.
    const later = all & ~((bit26 << 1) - 1);
    const add = later ? ((later & -later) - 1) & ~(bit26 - 1) : fromBinaryOnwards & ~all;
    const target = later ? e.variants.find((v) => v.mask & later) : e.variants.at(-1);
    target.mask |= add;
    if (places) target.places |= places;
    e.undocumented |= add;
    report.fromBinary.push(`${kind} ${name} +${versionsOf(add).join(',')}`);
    return e;
  }
  const related = RELATED_ANCHOR[kind]?.(name);
  const relatedVariant = related?.variants.find((v) => v.versions.includes(BINARY_VERSION)) ?? related?.variants.at(-1);
  e = {
    source: undefined,
    kind,
    name,
    variants: [{ mask: fromBinaryOnwards, anchor: relatedVariant?.anchor ?? CHAPTER_ANCHOR[kind] ?? '#4', syntax: [], places }],
    undocumented: fromBinaryOnwards,
    binaryOnly: true,
    arity,
  };
  entries.push(e);
  entryByKey.set(key, e);
  report.newFromBinary.push(`${kind} ${name}`);
  return e;
}

const binaryArity = new Map(); // `${kind}\0${name}` -> arity in 2.6
const binaryAclMethod = new Map();
if (dkall) {
  let block = '';
  let group = '';
  for (const raw of dkall.split('\n')) {
    if (raw.startsWith('# List of registered')) {
      block = raw;
      continue;
    }
    if (raw.startsWith('#') || raw.trim() === '') continue;
    if (block.includes('ACL keywords')) {
      const m = /^(\S+) = (\S+) -m (\S+)/.exec(raw);
      if (!m) continue;
      binaryAclMethod.set(m[1], { fetch: m[2], method: m[3] });
      const fetch = find('fetch', m[1]);
      if (find('acl-derived', m[1]) || !fetch?.versions.includes(BINARY_VERSION)) ensureBinaryKeyword('acl-derived', m[1]);
    } else if (block.includes('configuration keywords')) {
      if (!raw.startsWith('\t')) {
        group = raw.trim();
        continue;
      }
      const line = raw.trim();
      if (group === 'global') {
        if (line !== 'stats') ensureBinaryKeyword('global', line, placeMask(['global']));
      } else if (group === 'listen') {
        let m;
        if ((m = /^bind <addr> (?:ssl )?(\S+)( \+-?1)?$/.exec(line))) {
          const name = m[1] === 'expose-fd' ? 'expose-fd listeners' : m[1];
          const arity = m[1] === 'expose-fd' ? 0 : m[2] ? 1 : 0;
          binaryArity.set(`bind\0${name}`, arity);
          ensureBinaryKeyword('bind', name, 0, { arity });
        } else if ((m = /^server <name> <addr> (\S+)( \+1| \+-1)?$/.exec(line))) {
          // `usesrc` is only registered to report a misplaced use; it belongs to `source`.
          if (m[1] === 'usesrc') continue;
          const arity = m[2] === ' +-1' ? -1 : m[2] ? 1 : 0;
          binaryArity.set(`server\0${m[1]}`, arity);
          ensureBinaryKeyword('server', m[1], 0, { arity });
        } else if ((m = /^(tcp-request \S+|tcp-response \S+|http-request|http-response|http-after-response) (\S+?)(\*)?$/.exec(line))) {
          const names = m[2] === 'track-sc' ? ['track-sc0', 'track-sc1', 'track-sc2'] : [m[2]];
          for (const n of names) ensureBinaryKeyword('action', n, placeMask([m[1]]));
        }
        // Other listen keywords (clitimeout, contimeout, srvtimeout...) are registered only to report their removal.
      }
    } else if (block.includes('converter')) {
      const m = /^([^:(\s]+)/.exec(raw);
      if (m) ensureBinaryKeyword('converter', m[1]);
    } else if (block.includes('fetch')) {
      const m = /^\[[^\]]*\] ([^:(\s]+)/.exec(raw);
      if (m) ensureBinaryKeyword('fetch', m[1]);
    } else if (block.includes('filter names')) {
      const m = /^(\S+)/.exec(raw);
      if (m) ensureBinaryKeyword('filter', `filter ${m[1]}`);
    }
  }
}

// Facts the manuals get wrong, checked against HAProxy's parser: the 2.4 manual spells the peers
// keyword `enable`, but the code has always accepted `enabled` (and only that).
const PARSER_FACTS = [{ kind: 'peers', name: 'enabled', versions: ['2.4'] }];
for (const fix of PARSER_FACTS) {
  const e = entryByKey.get(`${fix.kind}\0${fix.name}`);
  const add = maskOf(fix.versions) & ~e.variants.reduce((m, v) => m | v.mask, 0);
  e.variants[0].mask |= add;
  e.undocumented |= add;
}

// ---------------------------------------------------------------------------------------------
// 3. Argument arity of bind / server options: from the syntax line, checked against the binary.
// ---------------------------------------------------------------------------------------------
function arityFromSyntax(e) {
  if (e.kind === 'server' && e.name === 'source') return -1;
  const nameWords = e.name.split(' ').length;
  let arity = 0;
  for (const v of e.variants) {
    for (const line of v.syntax) {
      if (/^\s/.test(line)) continue;
      const rest = line.replace(/\(deprecated\)/, '').trim().split(/\s+/).slice(nameWords);
      if (rest.length > 0) arity = Math.max(arity, 1);
    }
  }
  return arity;
}
for (const e of entries) {
  if (e.kind !== 'bind' && e.kind !== 'server') continue;
  const fromSyntax = e.variants.some((v) => v.syntax.length) ? arityFromSyntax(e) : undefined;
  const fromBinary = binaryArity.get(`${e.kind}\0${e.name}`);
  if (fromBinary !== undefined && fromSyntax !== undefined && fromBinary !== fromSyntax) {
    report.arityFromBinary.push(`${e.kind} ${e.name}: syntax says ${fromSyntax}, binary says ${fromBinary}`);
  }
  e.arity = fromBinary ?? fromSyntax ?? e.arity ?? 0;
}

// ---------------------------------------------------------------------------------------------
// 4. Compact encoding.
// ---------------------------------------------------------------------------------------------
const KINDS = [...new Set(entries.map((e) => e.kind))];
const strings = [];
const stringIndex = new Map();
const intern = (s) => {
  let i = stringIndex.get(s);
  if (i === undefined) {
    i = strings.length;
    strings.push(s);
    stringIndex.set(s, i);
  }
  return i;
};
const shortAnchor = (anchor, name) => {
  const m = /^#([\d.]+)-(.*)$/.exec(anchor);
  if (m && m[2] === name.replace(/ /g, '%20')) return m[1];
  return anchor;
};

// Rows are tuples to keep the file small and quick to parse:
//   entry   = [kind index, name, variants, extras?]   (extras: an object holding only the facts it has)
//   variant = [version mask, anchor, syntax string indexes | 0, place mask | 0, anchors by rule set?]
// A short anchor "4.2" stands for "#4.2-<name with %20 for spaces>".
const out = [];
for (const e of entries.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
  const s = e.source ?? {};
  const variants = e.variants.map((v) => {
    const row = [v.mask, shortAnchor(v.anchor, e.name), v.syntax.length ? v.syntax.map(intern) : 0, v.places];
    if (v.anchorsByRuleSet) {
      row.push(Object.fromEntries(Object.entries(v.anchorsByRuleSet).map(([rs, a]) => [PLACES.indexOf(rs), shortAnchor(a, `${rs} ${e.name}`)])));
    }
    while (row.length > 2 && row[row.length - 1] === 0) row.pop();
    return row;
  });
  const x = {};
  if (e.undocumented) x.u = e.undocumented;
  if (s.deprecation) x.d = s.deprecation.since;
  else if (s.deprecated) x.d = s.versions[0];
  if (s.deprecatedSyntax) x.ds = s.deprecatedSyntax;
  if (s.experimental) x.x = 1;
  if (s.contexts) x.c = listMask(CONTEXTS, s.contexts);
  if (s.outputType) x.o = s.outputType;
  if (s.inputType) x.i = s.inputType;
  const binaryAcl = e.kind === 'acl-derived' ? binaryAclMethod.get(e.name) : undefined;
  if (s.fetch || binaryAcl) x.f = binaryAcl?.fetch ?? s.fetch;
  if (s.matchMethod || binaryAcl) x.mm = binaryAcl?.method ?? MATCH_METHODS[s.matchMethod] ?? s.matchMethod;
  if (s.equivalent) x.q = s.equivalent;
  if (s.negatable) x.g = 1;
  if (s.namedDefaultsOnly) x.nd = 1;
  if (s.appliesTo && s.appliesTo.join() !== (e.kind === 'bind' ? 'bind' : 'server,default-server')) x.ap = listMask(APPLIES_TO, s.appliesTo);
  if (e.kind === 'log-format-var') x.lf = [s.fieldName ?? '', s.type ?? '', s.restriction ?? ''];
  if (e.arity !== undefined && (e.kind === 'bind' || e.kind === 'server')) x.ar = e.arity;
  if (e.binaryOnly) x.b = 1;
  const row = [KINDS.indexOf(e.kind), e.name, variants];
  if (Object.keys(x).length) row.push(x);
  out.push(row);
}

const payload = {
  format: 2,
  generatedFrom: 'haproxy-reference keywords.json + sections.json + haproxy 2.6.12 -dKall',
  versions: VERSIONS,
  kinds: KINDS,
  places: PLACES,
  contexts: CONTEXTS,
  appliesTo: APPLIES_TO,
  strings,
  entries: out,
};
writeFileSync(outFile, JSON.stringify(payload) + '\n');

const size = JSON.stringify(payload).length;
console.log(`generate-catalog: ${out.length} entries, ${strings.length} syntax strings, ${(size / 1024).toFixed(0)} KiB -> ${outFile}`);
for (const [label, list] of Object.entries(report)) {
  if (list.length) console.log(`  ${label} (${list.length}): ${list.join('; ')}`);
}
