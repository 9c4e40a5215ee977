import type { ConfigModel, Proxy, SymbolDefinition, SymbolKind, SymbolReference } from '../../model/config-model';
import type { AclRefTerm, Directive, Range } from '../../syntax/ast';
import { directiveLine } from '../directive-line';
import { appendSection, insertLinesAfter, replaceWord } from '../edits';
import type { Fix } from '../finding';
import { nearestName } from '../nearest-name';
import { PREDEFINED_ACLS } from '../predefined-acls';
import type { Rule, RuleContext } from '../rule';

const LABEL: Partial<Record<SymbolKind, string>> = {
  acl: 'ACL',
  resolvers: 'resolvers section',
  peers: 'peers section',
  'http-errors': 'http-errors section',
  mailers: 'mailers section',
  'crt-store': 'crt-store section',
  table: 'stick table',
};

const label = (kind: SymbolKind) => LABEL[kind] ?? kind;

function didYouMean(reference: { name: string; range: Range }, candidates: Iterable<string>): { hint: string; fixes: Fix[] } {
  const suggestion = nearestName(reference.name, candidates);
  if (!suggestion) return { hint: '', fixes: [] };
  return { hint: ` Did you mean '${suggestion}'?`, fixes: [{ title: `Change to '${suggestion}'`, edits: [replaceWord(reference, suggestion)], preferred: true }] };
}

const TEMPLATED = /[$%]/;
const OR_OPERATOR = /^or$/i;
const SECTION_NAME = /^[A-Za-z0-9_.:-]+$/;

// Built once per model, and only when a name is missing (to suggest another).
const definitionsByKind = new WeakMap<ConfigModel, Map<SymbolKind, SymbolDefinition[]>>();

/** Names of the given kinds (within a userlist, for users and groups), as candidates for a suggestion. */
function namesOf(model: ConfigModel, kinds: readonly SymbolKind[], scopeName?: string): string[] {
  let byKind = definitionsByKind.get(model);
  if (!byKind) {
    byKind = new Map();
    for (const definition of model.definitions) {
      const list = byKind.get(definition.kind);
      if (list) list.push(definition);
      else byKind.set(definition.kind, [definition]);
    }
    definitionsByKind.set(model, byKind);
  }
  const names: string[] = [];
  for (const kind of kinds) {
    for (const definition of byKind.get(kind) ?? []) {
      if (scopeName === undefined || definition.scopeName === scopeName) names.push(definition.name);
    }
  }
  return names;
}

function checkBackend(context: RuleContext, reference: SymbolReference): void {
  const { model, file } = context;
  if (model.findBackend(reference.name)) return;
  const { hint, fixes } = didYouMean(reference, namesOf(model, ['backend', 'listen']));
  const section = reference.scope?.section;
  if (section && section.type !== 'defaults' && SECTION_NAME.test(reference.name)) {
    const header = `backend ${reference.name}${section.from ? ` from ${section.from.value}` : ''}`;
    const stub = [header, `    # TODO: add the servers of ${reference.name}`];
    const edit = section === file.sections[file.sections.length - 1] ? appendSection(file, stub) : insertLinesAfter(file, section.range.end, ['', ...stub], '');
    fixes.push({ title: `Create backend '${reference.name}'`, edits: [edit] });
  }
  context.report({ message: `No backend or listen section is named '${reference.name}'.${hint}`, range: reference.range, fixes });
}

/** An ACL named in a condition of the proxy: it must be declared by an `acl` line of the same section, above the rule. */
function checkAcl(context: RuleContext, proxy: Proxy, name: string, term: AclRefTerm, directive: Directive): void {
  // HAProxy reads the `or` operator in any letter case; a term spelled `OR` is not an ACL name.
  if (PREDEFINED_ACLS.has(name) || OR_OPERATOR.test(name)) return;
  const line = directiveLine(directive);
  const definitions = proxy.acls.get(name);
  if (definitions) {
    const first = directiveLine(definitions[0].directive);
    if (first >= line) {
      context.report({
        message: `ACL '${name}' is used before its definition at line ${first + 1}; HAProxy only knows the ACLs declared above a rule.`,
        range: term.nameRange,
      });
    }
    return;
  }
  const range = term.nameRange;
  const known = [...proxy.acls.values()].filter((defs) => directiveLine(defs[0].directive) < line).map((defs) => defs[0].name);
  const { hint, fixes } = didYouMean({ name, range }, [...known, ...PREDEFINED_ACLS]);
  context.report({ message: `No ACL named '${name}' in ${proxy.kind} '${proxy.name}'.${hint}`, range, fixes });
}

