import type { ConfigModel, Proxy, SymbolKind, SymbolReference } from '../../model/config-model';
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

function didYouMean(reference: SymbolReference, candidates: Iterable<string>): { hint: string; fixes: Fix[] } {
  const suggestion = nearestName(reference.name, candidates);
  if (!suggestion) return { hint: '', fixes: [] };
  return { hint: ` Did you mean '${suggestion}'?`, fixes: [{ title: `Change to '${suggestion}'`, edits: [replaceWord(reference, suggestion)], preferred: true }] };
}

function namesOf(model: ConfigModel, kinds: SymbolKind[], scopeName?: string): string[] {
  return model.definitions.filter((d) => kinds.includes(d.kind) && (scopeName === undefined || d.scopeName === scopeName)).map((d) => d.name);
}

function checkBackend(context: RuleContext, reference: SymbolReference): void {
  const { model, file } = context;
  if (model.findBackend(reference.name)) return;
  const { hint, fixes } = didYouMean(reference, namesOf(model, ['backend', 'listen']));
  const section = reference.scope?.section;
  if (section && section.type !== 'defaults' && /^[A-Za-z0-9_.:-]+$/.test(reference.name)) {
    const header = `backend ${reference.name}${section.from ? ` from ${section.from.value}` : ''}`;
    const stub = [header, `    # TODO: add the servers of ${reference.name}`];
    const edit = section === file.sections[file.sections.length - 1] ? appendSection(file, stub) : insertLinesAfter(file, section.range.end.line, ['', ...stub], '');
    fixes.push({ title: `Create backend '${reference.name}'`, edits: [edit] });
  }
  context.report({ message: `No backend or listen section is named '${reference.name}'.${hint}`, range: reference.range, fixes });
}

function checkAcl(context: RuleContext, reference: SymbolReference, proxy: Proxy): void {
  // HAProxy reads the `or` operator in any letter case; a term spelled `OR` is not an ACL name.
  if (PREDEFINED_ACLS.has(reference.name) || /^or$/i.test(reference.name)) return;
  const line = reference.directive.range.start.line;
  const definitions = proxy.acls.get(reference.name);
  if (definitions) {
    const first = definitions[0].directive.range.start.line;
    if (first >= line) {
      context.report({
        message: `ACL '${reference.name}' is used before its definition at line ${first + 1}; HAProxy only knows the ACLs declared above a rule.`,
        range: reference.range,
      });
    }
    return;
  }
  const known = [...proxy.acls.values()].filter((defs) => defs[0].directive.range.start.line < line).map((defs) => defs[0].name);
  const { hint, fixes } = didYouMean(reference, [...known, ...PREDEFINED_ACLS]);
  context.report({ message: `No ACL named '${reference.name}' in ${proxy.kind} '${proxy.name}'.${hint}`, range: reference.range, fixes });
}

function checkServer(context: RuleContext, reference: SymbolReference): void {
  const { model } = context;
  const owner = reference.scopeName ? model.findBackend(reference.scopeName) : reference.scope;
  if (owner) {
    if (owner.kind !== 'backend' && owner.kind !== 'listen') return;
    const names = owner.servers.filter((s) => !s.isDefault).map((s) => s.name);
    if (names.includes(reference.name)) return;
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
  const above = model.proxies.filter((p) => p.kind === 'defaults' && p.name && p.section.headerRange.start.line < line).map((p) => p.name);
  const preceding = model.external?.precedingDefaults?.().named;
  if (above.includes(reference.name) || preceding?.has(reference.name)) return;
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

function checkNamed(context: RuleContext, reference: SymbolReference, kinds: SymbolKind[]): void {
  const { model } = context;
  if (kinds.some((kind) => model.definitionsOf(kind, reference.name).length > 0)) return;
  const { hint, fixes } = didYouMean(reference, namesOf(model, kinds));
  context.report({ message: `No ${kinds.map(label).join(' or ')} named '${reference.name}'.${hint}`, range: reference.range, fixes });
}

/** Reports names that point nowhere: backends, ACLs, servers, tables, userlists and other named sections. */
export const unknownReferenceRule: Rule = {
  name: 'unknown-reference',
  defaultSeverity: 'error',
  description: 'A backend, ACL, server, table, userlist or other named section is used but never defined.',
  check(context) {
    for (const reference of context.model.references) {
      if (reference.dynamic || reference.name === '' || /[$%]/.test(reference.name)) continue;
      switch (reference.kind) {
        case 'backend':
          checkBackend(context, reference);
          break;
        case 'acl':
          if (reference.scope) checkAcl(context, reference, reference.scope);
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
          checkNamed(context, reference, ['frontend', 'listen']);
          break;
        default:
          checkNamed(context, reference, [reference.kind]);
      }
    }
  },
};
