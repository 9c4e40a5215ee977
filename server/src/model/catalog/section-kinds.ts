import type { CatalogSection, KeywordKind, ProxySection } from './types';

export const PROXY_SECTIONS: readonly ProxySection[] = ['defaults', 'frontend', 'listen', 'backend'];

/** The keyword kinds whose lines a section holds. */
export const SECTION_KINDS: Readonly<Record<CatalogSection, readonly KeywordKind[]>> = {
  global: ['global'],
  defaults: ['proxy', 'filter'],
  frontend: ['proxy', 'filter'],
  listen: ['proxy', 'filter'],
  backend: ['proxy', 'filter'],
  userlist: ['userlist'],
  peers: ['peers'],
  mailers: ['mailers'],
  resolvers: ['resolvers'],
  cache: ['cache'],
  program: ['program'],
  'http-errors': ['http-errors'],
  ring: ['ring'],
  'log-forward': ['log-forward'],
  'crt-store': ['crt-store'],
  traces: ['traces'],
  acme: ['acme'],
  'fcgi-app': ['fcgi-app'],
  'log-profile': ['log-profile'],
  healthcheck: ['healthcheck'],
};

/** Every kind whose keywords start a line of some section. */
export const DIRECTIVE_KINDS: readonly KeywordKind[] = [...new Set(Object.values(SECTION_KINDS).flat())];

/** True for section names the catalog has keywords for. */
export function isCatalogSection(section: string): section is CatalogSection {
  return Object.prototype.hasOwnProperty.call(SECTION_KINDS, section);
}

export function isProxySection(section: string): section is ProxySection {
  return (PROXY_SECTIONS as readonly string[]).includes(section);
}