function checkServer(context: RuleContext, reference: SymbolReference): void {
  const { model } = context;
  const owner = reference.scopeName ? model.findBackend(reference.scopeName) : reference.scope;
  if (owner) {
    if (owner.kind !== 'backend' && owner.kind !== 'listen') return;
    if (owner.servers.some((s) => !s.isDefault && s.name === reference.name)) return;
    const names = owner.servers.filter((s) => !s.isDefault).map((s) => s.name);
    const { hint, fixes } = didYouMean(reference, names);
    context.report({ message: `No server named '${reference.name}' in ${owner.kind} '${owner.name}'.${hint}`, range: reference.range, fixes });
    return;
  }
  if (!reference.scopeName || !model.external || model.external.findBackend(reference.scopeName) === undefined) return;
  if (model.external.definitionsOf('server', reference.name, reference.scopeName).length > 0) return;
  context.report({ message: `No server named '${reference.name}' in backend '${reference.scopeName}'.`, range: reference.range });
}

function checkDefaults(context: RuleContext, reference: SymbolReference): void {
  const { model } = context;
  const line = reference.range.start.line;
  // The model finds the first defaults section of a name, the one highest in the file.
  const first = model.findProxy('defaults', reference.name);
  const preceding = model.external?.precedingDefaults?.().named;
  if ((first && first.section.headerRange.start.line < line) || preceding?.has(reference.name)) return;
  const above = model.proxies.filter((p) => p.kind === 'defaults' && p.name && p.section.headerRange.start.line < line).map((p) => p.name);
  const { hint, fixes } = didYouMean(reference, [...above, ...(preceding?.keys() ?? [])]);
  context.report({ message: `No defaults section named '${reference.name}' above this line.${hint}`, range: reference.range, fixes });
}

function checkScopedMember(context: RuleContext, reference: SymbolReference): void {
  const { model } = context;
  const list = reference.scopeName;
  if (!list) return;
  const local = model.definitionsOf(reference.kind, reference.name).some((d) => d.scopeName === list);
  if (local || (model.external?.definitionsOf(reference.kind, reference.name, list).length ?? 0) > 0) return;
  if (!model.definitionsOf('userlist', list).length) return;
  const { hint, fixes } = didYouMean(reference, namesOf(model, [reference.kind], list));
  context.report({ message: `Userlist '${list}' has no ${reference.kind} named '${reference.name}'.${hint}`, range: reference.range, fixes });
}

function checkNamed(context: RuleContext, reference: SymbolReference, kinds: readonly SymbolKind[]): void {
  const { model } = context;
  for (let i = 0; i < kinds.length; i++) if (model.definitionsOf(kinds[i], reference.name).length > 0) return;
  const { hint, fixes } = didYouMean(reference, namesOf(model, kinds));
  context.report({ message: `No ${kinds.map(label).join(' or ')} named '${reference.name}'.${hint}`, range: reference.range, fixes });
}

const FRONTEND_KINDS: readonly SymbolKind[] = ['frontend', 'listen'];
const singleKinds = new Map<SymbolKind, readonly SymbolKind[]>();

/** `[kind]`, one array per kind. */
function only(kind: SymbolKind): readonly SymbolKind[] {
  let kinds = singleKinds.get(kind);
  if (!kinds) singleKinds.set(kind, (kinds = [kind]));
  return kinds;
}

/**
 * Reports names that point nowhere: backends, ACLs, servers, tables, userlists and other named sections. ACLs
 * belong to their proxy, so they are checked with its section; every other name needs the whole config.
 */
export const unknownReferenceRule: Rule = {
  name: 'unknown-reference',
  defaultSeverity: 'error',
  description: 'A backend, ACL, server, table, userlist or other named section is used but never defined.',
  quotesLineNumbers: true,
  checkSection(context) {
    const proxy = context.proxy;
    if (!proxy) return;
    const directives = proxy.directives;
    for (let d = 0; d < directives.length; d++) {
      const groups = directives[d].condition?.groups;
      if (!groups) continue;
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g];
        for (let t = 0; t < group.length; t++) {
          const term = group[t];
          if (term.kind === 'acl-ref' && term.name !== '' && !TEMPLATED.test(term.name)) checkAcl(context, proxy, term.name, term, directives[d]);
        }
      }
    }
  },
  check(context) {
    const references = context.model.references;
    for (let i = 0; i < references.length; i++) {
      const reference = references[i];
      if (reference.kind === 'acl' || reference.dynamic || reference.name === '' || TEMPLATED.test(reference.name)) continue;
      switch (reference.kind) {
        case 'backend':
          checkBackend(context, reference);
          break;
        case 'server':
          checkServer(context, reference);
          break;
        case 'defaults':
          checkDefaults(context, reference);
          break;
        case 'user':
        case 'group':
          checkScopedMember(context, reference);
          break;
        case 'frontend':
          checkNamed(context, reference, FRONTEND_KINDS);
          break;
        default:
          checkNamed(context, reference, only(reference.kind));
      }
    }
  },
};
