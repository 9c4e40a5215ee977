import type { ConfigModel, Proxy } from '../model/config-model';
import type { ConfigFile, Directive, Section } from '../syntax/ast';
import { PROXY_SECTIONS } from '../syntax/section-keywords';

/** The section a line belongs to: the last one whose header is on or above it. */
export function sectionAt(file: ConfigFile, line: number): Section | undefined {
  const sections = file.sections;
  let low = 0;
  let high = sections.length - 1;
  let found: Section | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid].headerRange.start.line <= line) {
      found = sections[mid];
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The section before `section` in the file, if any. */
export function previousSection(file: ConfigFile, section: Section): Section | undefined {
  const before = sectionAt(file, section.headerRange.start.line - 1);
  return before === section ? undefined : before;
}

/** The directive of a section that starts on `line`. */
export function directiveAt(section: Section, line: number): Directive | undefined {
  const list = section.directives;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = list[mid].range.start.line;
    if (at === line) return list[mid];
    if (at < line) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

const proxyCache = new WeakMap<ConfigModel, Map<Section, Proxy>>();

/**
 * The proxy a frontend, backend, listen or defaults section makes. The model lists proxies in file order, so a
 * binary search by header line finds it without an index per model version; a map is the fallback for a
 * model listed otherwise.
 */
export function proxyOf(model: ConfigModel, section: Section | undefined): Proxy | undefined {
  if (!section || !PROXY_SECTIONS.has(section.type)) return undefined;
  const proxies = model.proxies;
  const line = section.headerRange.start.line;
  let low = 0;
  let high = proxies.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = proxies[mid].section.headerRange.start.line;
    if (at === line) {
      if (proxies[mid].section === section) return proxies[mid];
      break;
    }
    if (at < line) low = mid + 1;
    else high = mid - 1;
  }
  let bySection = proxyCache.get(model);
  if (!bySection) {
    bySection = new Map(proxies.map((proxy) => [proxy.section, proxy]));
    proxyCache.set(model, bySection);
  }
  return bySection.get(section);
}
