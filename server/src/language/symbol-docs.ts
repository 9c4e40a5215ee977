import type { ConfigModel, Proxy, ServerDefinition, SymbolDefinition } from '../model/config-model';
import type { ExternalDefinition } from '../model/external-symbols';
import type { Directive, Section } from '../syntax/ast';
import { codeBlock, escapeMarkdown, inlineCode } from './markdown';
import type { SymbolSite } from './symbol-index';

const MAX_LISTED = 8;

function lineOf(range: { start: { line: number } }): string {
  return `line ${range.start.line + 1}`;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function whereDefined(definition: SymbolDefinition): string {
  const uri = (definition as Partial<ExternalDefinition>).uri;
  return uri ? `${lineOf(definition.range)} of ${inlineCode(fileName(uri))}` : lineOf(definition.range);
}

/** The text of a directive as written (one line). */
function directiveText(model: ConfigModel, directive: Directive): string {
  return model.file.text.slice(directive.range.start.offset, directive.range.end.offset);
}

function lastValue(proxy: Proxy | undefined, keyword: string): { value: string; from?: Proxy } | undefined {
  for (let p = proxy, inherited = false; p; p = p.defaults, inherited = true) {
    const found = [...p.directives].reverse().find((d) => d.keyword.value === keyword && !d.prefix && d.args.length > 0);
    if (found) return { value: found.args.map((a) => a.value).join(' '), ...(inherited ? { from: p } : {}) };
  }
  return undefined;
}

function inheritedNote(from: Proxy | undefined): string {
  if (!from) return '';
  return from.name ? ` (from defaults ${inlineCode(from.name)})` : ' (from defaults)';
}

function serverList(servers: readonly ServerDefinition[]): string {
  const real = servers.filter((s) => !s.isDefault);
  if (real.length === 0) return '*Servers:* none';
  const shown = real.slice(0, MAX_LISTED).map((s) => {
    const backup = s.options.some((o) => o.value === 'backup') ? ' (backup)' : '';
    return `${inlineCode(s.name)} ${escapeMarkdown(s.address?.value ?? '')}${backup}`.trim();
  });
  const more = real.length > MAX_LISTED ? `, and ${real.length - MAX_LISTED} more` : '';
  return `*Servers (${real.length}):* ${shown.join(', ')}${more}`;
}

/** A proxy in a few lines: kind, name, where, mode, and what it does (balance and servers, or routing). */
export function proxyMarkdown(proxy: Proxy, definedAt?: string): string {
  const title = `**${proxy.kind}** ${proxy.name ? inlineCode(proxy.name) : '(unnamed)'} · ${definedAt ?? lineOf(proxy.section.headerRange)}`;
  const lines = [title];
  const inheritedMode = proxy.directives.some((d) => d.keyword.value === 'mode' && !d.prefix) ? undefined : lastValue(proxy.defaults, 'mode');
  const modeNote = inheritedMode ? inheritedNote(inheritedMode.from ?? proxy.defaults) : proxy.mode === 'tcp' && !proxy.directives.some((d) => d.keyword.value === 'mode') ? ' (default)' : '';
  const facts = [`*Mode:* ${proxy.mode}${modeNote}`];
  if (proxy.kind !== 'frontend') {
    const balance = lastValue(proxy, 'balance');
    facts.push(`*Balance:* ${balance ? escapeMarkdown(balance.value) + inheritedNote(balance.from) : 'roundrobin (default)'}`);
  }
  lines.push(facts.join(' · '));
  if (proxy.kind === 'backend' || proxy.kind === 'listen') lines.push(serverList(proxy.servers));
  if (proxy.kind === 'frontend' || proxy.kind === 'listen') {
    const binds = proxy.binds.map((b) => b.address?.value).filter((a): a is string => a !== undefined);
    if (binds.length) lines.push(`*Binds:* ${binds.slice(0, MAX_LISTED).map(inlineCode).join(', ')}`);
    const defaultBackend = lastValue(proxy, 'default_backend');
    const rules = proxy.directives.filter((d) => d.keyword.value === 'use_backend').length;
    const routing = [defaultBackend ? `default backend ${inlineCode(defaultBackend.value)}` : '', rules ? `${rules} use_backend rule${rules > 1 ? 's' : ''}` : ''].filter(Boolean);
    if (routing.length) lines.push(`*Routing:* ${routing.join(', ')}`);
  }
  return lines.join('\n\n');
}

/** The lines of an ACL (they OR together) in its proxy. */
export function aclMarkdown(model: ConfigModel, name: string, proxy: Proxy | undefined): string | undefined {
  const definitions = proxy?.acls.get(name) ?? [];
  if (definitions.length === 0) return undefined;
  const where = proxy?.name ? ` in ${proxy.kind} ${inlineCode(proxy.name)}` : '';
  const head = `**ACL** ${inlineCode(name)}${where} · ${definitions.map((d) => lineOf(d.directive.range)).join(', ')}`;
  const criteria = definitions.map((d) => directiveText(model, d.directive));
  const note = definitions.length > 1 ? '\n\nTrue when any of these lines matches.' : '';
  return `${head}\n\n${codeBlock(criteria.slice(0, MAX_LISTED))}${note}`;
}

/** A server line with the backend it belongs to. */
export function serverMarkdown(model: ConfigModel, server: ServerDefinition, proxy: Proxy): string {
  const head = `**server** ${inlineCode(server.name)} in ${proxy.kind} ${inlineCode(proxy.name)} · ${lineOf(server.directive.range)}`;
  return `${head}\n\n${codeBlock([directiveText(model, server.directive)])}`;
}

/** A named section other than a proxy: userlist (with users and groups), resolvers, peers, cache... */
export function sectionMarkdown(section: Section, definedAt?: string): string {
  const head = `**${section.type}** ${inlineCode(section.name?.value ?? '')} · ${definedAt ?? lineOf(section.headerRange)}`;
  if (section.type === 'userlist') {
    const names = (kind: string) => section.directives.filter((d) => d.keyword.value === kind && d.args[0]).map((d) => inlineCode(d.args[0].value));
    const users = names('user');
    const groups = names('group');
    return [head, `*Users (${users.length}):* ${users.slice(0, MAX_LISTED).join(', ') || 'none'}`, `*Groups (${groups.length}):* ${groups.slice(0, MAX_LISTED).join(', ') || 'none'}`].join('\n\n');
  }
  const count = section.directives.length;
  return `${head}\n\n${count} line${count === 1 ? '' : 's'}`;
}

/** A user, group or other line-level definition, shown as its line. */
function lineDefinitionMarkdown(model: ConfigModel, definition: SymbolDefinition): string {
  const text = model.file.text.slice(definition.fullRange.start.offset, definition.fullRange.end.offset).split(/\r?\n/)[0];
  const scope = definition.scopeName ? ` of ${inlineCode(definition.scopeName)}` : '';
  return `**${definition.kind}** ${inlineCode(definition.name)}${scope} · ${whereDefined(definition)}\n\n${codeBlock([text])}`;
}

const SECTION_KINDS = new Set(['userlist', 'resolvers', 'peers', 'ring', 'cache', 'http-errors', 'mailers', 'log-forward', 'crt-store', 'fcgi-app', 'log-profile']);

/** Markdown for a name under the cursor: where it is defined and what it is. Undefined when it is not defined. */
export function symbolMarkdown(model: ConfigModel, site: SymbolSite): string | undefined {
  switch (site.kind) {
    case 'acl':
      return aclMarkdown(model, site.name, site.scope);
    case 'backend': {
      const proxy = model.findBackend(site.name);
      if (!proxy) return undefined;
      const external = model.proxies.includes(proxy) ? undefined : (model.definitionsOf('backend', site.name)[0] ?? model.definitionsOf('listen', site.name)[0]);
      return proxyMarkdown(proxy, external ? whereDefined(external) : undefined);
    }
    case 'frontend':
    case 'listen':
    case 'defaults': {
      const proxy = model.findProxy(site.kind, site.name) ?? (site.kind === 'frontend' ? model.findProxy('listen', site.name) : undefined);
      return proxy ? proxyMarkdown(proxy) : undefined;
    }
    case 'server': {
      const proxy = site.role === 'definition' ? site.scope : site.scopeName ? model.findBackend(site.scopeName) : site.scope;
      const server = proxy?.servers.find((s) => s.name === site.name && !s.isDefault);
      return proxy && server ? serverMarkdown(model, server, proxy) : undefined;
    }
    default: {
      if (SECTION_KINDS.has(site.kind)) {
        const section = model.file.sections.find((s) => s.type === site.kind && s.name?.value === site.name);
        if (section) return sectionMarkdown(section);
      }
      const definition = model.definitionsOf(site.kind, site.name)[0];
      return definition ? lineDefinitionMarkdown(model, definition) : undefined;
    }
  }
}
