import type { SectionType } from './ast';

/** Every keyword that opens a section, in any HAProxy version from 2.4 to 3.4. */
export const SECTION_KEYWORDS: ReadonlySet<string> = new Set<SectionType>([
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'userlist',
  'peers',
  'resolvers',
  'mailers',
  'program',
  'http-errors',
  'ring',
  'cache',
  'log-forward',
  'crt-store',
  'traces',
  'acme',
  'fcgi-app',
  'log-profile',
  'healthcheck',
  'dynamic-update',
]);

/** Sections whose first header argument is their name. */
export const NAMED_SECTIONS: ReadonlySet<string> = new Set([...SECTION_KEYWORDS].filter((s) => s !== 'global' && s !== 'traces' && s !== 'dynamic-update'));

/** Sections that are proxies: they route traffic and share most keywords. */
export const PROXY_SECTIONS: ReadonlySet<string> = new Set(['defaults', 'frontend', 'backend', 'listen']);

/**
 * Keywords whose line may end with an `if`/`unless` condition. On other lines `if` is an ordinary word
 * (an ACL pattern, a header value...).
 */
export const CONDITIONAL_KEYWORDS: ReadonlySet<string> = new Set([
  'http-request',
  'http-response',
  'http-after-response',
  'tcp-request',
  'tcp-response',
  'quic-initial',
  'use_backend',
  'use-server',
  'use-fcgi-app',
  'redirect',
  'block',
  'reqdeny',
  'stick',
  'force-persist',
  'ignore-persist',
  'monitor',
  'stats',
  'http-check',
  'tcp-check',
  'filter',
  'errorloc',
  'capture',
  'track-sc0',
  'track-sc1',
  'track-sc2',
]);
