import type { ConfigFile, Directive, Section } from '../../syntax/ast';

export type ProxyKind = 'frontend' | 'backend' | 'listen';

/** A proxy section with the defaults section it inherits from. */
export interface ProxySection {
  name: string;
  kind: ProxyKind;
  section: Section;
  defaults?: Section;
  /** 1-based line of the section header. */
  line: number;
  /** Declaration order among proxies, from 1 (HAProxy's default proxy ids). */
  id: number;
}

export const lineOf = (d: Directive): number => d.range.start.line + 1;
export const wordsOf = (d: Directive): string[] => d.args.map((w) => w.value);

/** Finds frontends, backends and listens with the defaults each one uses (the last one above, or `from`). */
export function readProxySections(file: ConfigFile): ProxySection[] {
  const out: ProxySection[] = [];
  const namedDefaults = new Map<string, Section>();
  let lastDefaults: Section | undefined;
  let id = 0;
  for (const section of file.sections) {
    if (section.type === 'defaults') {
      const name = section.name?.value;
      if (name) namedDefaults.set(name, section);
      lastDefaults = section;
      continue;
    }
    if (section.type !== 'frontend' && section.type !== 'backend' && section.type !== 'listen') continue;
    const from = section.from?.value;
    const defaults = from ? namedDefaults.get(from) : lastDefaults;
    out.push({
      name: section.name?.value ?? '',
      kind: section.type,
      section,
      defaults,
      line: section.headerRange.start.line + 1,
      id: ++id,
    });
  }
  return out;
}

/** Directives of the defaults section then of the proxy, for keywords that inherit. */
export function effectiveDirectives(p: ProxySection): { inherited: Directive[]; own: Directive[] } {
  return { inherited: p.defaults?.directives ?? [], own: p.section.directives };
}

/** The last directive with a keyword, looking at the proxy first and then its defaults. */
export function lastDirective(p: ProxySection, keyword: string): Directive | undefined {
  const find = (list: Directive[]) => [...list].reverse().find((d) => d.keyword.value === keyword && !d.prefix);
  return find(p.section.directives) ?? (p.defaults ? find(p.defaults.directives) : undefined);
}

/** Whether `option NAME` is on, honouring `no option NAME` and the defaults section. */
export function optionEnabled(p: ProxySection, name: string): boolean {
  let on = false;
  for (const list of [p.defaults?.directives ?? [], p.section.directives]) {
    for (const d of list) {
      if (d.keyword.value !== 'option' || d.args[0]?.value !== name) continue;
      on = d.prefix?.value !== 'no';
    }
  }
  return on;
}

/** `mode` of the proxy (http or tcp; tcp when unset, as HAProxy). */
export function proxyMode(p: ProxySection): 'http' | 'tcp' {
  const d = lastDirective(p, 'mode');
  return d?.args[0]?.value === 'http' ? 'http' : 'tcp';
}
