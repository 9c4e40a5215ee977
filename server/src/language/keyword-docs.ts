import {
  addedIn,
  docsUrl,
  isDeprecatedIn,
  isHttpOnly,
  isKnownIn,
  placesIn,
  removedAfter,
  RULE_SETS,
  syntaxLines,
  versionIndex,
  type HaproxyVersion,
  type KeywordEntry,
  type KeywordKind,
  type RemovedKeyword,
  type RuleSet,
} from '../model/catalog';
import { codeBlock, escapeMarkdown, inlineCode } from './markdown';

const KIND_LABELS: Partial<Record<KeywordKind, string>> = {
  section: 'section',
  global: 'global keyword',
  proxy: 'proxy keyword',
  action: 'action',
  bind: 'bind option',
  server: 'server option',
  fetch: 'sample fetch',
  converter: 'converter',
  'acl-derived': 'ACL criterion',
  'acl-flag': 'ACL flag',
  'acl-match-method': 'ACL match method',
  'acl-operator': 'ACL operator',
  'predefined-acl': 'predefined ACL',
  filter: 'filter',
  'log-format-var': 'log-format variable',
  'crt-store-load': 'crt-store load option',
};

/** How a kind of keyword is named in prose (`bind option`, `sample fetch`). */
export function kindLabel(kind: KeywordKind): string {
  return KIND_LABELS[kind] ?? `${kind} keyword`;
}

/** Sections/rule sets for a keyword; undefined when the kind alone says where it goes. */
function placesLine(entry: KeywordEntry, version: HaproxyVersion): string | undefined {
  if (entry.kind === 'bind' || entry.kind === 'server') {
    const on = entry.appliesTo ?? [entry.kind];
    return `*Lines:* ${on.map((p) => inlineCode(p)).join(', ')}`;
  }
  const places = placesIn(entry, version);
  if (places.length === 0 || entry.kind === 'section') return undefined;
  const label = entry.kind === 'action' ? 'Rule sets' : 'Sections';
  return `*${label}:* ${places.map((p) => inlineCode(p)).join(', ')}`;
}

function modesLine(entry: KeywordEntry, version: HaproxyVersion): string | undefined {
  if (isHttpOnly(entry, version)) return '*Modes:* HTTP only';
  if (entry.contexts?.length) return `*Modes:* ${entry.contexts.join(', ')}`;
  return undefined;
}

function sinceText(version: HaproxyVersion | undefined): string {
  return version === '2.4' ? '2.4 or earlier' : (version ?? 'unknown');
}

/**
 * The version story of a keyword told against the target: when it came, whether the target has it,
 * deprecation and removal. `removed` adds the replacement HAProxy names for a dropped keyword.
 */
export function versionLine(entry: KeywordEntry, version: HaproxyVersion, removed?: RemovedKeyword): string {
  const first = addedIn(entry);
  const last = removedAfter(entry);
  const parts: string[] = [];
  if (!isKnownIn(entry, version)) {
    if (first && versionIndex(version) < versionIndex(first)) {
      parts.push(`**Not available in HAProxy ${version}** (the target): added in ${first}.`);
    } else {
      parts.push(`**Not available in HAProxy ${version}** (the target): last accepted by ${last ?? 'an older version'}.`);
      if (removed?.replacements.length) parts.push(`Use ${removed.replacements.map(inlineCode).join(' or ')} instead.`);
    }
    return parts.join(' ');
  }
  parts.push(`Available since HAProxy ${sinceText(first)}`);
  if (last) parts.push(`up to ${last}`);
  let text = `${parts.join(', ')}; the target is ${version}.`;
  if (isDeprecatedIn(entry, version)) text += ` **Deprecated** since ${entry.deprecatedSince}.`;
  else if (entry.deprecatedSince) text += ` Deprecated from ${entry.deprecatedSince}.`;
  if (entry.experimental) text += ' Experimental.';
  return text;
}

function factsLine(entry: KeywordEntry): string | undefined {
  const facts: string[] = [];
  if (entry.fetch && entry.matchMethod) facts.push(`Same as ${inlineCode(`${entry.fetch} -m ${entry.matchMethod}`)}.`);
  if (entry.equivalent) facts.push(`Equivalent to ${inlineCode(entry.equivalent)}.`);
  if (entry.inputType && entry.outputType) facts.push(`Input: ${entry.inputType}; output: ${entry.outputType}.`);
  else if (entry.outputType) facts.push(`Returns: ${entry.outputType}.`);
  if (entry.logVar) {
    const { fieldName, type, restriction } = entry.logVar;
    facts.push(`Field ${inlineCode(fieldName)}, ${type}${restriction ? `, ${restriction} only` : ''}.`);
  }
  return facts.length ? facts.join(' ') : undefined;
}

/** The manual link for the target version (or the nearest manual documenting the keyword). */
export function manualLink(entry: KeywordEntry, version: HaproxyVersion, ruleSet?: RuleSet): string {
  const url = docsUrl(entry, version, ruleSet);
  const docVersion = /docs\.haproxy\.org\/([\d.]+)\//.exec(url)?.[1] ?? version;
  return `[HAProxy ${docVersion} manual](${url})`;
}

/** Syntax lines to show; for actions documented per rule set, those of the rule set in use. */
function shownSyntax(entry: KeywordEntry, version: HaproxyVersion, ruleSet?: RuleSet): string[] {
  const lines = syntaxLines(entry, version);
  if (!ruleSet) return lines;
  const own = lines.filter((l) => l.startsWith(`${ruleSet} `));
  if (own.length) return own;
  const general = lines.filter((l) => !RULE_SETS.some((rs) => l.startsWith(`${rs} `)));
  return general.length ? general : lines;
}

export interface KeywordDocsOptions {
  ruleSet?: RuleSet;
  removed?: RemovedKeyword;
  /** Leave out the bold title line (completion items show the name already). */
  noTitle?: boolean;
}

/** Markdown documentation of a catalog keyword for the target version. */
export function keywordMarkdown(entry: KeywordEntry, version: HaproxyVersion, options: KeywordDocsOptions = {}): string {
  const blocks: string[] = [];
  if (!options.noTitle) {
    const shownName = options.ruleSet && entry.kind === 'action' ? `${options.ruleSet} ${entry.name}` : entry.name;
    blocks.push(`**${escapeMarkdown(shownName)}** — ${kindLabel(entry.kind)}`);
  }
  const syntax = shownSyntax(entry, version, options.ruleSet);
  if (syntax.length) blocks.push(codeBlock(syntax.slice(0, 8)));
  if (entry.summary) blocks.push(escapeMarkdown(entry.summary));
  const facts = factsLine(entry);
  if (facts) blocks.push(facts);
  const where = [placesLine(entry, version), modesLine(entry, version)].filter((x): x is string => x !== undefined);
  if (where.length) blocks.push(where.join(' · '));
  blocks.push(versionLine(entry, version, options.removed));
  blocks.push(manualLink(entry, version, options.ruleSet));
  return blocks.join('\n\n');
}
